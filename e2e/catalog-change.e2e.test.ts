import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * Safe catalog change in Chromium (issue 17), on a phone's width: the organ's administrator renames
 * a node from the catalog page (a refused name is shown next to the field), reads the preview,
 * confirms, and finds the change in the history; then merges a node and its old address lands on
 * the node it went into. axe-core finds nothing on any of these pages.
 */
describe.skipIf(SKIP_BROWSER)('safe catalog change in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { id: number; code: string; name: string };
  let admin: { username: string; password: string };
  let notices: number;
  let news: number;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle);
    organ = await createOrgan(deps);
    notices = await createNode(deps, organ.id, { name: '通知公告' });
    news = await createNode(deps, organ.id, { name: '工作动态' });
    await createNode(deps, organ.id, { name: '机构信息' });
    await createPublished(deps, organ.id, [notices], { title: '关于房屋征收补偿方案的公告' });
    await createPublished(deps, organ.id, [news], { title: '扬尘治理推进会召开' });
    admin = await createStaff(deps, organ.code, 'organ_admin');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('renames through preview and confirmation, then merges with the old address redirecting', async () => {
    const page = await served.newPage({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const v = await axeViolations(page);
      if (v.length) found[name] = v;
    };
    await new AdminPages(page, served.baseUrl).signIn(admin.username, admin.password);
    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/catalog`);
    await check('catalog page');
    await page.getByRole('link', { name: '调整栏目 通知公告（改名、移动、合并、拆分）' }).click();
    await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('改名栏目“通知公告”');
    await check('change form');

    // The same name again is refused next to the field, nothing changes.
    await page.getByRole('button', { name: '预览调整' }).click();
    await expect(page.locator('#e-name').textContent()).resolves.toBe('新名称与原名称相同');
    await check('change form with an error');

    await page.getByLabel(/新名称/).fill('通知公示');
    await page.getByRole('button', { name: '预览调整' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`预览目录调整：${organ.name}`);
    await expect(page.locator('main').textContent()).resolves.toContain('改名：“通知公告”改为“通知公示”');
    await expect(page.locator('main').textContent()).resolves.toContain('无需转向');
    await check('rename preview');
    await page.screenshot({ path: path.join(SHOTS, 'catalog-change-preview.png'), fullPage: true });
    await page.getByRole('button', { name: '确认调整' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('已完成目录调整：改名：“通知公告”改为“通知公示”');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`目录调整记录：${organ.name}`);
    await expect(page.locator('table.list tbody tr').first().textContent()).resolves.toMatch(new RegExp(`${admin.username}.*改名.*通知公示`));
    await check('history');

    // Merge 通知公示 into 工作动态: the preview lists the item and the three addresses.
    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/catalog/changes?nodeId=${notices}&kind=merge`);
    await page.getByLabel(/并入的栏目/).selectOption({ label: '工作动态' });
    await page.getByRole('button', { name: '预览调整' }).click();
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('关于房屋征收补偿方案的公告');
    await expect(main.textContent()).resolves.toContain(`/organs/${organ.code}/catalog/${notices}/feed.atom`);
    await check('merge preview');
    await page.getByRole('button', { name: '确认调整' }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('已完成目录调整：合并');

    // The merged node's address lands on the node it went into, which lists both items.
    await page.goto(`${served.baseUrl}/organs/${organ.code}/catalog/${notices}`);
    expect(new URL(page.url()).pathname).toBe(`/organs/${organ.code}/catalog/${news}`);
    await expect(page.locator('main').textContent()).resolves.toContain('关于房屋征收补偿方案的公告');
    await check('merged node on the portal');
    expect(found).toEqual({});
  });
});
