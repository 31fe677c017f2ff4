import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReportRecords, seedDemo } from '../src/main/seed-demo.ts';
import { listOrgans } from '../src/modules/catalog/index.ts';
import { seedDemoReportData } from '../src/modules/reports/index.ts';
import { runInspectionNow } from '../src/modules/supervision/index.ts';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(SKIP_BROWSER)('charts in Chromium: the 图解年报 and the supervision dashboards', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let office: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    // 13 February 2024: the demo region has published its reports for 2019 to 2023.
    const { app, deps } = await buildTestApp(handle, '2024-02-13T02:00:00Z');
    await seedDemo(deps);
    await seedDemoReportData(deps, demoReportRecords());
    // Two days of inspections of every organ, for the stale-column chart.
    const organs = (await listOrgans(deps.db)).filter((o) => o.kind !== 'unit');
    await runInspectionNow(deps, 'manual', organs, { checkExternal: false });
    deps.clock.set('2024-02-14T02:00:00Z');
    await runInspectionNow(deps, 'manual', organs, { checkExternal: false });
    deps.clock.set('2024-02-15T02:00:00Z');
    office = await createStaff(deps, 'qlx', 'disclosure_office');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 180_000);
  afterAll(async () => served?.close());

  it('a reader goes from the report to its 图解, reads a chart’s table, and comes back; axe-core finds nothing', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await page.goto(`${served.baseUrl}/organs/qlx-zjj/annual-reports/2023`);
    await page.getByRole('link', { name: '图解年报' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('图解：青岚县住房和城乡建设局2023年政府信息公开工作年度报告');
    for (const name of [/2023年主动公开信息（按五公开分类）/, /2023年规章和行政规范性文件/, /2023年依申请公开办理结果/, /2019年至2023年主动公开信息/, /2019年至2023年政府信息公开申请/]) {
      await expect(page.getByRole('img', { name }).count()).resolves.toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
    const stages = page.locator('#chart-stages');
    await expect(stages.getByRole('table').isVisible()).resolves.toBe(false);
    await stages.getByText('查看数据表').click();
    const table = page.getByRole('table', { name: '2023年主动公开信息（按五公开分类）（数据表）' });
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(table.getByRole('rowheader').allTextContents()).resolves.toEqual(['决策公开', '执行公开', '管理公开', '服务公开', '结果公开']);
    // The numbers on the columns are those of the table.
    const cells = await table.locator('tbody td').allTextContents();
    await expect(stages.locator('.chart-wide svg text.chart-value').allTextContents()).resolves.toEqual(cells);
    expect(await axeViolations(page)).toEqual([]); // with a table open
    await page.screenshot({ path: path.join(SHOTS, 'charts-graphic-report.png'), fullPage: true });

    // On a phone (390 px, plain and 适老化) the page does not scroll sideways and each chart is its phone drawing,
    // fitted to the width with no word under 12 px, nothing scrolling in a frame; its table is still there.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const elder of [false, true]) {
      if (elder) await page.goto(`${served.baseUrl}/prefs?elder=1&fs=l&return=${encodeURIComponent(new URL(page.url()).pathname)}`);
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      const shown = page.locator('figure.chart svg:visible');
      await expect(shown.count()).resolves.toBe(await page.locator('figure.chart').count());
      const smallest = await shown.evaluateAll((svgs) => Math.min(...svgs.flatMap((s) =>
        Array.from(s.querySelectorAll('text'), (t) => Number(t.getAttribute('font-size')) * ((s as SVGSVGElement).getScreenCTM()?.a ?? 0)))));
      expect(smallest, elder ? '适老化' : 'plain').toBeGreaterThanOrEqual(12);
      for (const frame of await page.locator('figure.chart .chart-frame:visible').all()) {
        await expect(frame.evaluate((f) => f.scrollWidth <= f.clientWidth + 1)).resolves.toBe(true);
      }
      await expect(page.getByRole('img', { name: /2023年依申请公开办理结果/ }).count()).resolves.toBe(1);
      await expect(stages.getByText('查看数据表').isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.screenshot({ path: path.join(SHOTS, 'charts-graphic-report-phone.png'), fullPage: true });

    await page.getByRole('link', { name: '阅读年度报告全文' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('青岚县住房和城乡建设局2023年政府信息公开工作年度报告');
    await page.context().close();
  }, 120_000);

  it('the county’s disclosure office reads the region’s and an organ’s charts; axe-core finds nothing', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await new AdminPages(page, served.baseUrl).signIn(office.username, office.password);
    await page.goto(`${served.baseUrl}/admin/supervision`);
    for (const name of [/近 12 个月主动公开信息（按五公开分类）/, /近 12 个月按期答复率/, /逾期未更新栏目和空白栏目/, /2024年各机关发布信息排名/]) {
      await expect(page.getByRole('img', { name }).count()).resolves.toBe(1);
    }
    const stale = page.locator('#chart-stale');
    await stale.getByText('查看数据表').click();
    await expect(stale.getByRole('table').getByRole('rowheader').allTextContents()).resolves.toEqual(['2024年2月13日', '2024年2月14日']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'charts-supervision-region.png'), fullPage: true });

    await page.goto(`${served.baseUrl}/admin/supervision/qlx-zjj`);
    const ranking = page.locator('#chart-ranking');
    await ranking.getByText('查看数据表').click();
    const rows = ranking.getByRole('table', { name: '2024年各股室（单位）发布信息排名（数据表）' }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(7); // the 局 itself and its six units
    await expect(ranking.getByRole('img').getAttribute('aria-labelledby')).resolves.toBe('chart-ranking-title chart-ranking-desc');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'charts-supervision-organ.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
