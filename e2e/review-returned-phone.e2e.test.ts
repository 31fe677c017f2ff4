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

const SHOTS = path.resolve('test-results/screenshots');
const COMMENT = '请补充停水范围（涉及幸福小区、阳光花园两个小区）和恢复供水的具体时间，并核对联系电话是否为办公电话';

/** How each 审核记录 row's cells are laid out: display, width, lines, and whether their text is cut off. */
const historyCells = (page: Page) => page.locator('table.review-history tbody tr').evaluateAll((rows) => rows.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => {
  const r = td.getBoundingClientRect();
  const style = getComputedStyle(td);
  const lineHeight = parseFloat(style.lineHeight) || 24;
  return {
    label: td.getAttribute('data-label'), display: style.display, width: r.width, right: r.right,
    lines: Math.round((r.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / lineHeight), clipped: td.scrollWidth > td.clientWidth + 1,
  };
})));

/**
 * A returned item on a 390 px phone, as an outside tester (a county officer) found it: the author is
 * told the reviewer's comment at the top of the page, and the 审核记录 reads as cards.
 */
describe.skipIf(SKIP_BROWSER)('a returned item on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let id: number;
  let author: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    const cast = await createReviewCast(deps, organ.code);
    const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news], { title: '关于城区部分区域临时停水的通知', bodyHtml: '<p>因供水管网改造，城区部分区域临时停水。</p>' }));
    await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
    await performReviewVerb(deps, cast.unitHead.actor, p.id, 'return_for_changes', { comment: COMMENT });
    id = p.id;
    author = cast.author;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('tells the author the reviewer’s comment in the first screen, and in 待办', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 } });
    await new AdminPages(phone, served.baseUrl).signIn(author.username, author.password);
    await phone.goto(`${served.baseUrl}/admin/publications/${id}`);
    const note = phone.locator('#return-note');
    await expect(note.innerText()).resolves.toContain(COMMENT);
    await expect(note.innerText()).resolves.toContain('股室负责人审核');
    const box = await note.evaluate((n) => n.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.bottom).toBeLessThan(844);
    await note.screenshot({ path: path.join(SHOTS, 'review-returned-note-phone.png') });
    await phone.goto(`${served.baseUrl}/admin/review`);
    await expect(phone.locator('section[aria-labelledby="ret-h"] li').innerText()).resolves.toContain(COMMENT);
    await phone.context().close();
  }, 120_000);

  it('lists the 审核记录 as named cards on a 390 px phone, nothing a character a line, cut off or out of sight, and as a table on a desktop', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 } });
    await new AdminPages(phone, served.baseUrl).signIn(author.username, author.password);
    await phone.goto(`${served.baseUrl}/admin/publications/${id}`);
    const rows = await historyCells(phone);
    expect(rows.length).toBe(2);
    for (const cells of rows) {
      expect(cells.map((c) => c.label)).toEqual(['时间', '环节', '人员', '操作', '意见', '版本']);
      for (const c of cells) {
        expect(c, `${c.label}`).toMatchObject({ display: 'block', clipped: false });
        expect(c.width, `${c.label}`).toBeGreaterThan(300);
        expect(c.right, `${c.label}`).toBeLessThanOrEqual(390);
      }
      for (const c of cells.filter((x) => x.label !== '意见')) expect(c.lines, `${c.label}`).toBe(1);
    }
    await expect(phone.locator('table.review-history td[data-label="操作"]').last().evaluate((td) => getComputedStyle(td, '::before').content)).resolves.toBe('"操作："');
    await expect(phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await phone.locator('table.review-history').screenshot({ path: path.join(SHOTS, 'review-history-phone.png') });
    await phone.context().close();

    const desk = await served.newPage();
    await new AdminPages(desk, served.baseUrl).signIn(author.username, author.password);
    await desk.goto(`${served.baseUrl}/admin/publications/${id}`);
    await expect(desk.locator('table.review-history thead').isVisible()).resolves.toBe(true);
    for (const cells of await historyCells(desk)) expect(cells.map((c) => c.display)).toEqual(Array(6).fill('table-cell'));
    await desk.context().close();
  }, 120_000);
});
