import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** 基层政务公开标准目录 (docs/standard-directories.md) in Chromium: import, an item naming its 事项, supervision. */
describe.skipIf(SKIP_BROWSER)('standard directories in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { id: number; code: string; name: string };
  let admin: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-10T02:00:00Z');
    organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    await createNode(deps, organ.id, { name: '重点领域' });
    admin = await createStaff(deps, organ.code, 'system_admin');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('an administrator imports the 农村危房改造 directory, drafts an item naming a 事项, and sees which 事项 are still missing', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await new AdminPages(page, served.baseUrl).signIn(admin.username, admin.password);
    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/catalog`);
    await page.getByRole('link', { name: '导入基层政务公开标准目录' }).click();
    expect(await axeViolations(page)).toEqual([]);

    // A refused form names the field and keeps the choice of where to import.
    await page.getByLabel('导入到').selectOption({ label: '重点领域' });
    await page.getByRole('button', { name: '导入' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('请选择要导入的标准目录模板');
    await expect(page.getByLabel('导入到').inputValue()).resolves.not.toBe('');
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#f-templateId').selectOption({ label: '农村危房改造（5 个栏目，7 项事项）' });
    await page.getByRole('button', { name: '导入' }).click();
    await expect(page.getByText('已导入“农村危房改造”标准目录：新增栏目 5 个').count()).resolves.toBe(1);
    await expect(page.getByRole('table').first().textContent()).resolves.toContain('重点领域 > 农村危房改造');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'standard-directory-import.png'), fullPage: true });

    // Importing again adds nothing.
    await page.locator('#f-templateId').selectOption({ label: '农村危房改造（5 个栏目，7 项事项）' });
    await page.getByLabel('导入到').selectOption({ label: '重点领域' });
    await page.getByRole('button', { name: '导入' }).click();
    await expect(page.getByText('目录中已有全部栏目和 7 项事项，未做改动').count()).resolves.toBe(1);

    // An item in 补助对象认定 names its 事项.
    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/publications/new`);
    await page.getByLabel('标题（名称）').fill('2026年第一批农村危房改造补助对象审核结果公示');
    await page.getByLabel('重点领域 > 农村危房改造 > 补助对象认定').check();
    await page.getByLabel('对应的标准目录事项').selectOption({ label: '补助对象审核审批结果公示' });
    // A new item starts with no 五公开类别 chosen: the officer picks it.
    await page.getByLabel(/五公开类别/).selectOption({ label: '结果公开' });
    await page.getByLabel(/文件类型/).selectOption({ label: '其他' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page.getByLabel('对应的标准目录事项').locator('option:checked').textContent()).resolves.toBe('补助对象审核审批结果公示');

    await page.goto(`${served.baseUrl}/admin/supervision/${organ.code}`);
    await page.getByRole('link', { name: '标准目录事项公开情况' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`标准目录事项公开情况：${organ.name}`);
    // A draft is not published: all 7 事项 are still missing.
    await expect(page.getByText('标准目录事项共 7 项，其中 7 项尚无已发布信息').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'standard-directory-coverage.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
