import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../test/support/factories.ts';
import { createPublication } from '../src/modules/catalog/index.ts';
import { fillReviewForm, performReviewVerb } from '../src/modules/review/index.ts';
import { AdminPages } from './pages/admin-pages.ts';
import { axeViolations } from '../test/support/axe.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** How each 扫描发现 row's cells are laid out: width and lines of text, by column. */
const cellsOf = (page: Page) => page.locator('table.findings-list tbody tr').evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => {
  const r = td.getBoundingClientRect();
  const lineHeight = parseFloat(getComputedStyle(td).lineHeight) || 24;
  return { label: td.getAttribute('data-label'), width: r.width, lines: Math.round((r.height - parseFloat(getComputedStyle(td).paddingTop) - parseFloat(getComputedStyle(td).paddingBottom)) / lineHeight), display: getComputedStyle(td).display };
})));

/**
 * The review panel's 扫描发现 on a 390 px phone: each finding a block whose cells keep the full width
 * (位置, 类型 and 处理要求 on one line each, named), and the five-column table on a desktop.
 */
describe.skipIf(SKIP_BROWSER)('the scan findings of the review panel on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let id: number;
  let reviewer: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    const cast = await createReviewCast(deps, organ.code);
    const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news], {
      bodyHtml: '<p>联系人：张三，手机13812345678，住幸福小区3栋2单元501室，身份证号110101199003074514。</p>',
    }));
    await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
    id = p.id;
    reviewer = cast.unitHead;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('stacks each finding on a 390 px phone, its cells named and one line each, and keeps the table on a desktop', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await new AdminPages(phone, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await phone.goto(`${served.baseUrl}/admin/publications/${id}`);
    const rows = await cellsOf(phone);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const cells of rows) {
      for (const c of cells.slice(0, 3)) {
        expect(c, `${c.label}`).toMatchObject({ display: 'block', lines: 1 });
        expect(c.width, `${c.label}`).toBeGreaterThan(300);
      }
    }
    // The caption reads on one line above the blocks.
    const caption = await phone.locator('table.findings-list caption').evaluate((c) => ({ width: c.getBoundingClientRect().width, height: c.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(c).lineHeight) }));
    expect(caption.height).toBeLessThan(caption.lineHeight * 1.5);
    // Each cell says which column it is (the header row is not shown), and the address reads with its estate.
    await expect(phone.locator('table.findings-list thead').isVisible()).resolves.toBe(false);
    const address = phone.locator('table.findings-list tbody tr', { hasText: '住址门牌' });
    await expect(address.locator('td[data-label="建议处理"]').innerText()).resolves.toMatch(/^幸福小区\*{9}/);
    await expect(address.locator('td[data-label="位置"]').evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"位置："');
    const fits = await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits).toBe(true);
    await phone.locator('table.findings-list').screenshot({ path: path.join(SHOTS, 'review-findings-phone.png') });
    await phone.context().close();

    const desk = await served.newPage({ bypassCSP: true });
    await new AdminPages(desk, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await desk.goto(`${served.baseUrl}/admin/publications/${id}`);
    await expect(desk.locator('table.findings-list thead').isVisible()).resolves.toBe(true);
    for (const cells of await cellsOf(desk)) expect(cells.map((c) => c.display)).toEqual(Array(5).fill('table-cell'));
    await desk.context().close();
  }, 120_000);

  it('lets a keyboard reach the scrolling box of the scanned text at 390 px, named for a screen reader (axe: scrollable-region-focusable)', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await new AdminPages(phone, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await phone.goto(`${served.baseUrl}/admin/publications/${id}`);
    const box = phone.locator('.finding-text');
    await expect(box.count()).resolves.toBe(1);
    // This notice is short: the box is made to scroll as a long one's does (max-height 30em), which axe weighs.
    await box.evaluate((el) => { (el as HTMLElement).style.maxHeight = '2em'; });
    await expect(box.evaluate((el) => el.scrollHeight > el.clientHeight)).resolves.toBe(true);
    const violations = await axeViolations(phone);
    expect(violations.filter((v) => v.includes('finding-text'))).toEqual([]);
    // Reached by Tab, so its text scrolls with the arrow keys; its name says what it holds.
    await expect(box.getAttribute('tabindex')).resolves.toBe('0');
    await box.focus();
    await expect(phone.evaluate(() => document.activeElement?.classList.contains('finding-text'))).resolves.toBe(true);
    await expect(phone.getByRole('region', { name: '正文扫描结果' }).count()).resolves.toBe(1);
    await phone.context().close();
  }, 120_000);

  it('says at the top of a 390 px page how many findings there are and how many must be handled, and jumps to them (found by an outside tester)', async () => {
    // The panel follows the item's long form, thousands of pixels down on a phone.
    const phone = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await new AdminPages(phone, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await phone.goto(`${served.baseUrl}/admin/publications/${id}`);
    const count = await phone.locator('table.findings-list tbody tr').count();
    const shortcut = phone.locator('#review-shortcut a[href="#scan-h"]');
    await expect(shortcut.innerText()).resolves.toMatch(new RegExp(`^敏感信息扫描发现 ${count} 处，其中须处理 \\d+ 处$`));
    const top = await shortcut.evaluate((a) => a.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    await expect(phone.locator('#review-shortcut a[href="#verbs-h"]').count()).resolves.toBe(1);
    await shortcut.click();
    const scanTop = await phone.locator('#scan-h').evaluate((h) => h.getBoundingClientRect().top);
    expect(Math.abs(scanTop)).toBeLessThan(100);
    await phone.context().close();
  }, 120_000);
});
