import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(SKIP_BROWSER)('supervision in Chromium: charts, the monthly dispatch and the reminder addresses', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { id: number; code: string; name: string };
  let office: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-02-25T02:00:00Z');
    organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: '村镇建设股' });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    await createNode(deps, organ.id, { name: '监督保障' });
    await createPublished(deps, organ.id, [news], { formedOn: '2026-02-24' });
    deps.clock.set('2026-04-02T02:00:00Z');
    office = await createStaff(deps, organ.code, 'disclosure_office');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('the disclosure office reads the charts and their tables, drafts the month’s notice and sets a reminder address', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await new AdminPages(page, served.baseUrl).signIn(office.username, office.password);
    await page.goto(`${served.baseUrl}/admin/supervision/${organ.code}`);
    await expect(page.getByRole('img', { name: /近 12 个月主动公开信息/ }).count()).resolves.toBe(1);
    await page.locator('#chart-month').getByText('查看数据表').click();
    await expect(page.getByRole('table', { name: '近 12 个月主动公开信息（按五公开分类）（数据表）' }).getByRole('row', { name: /2026年2月/ }).textContent()).resolves.toContain('1');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'supervision-charts.png'), fullPage: true });

    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/supervision/dispatch`);
    await expect(page.getByRole('table', { name: '各股室（单位）完成情况排名' }).textContent()).resolves.toContain('村镇建设股');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '生成通报草稿' }).click();
    await expect(page.locator('#f-title').inputValue()).resolves.toBe('青岚县住房和城乡建设局政务公开工作2026年3月调度情况通报');

    await page.goto(`${served.baseUrl}/admin/organs/${organ.code}/supervision/reminders`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('村镇建设股').fill('cunzhen@example.gov.cn');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('提醒邮箱已保存').count()).resolves.toBe(1);
    await expect(page.getByLabel('村镇建设股').inputValue()).resolves.toBe('cunzhen@example.gov.cn');
    await page.context().close();
  }, 120_000);

  // Found by an outside tester: on a 390 px phone the dispatch table's headings broke a character a line (名/次, 应/更/新).
  it('keeps the dispatch tables’ headings on one line on a 390 px phone, the tables scrolling sideways in their own box', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await new AdminPages(phone, served.baseUrl).signIn(office.username, office.password);
    await phone.goto(`${served.baseUrl}/admin/organs/${organ.code}/supervision/dispatch?month=2026-03`);
    const tables = await phone.locator('table.list').evaluateAll((ts) => ts.map((t) => ({
      overflowX: getComputedStyle(t).overflowX,
      scrolls: t.scrollWidth > t.clientWidth,
      headings: Array.from(t.querySelectorAll('thead th')).map((th) => {
        const r = document.createRange();
        r.selectNodeContents(th);
        return { text: th.textContent, lines: new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size };
      }),
    })));
    expect(tables).toHaveLength(2);
    expect(tables[0].scrolls).toBe(true); // the ranking's eight columns are wider than the phone
    for (const t of tables) {
      expect(t.overflowX).toBe('auto');
      for (const h of t.headings) expect(h, String(h.text)).toEqual({ text: h.text, lines: 1 });
    }
    await expect(phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await phone.screenshot({ path: path.join(SHOTS, 'supervision-dispatch-phone.png'), fullPage: true });
    await phone.context().close();
  }, 120_000);
});
