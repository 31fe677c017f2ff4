import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createTestDatabase } from '../test/support/db.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { axeViolations } from '../test/support/axe.ts';
import { demoReportRecords, seedDemo } from '../src/main/seed-demo.ts';
import { seedDemoReportData } from '../src/modules/reports/index.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * A published 年度报告 on a 390 × 844 phone at 适老化 + 大, the largest text: every wide table scrolls in
 * its own frame with its row labels pinned at the frame's left edge, opaque, narrow enough to leave two
 * figure columns in view; each frame is named by its own table.
 */
describe.skipIf(SKIP_BROWSER)('the annual report’s tables on a phone at 适老化 + 大', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let phone: Page;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2021-03-01T02:00:00Z');
    await seedDemo(deps);
    await seedDemoReportData(deps, demoReportRecords());
    served = await serveForBrowser(app, handle, SHOTS);
    phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await phone.goto(`${served.baseUrl}/prefs?fs=l&elder=1&return=/`);
    await phone.goto(`${served.baseUrl}/organs/qlx-zjj/annual-reports/2020`);
  }, 120_000);

  afterAll(async () => served?.close());

  /** Scrolls the frame fully right and brings it into view. */
  const scrolledRight = async (frame: Locator) => {
    await frame.evaluate((f) => { f.scrollLeft = f.scrollWidth; f.scrollIntoView(); });
    return (await frame.boundingBox())!;
  };

  /**
   * What shows at the pinned label cell's middle line other than it: its centre is the cell, just inside its edges a
   * label (it or its neighbour, never a figure scrolled underneath). Empty when all is well.
   */
  const notOnTop = (cell: Locator) => cell.evaluate((el) => {
    window.scrollBy(0, el.getBoundingClientRect().top - 100);
    const r = el.getBoundingClientRect();
    const y = r.top + Math.min(r.height / 2, 40); // a tall cell (22 rows): near its top, in the viewport
    const wrong: string[] = [];
    const centre = document.elementFromPoint(r.left + r.width / 2, y);
    if (!el.contains(centre)) wrong.push(`centre: ${centre?.outerHTML.slice(0, 80)}`);
    for (const x of [r.left + 0.5, r.right - 1.5, r.right - 0.5]) {
      const hit = document.elementFromPoint(x, y);
      if (!hit?.closest('.doc-row-label')) wrong.push(`${x}: ${hit?.outerHTML.slice(0, 80)}`);
    }
    return wrong;
  });

  it('pins part 二’s row labels too: scrolled right, 信息内容 and each row’s name stay at the frame’s left edge', async () => {
    const frame = phone.locator('.doc-table-scroll').first();
    const frameBox = await scrolledRight(frame);
    for (const text of ['信息内容', '规章', '行政规范性文件', '行政许可', '行政事业性收费']) {
      const label = frame.locator('td', { hasText: new RegExp(`^${text}$`) }).first();
      const box = (await label.boundingBox())!;
      expect(box.x, text).toBeGreaterThanOrEqual(frameBox.x - 1);
      expect(box.x + box.width, text).toBeLessThan(frameBox.x + frameBox.width / 2);
      await expect(notOnTop(label), `${text} is on top`).resolves.toEqual([]);
    }
  });

  it('covers the figures under part 三’s pinned labels, gaps and borders included, and leaves two figure columns in view', async () => {
    const frame = phone.locator('.doc-table-scroll').nth(1);
    const frameBox = await scrolledRight(frame);
    for (const text of ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '（七）总计']) {
      await expect(notOnTop(frame.locator('td', { hasText: text }).first()), `${text} is on top`).resolves.toEqual([]);
    }
    // Between two pinned label columns, and on their edge, no figure shows through.
    const through = await frame.locator('td', { hasText: '1.属于国家秘密' }).evaluate((leaf) => {
      const row = leaf.parentElement!;
      const labels = Array.from(row.closest('tbody')!.querySelectorAll<HTMLElement>('td.doc-row-label'));
      const r = leaf.getBoundingClientRect();
      const y = r.top + r.height / 2;
      const right = Math.max(...labels.map((l) => l.getBoundingClientRect().right));
      const figures: string[] = [];
      for (let x = Math.floor(leaf.closest('.doc-table-scroll')!.getBoundingClientRect().left) + 1; x < right; x++) {
        const hit = document.elementFromPoint(x, y) as HTMLElement | null;
        if (hit && !hit.closest('.doc-row-label')) figures.push(`${x}: ${hit.outerHTML.slice(0, 60)}`);
      }
      return figures;
    });
    expect(through).toEqual([]);
    const labelsRight = Math.max(...await frame.locator('td.doc-row-label').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().right)));
    const figure = await frame.locator('tbody tr').first().locator('td:not(.doc-row-label)').first().boundingBox();
    expect(frameBox.x + frameBox.width - labelsRight, 'room for figures').toBeGreaterThanOrEqual(2 * figure!.width - 1);
    // Header cells stay readable: at least two characters wide.
    const narrowest = await frame.locator('thead th:not(.doc-row-label)').evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))));
    expect(narrowest).toBeGreaterThanOrEqual(2);
    await frame.evaluate((f) => f.scrollIntoView());
    await phone.screenshot({ path: path.join(SHOTS, 'annual-report-390-elder-large-scrolled.png') });
  });

  it('names each table’s frame by its own table and does not call a table that fits scrollable', async () => {
    const names = await phone.locator('.doc-table-scroll').evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label') ?? ''));
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).not.toContain('滚动');
    expect(names[1]).toContain('收到和处理政府信息公开申请情况');
    expect(await axeViolations(phone)).toEqual([]);
  });
  // A resident on a phone found tables 三 and 四 running off the screen (945 px in a 334 px frame) with no hint.
  for (const [prefs, label] of [['fs=m&elder=0', '中'], ['fs=l&elder=1', '适老化 + 大']] as const) {
    it(`says 左右滑动查看全表 just above each table wider than the phone, and nothing above one that fits (${label})`, async () => {
      const page = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
      await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
      await page.goto(`${served.baseUrl}/organs/qlx-zjj/annual-reports/2020`);
      const boxes = page.locator('.doc-table-box');
      const seen: string[] = [];
      for (let i = 0; i < await boxes.count(); i++) {
        const frame = boxes.nth(i).locator('.doc-table-scroll');
        const hint = boxes.nth(i).locator('.doc-scroll-hint');
        const wide = await frame.evaluate((f) => f.scrollWidth > f.clientWidth + 1);
        expect(await hint.isVisible(), `table ${i + 1}: ${wide ? 'wide' : 'fits'}`).toBe(wide);
        if (wide) {
          await expect(hint.textContent()).resolves.toContain('左右滑动查看全表');
          const [h, f] = [(await hint.boundingBox())!, (await frame.boundingBox())!];
          expect(f.y - (h.y + h.height), 'just above its table').toBeLessThan(16);
          expect(f.y - (h.y + h.height)).toBeGreaterThanOrEqual(-1);
          // The frame is reached by Tab and named (the hint itself is not read twice).
          await expect(frame.getAttribute('tabindex')).resolves.toBe('0');
          await expect(frame.getAttribute('aria-label')).resolves.toBeTruthy();
        }
        seen.push(wide ? 'wide' : 'fits');
      }
      expect(seen.filter((w) => w === 'wide').length, 'tables 三 and 四 at least').toBeGreaterThanOrEqual(2);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('.doc-table-box').nth(1).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `annual-report-390-hint-${prefs.replace(/[=&]/g, '-')}.png`) });
      await page.context().close();
    }, 60_000);
  }
});
