import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/support/db.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { axeViolations } from '../test/support/axe.ts';
import { createStaff } from '../test/support/factories.ts';
import { demoReportRecords, seedDemo } from '../src/main/seed-demo.ts';
import { seedDemoReportData } from '../src/modules/reports/index.ts';
import { ReportPages } from './pages/report-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(SKIP_BROWSER)('annual report in Chromium: draft, check, publish', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let baseUrl: string;
  let editor: { username: string; password: string };
  let admin: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    // 20 January 2021: the 2020 reports are due by the end of the month.
    const { app, deps } = await buildTestApp(handle, '2021-01-20T02:00:00Z');
    await seedDemo(deps);
    await seedDemoReportData(deps, demoReportRecords());
    editor = await createStaff(deps, 'qlx-zjj', 'editor');
    admin = await createStaff(deps, 'qlx-zjj', 'organ_admin');
    served = await serveForBrowser(app, handle, SHOTS);
    baseUrl = served.baseUrl;
  }, 120_000);

  afterAll(async () => served?.close());

  const newPage = () => served.newPage();

  it('an editor drafts the 住建局’s 2020 report, a wrong figure is caught, and the administrator publishes it', async () => {
    let page = await newPage();
    let reports = new ReportPages(page, baseUrl);
    await reports.signIn(editor.username, editor.password);
    await reports.openReportsOf('qlx-zjj');
    await expect(page.getByText('2020年度报告应最迟于2021-01-31（含当日）公布，还有11天（条例第四十九条）').count()).resolves.toBeGreaterThan(0);
    await reports.openYear(2020);
    await reports.startDrafting();
    await expect(reports.flash()).resolves.toContain('已开始编制');
    await expect(reports.status()).resolves.toContain('草稿 · 第1版');
    expect((await reports.checks()).every((c) => c.ok)).toBe(true);
    expect(await reports.refusalsOf('提交审核')).toEqual(['第六部分尚未完成（为空或仍有“待补充”内容）']);

    const one = await reports.sectionText('一');
    expect(one).toContain('全年主动公开政府信息420条，其中决策公开87条、执行公开63条、管理公开109条、服务公开56条、结果公开105条。');
    expect(one).toContain('本年新收政府信息公开申请1件');
    await reports.setSection('一', one.replace('本年新收政府信息公开申请1件', '本年新收政府信息公开申请2件'));
    await reports.setSection('六', '本年度未收取信息处理费。年度政务公开工作要点均已落实，人大代表建议和政协提案办理结果已按规定公开。');
    await reports.saveText();
    const failed = (await reports.checks()).filter((c) => !c.ok);
    expect(failed.map((c) => c.text)).toEqual([expect.stringContaining('第一部分“总体情况”引用的数字与表格一致')]);
    expect(failed[0].text).toContain('第一部分写“新收政府信息公开申请2件”，表中为 1件');
    expect(await reports.failedCells()).toEqual(['表三「一、本年新收政府信息公开申请数量」总计']);
    await page.screenshot({ path: path.join(SHOTS, 'annual-report-check-failed.png'), fullPage: true });

    await reports.setSection('一', one);
    await reports.saveText();
    expect((await reports.checks()).every((c) => c.ok)).toBe(true);
    await reports.perform('提交审核');
    await expect(reports.status()).resolves.toContain('审核中');
    expect(await reports.refusalsOf('发布')).toEqual(['只有本机关的管理员可以发布']);
    await page.context().close();

    page = await newPage();
    reports = new ReportPages(page, baseUrl);
    await reports.signIn(admin.username, admin.password);
    await reports.openReportsOf('qlx-zjj');
    await reports.openYear(2020);
    await reports.perform('发布');
    await expect(reports.flash()).resolves.toContain('已发布');
    await expect(reports.status()).resolves.toContain('已发布 · 第1版');

    await reports.openPortalReport('qlx-zjj', 2020);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('青岚县住房和城乡建设局2020年政府信息公开工作年度报告');
    await expect(page.locator('.doc-table').count()).resolves.toBe(3);
    await expect(page.locator('td[rowspan="22"]').textContent()).resolves.toBe('三、本年度办理结果');
    await expect(page.getByText('本年度未收取信息处理费。年度政务公开工作要点均已落实').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'annual-report-portal.png'), fullPage: true });
    // axe-core (WCAG 2.1 A/AA) on the published report and the organ's list of reports.
    const citizen = await served.newPage({ bypassCSP: true });
    for (const p of ['/organs/qlx-zjj/annual-reports/2020', '/organs/qlx-zjj/annual-reports', '/organs/qlx-zjj/annual-reports/2020/graphic']) {
      await citizen.goto(`${baseUrl}${p}`);
      expect({ [p]: await axeViolations(citizen) }).toEqual({ [p]: [] });
    }
    // 图解年报: charts drawn as SVG with a data table a reader can open, linked from the report.
    await citizen.goto(`${baseUrl}/organs/qlx-zjj/annual-reports/2020`);
    await citizen.getByRole('link', { name: '图解年报' }).click();
    await expect(citizen.getByRole('img', { name: /2020年依申请公开办理结果/ }).count()).resolves.toBe(1);
    await citizen.locator('#chart-stages summary').click();
    await expect(citizen.locator('#chart-stages').getByRole('table', { name: /2020年主动公开信息（按五公开分类）（数据表）/ }).isVisible()).resolves.toBe(true);
    await citizen.screenshot({ path: path.join(SHOTS, 'annual-report-graphic.png'), fullPage: true });
    await citizen.context().close();
    // 字号 and 适老化 apply to the report as to an item page: the text and the table cells grow from 中 to 大
    // and 适老化, while print keeps the A4 sizes (10.5pt cells) whatever the reader chose.
    const sizes = await served.newPage();
    const cellSize = async () => sizes.locator('.doc-table td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const textSize = async () => sizes.locator('.document .doc-paragraph').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const measured: Record<string, { cell: number; text: number; printCell: number }> = {};
    for (const [name, prefs] of [['中', 'fs=m'], ['大', 'fs=l'], ['适老化', 'elder=1']] as const) {
      await sizes.goto(`${baseUrl}/prefs?${prefs}&return=/`);
      await sizes.goto(`${baseUrl}/organs/qlx-zjj/annual-reports/2020`);
      const cell = await cellSize();
      const text = await textSize();
      await sizes.emulateMedia({ media: 'print' });
      measured[name] = { cell, text, printCell: await cellSize() };
      await sizes.emulateMedia({ media: 'screen' });
    }
    expect(measured['大'].cell).toBeGreaterThan(measured['中'].cell);
    expect(measured['适老化'].cell).toBeGreaterThan(measured['中'].cell);
    expect(measured['适老化'].text).toBeGreaterThan(measured['中'].text);
    for (const m of Object.values(measured)) expect(m.printCell).toBeCloseTo(14, 1);
    // Print keeps the A4 table: the row labels are not pinned and their columns keep the report's widths.
    await sizes.setViewportSize({ width: 390, height: 844 });
    await sizes.emulateMedia({ media: 'print' });
    await expect(sizes.locator('.doc-row-label').first().evaluate((el) => getComputedStyle(el).position)).resolves.toBe('static');
    // (A column's share is its col's width attribute: the Content-Security-Policy allows no style attribute.)
    const share = await sizes.locator('col.doc-label-col').first().evaluate((el) => ({ said: parseFloat(el.getAttribute('width') ?? ''), drawn: el.getBoundingClientRect().width / el.closest('table')!.getBoundingClientRect().width * 100 }));
    expect(Math.abs(share.said - share.drawn)).toBeLessThan(1.5);
    await sizes.emulateMedia({ media: 'screen' });
    await sizes.context().close();
    // On a phone (390 px), plain and 适老化: the text uses the screen's width rather than an A4 sheet's
    // margins, and the tables keep readable columns, scrolling sideways in their own frame.
    const phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    for (const elder of [false, true]) {
      if (elder) await phone.goto(`${baseUrl}/prefs?elder=1&return=/`);
      await phone.goto(`${baseUrl}/organs/qlx-zjj/annual-reports/2020`);
      const textWidth = await phone.locator('.document .doc-paragraph').first().evaluate((el) => el.getBoundingClientRect().width);
      expect(textWidth, elder ? '适老化' : 'plain').toBeGreaterThan(300);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const table = phone.locator('.doc-table').nth(2);
      const frame = phone.locator('.doc-table-scroll').nth(2);
      expect((await table.boundingBox())!.width).toBeGreaterThan((await frame.boundingBox())!.width);
      expect(await frame.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
      // Header cells do not overlap: each is at least two characters wide.
      const narrowest = await table.locator('thead th').evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))));
      expect(narrowest).toBeGreaterThanOrEqual(2);
      // Scrolled to its last column, part 三 keeps its row labels at the frame's left edge, over the figures.
      const labelled = phone.locator('.doc-table-scroll').nth(1);
      await labelled.evaluate((f) => { f.scrollLeft = f.scrollWidth; f.scrollIntoView(); });
      await expect(labelled.evaluate((f) => f.scrollLeft)).resolves.toBeGreaterThan(50);
      const frameBox = (await labelled.boundingBox())!;
      for (const text of ['1.属于国家秘密', '（七）总计', '四、结转下年度继续办理']) {
        const label = labelled.locator('td', { hasText: text });
        const box = (await label.boundingBox())!;
        expect(box.x, text).toBeGreaterThanOrEqual(frameBox.x - 1);
        expect(box.x + box.width, text).toBeLessThan(frameBox.x + frameBox.width / 2 + 40);
        await expect(label.evaluate((el) => {
          window.scrollBy(0, el.getBoundingClientRect().top - 100); // into the viewport, without scrolling the frame sideways
          const r = el.getBoundingClientRect();
          return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        }), `${text} is on top`).resolves.toBe(true);
        await expect(label.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(255, 255, 255)');
      }
      expect(await axeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: path.join(SHOTS, `annual-report-390${elder ? '-elder' : ''}.png`), fullPage: true });
    }
    await phone.context().close();
    const pdf = await page.request.get(`${baseUrl}/organs/qlx-zjj/annual-reports/2020.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  }, 120_000);
});
