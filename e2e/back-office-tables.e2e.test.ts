import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createDraft, createNode, createOrgan, createStaff } from '../test/support/factories.ts';
import { checkLetter, performLetterVerb, submitLetter } from '../src/modules/interaction/index.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** Each row's 操作 cell against its row: still a table cell, as high as the row and at its top. */
const actionCells = (page: Page, table: string) =>
  page.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((tr) => {
    const td = tr.querySelector('td.actions')!;
    const row = tr.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    return { display: getComputedStyle(td).display, top: Math.round(cell.top - row.top), bottom: Math.round(row.bottom - cell.bottom) };
  }));

/** Each column's heading against the first row's cells: their left edges, which a table lays out alike. */
const columnsLineUp = (page: Page, table: string) =>
  page.locator(table).first().evaluate((t) => {
    const lefts = (cells: NodeListOf<Element>) => Array.from(cells).map((c) => Math.round(c.getBoundingClientRect().left));
    return { display: getComputedStyle(t).display, heads: lefts(t.querySelectorAll('thead th')), cells: lefts(t.querySelectorAll('tbody tr:first-child > *')) };
  });

/** Whether the page scrolls sideways, and the width and label of a card's cell. */
const fitsAndCell = (page: Page, cell: string) =>
  page.locator(cell).first().evaluate((td) => ({
    fits: document.documentElement.scrollWidth <= window.innerWidth,
    width: td.getBoundingClientRect().width,
    before: getComputedStyle(td, '::before').content,
  }));

/**
 * Found by an outside tester in Chromium: the 操作 buttons of the 工作台's and 机关与目录's tables sat
 * below and beside their rows (a flex box instead of a table cell), every list that turns into cards on
 * a phone was a grid of loose cells on a wide screen (the portal's `.cards` tiles), and on a 390 px phone the
 * 工作台's organs and the organ's own 部门信箱 list (eight columns) were squeezed tables. Now each
 * 操作 cell lines up with its row, and on a phone both lists are cards as 交办来信 is.
 */
describe.skipIf(SKIP_BROWSER)('back-office tables at 1280 px and on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let unitStaff: { username: string; password: string };
  let officer: { username: string; password: string };
  let admin: { username: string; password: string };
  let organCode = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-10T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    organCode = organ.code;
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
    unitStaff = await createStaff(deps, unit.code, 'editor');
    officer = await createStaff(deps, organ.code, 'disclosure_office');
    admin = await createStaff(deps, organ.code, 'organ_admin');
    await createDraft(deps, organ.id, [await createNode(deps, organ.id, { name: '通知公告' })]);
    const r = await submitLetter(deps, organ.code, { type: 'complain', subject: '幸福小区物业乱收停车费问题', content: '物业公司从今年10月起对业主车辆每月加收停车管理费200元。', writerName: '王建国', contact: '13912345678', publishConsent: 'yes' });
    const id = (await checkLetter(deps, r.trackingNo, r.queryCode)).id;
    await performLetterVerb(deps, (await createActor(deps, organ.code, 'editor')).actor, id, { verb: 'assign', unitId: unit.id, instructions: '请核实收费依据并提出处理意见', reportByOn: '2026-03-12' });
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('keeps each 操作 cell in its row at 1280 px (工作台, 机关与目录)', async () => {
    for (const [who, url, table] of [[unitStaff, '/admin', '#dash-organs'], [admin, '/admin', '#dash-organs'], [admin, '/admin/organs', 'table.list']] as const) {
      const page = await served.newPage();
      await new AdminPages(page, served.baseUrl).signIn(who.username, who.password);
      await page.goto(`${served.baseUrl}${url}`);
      const columns = await columnsLineUp(page, table);
      expect(columns.display, url).toBe('table');
      expect(columns.cells, url).toEqual(columns.heads);
      const cells = await actionCells(page, table);
      expect(cells.length, url).toBeGreaterThan(0);
      for (const c of cells) expect(c, `${who.username} ${url}`).toEqual({ display: 'table-cell', top: 0, bottom: 0 });
      await page.screenshot({ path: path.join(SHOTS, `back-office-table-${who === admin ? 'admin' : 'unit'}${url.replaceAll('/', '-')}-1280.png`), fullPage: true });
      await page.context().close();
    }
  });

  it('lays out every list that turns into cards on a phone as a table at 1280 px (信息管理, 部门信箱, 交办来信)', async () => {
    for (const [who, url, table] of [[officer, '/admin/publications', 'table.list.cards'], [officer, '/admin/letters', '#letter-list'], [unitStaff, '/admin/letters/units', '#unit-letter-list']] as const) {
      const page = await served.newPage();
      await new AdminPages(page, served.baseUrl).signIn(who.username, who.password);
      await page.goto(`${served.baseUrl}${url}`);
      const columns = await columnsLineUp(page, table);
      expect(columns.display, url).toBe('table');
      expect(columns.heads.length, url).toBeGreaterThan(3);
      expect(columns.cells, url).toEqual(columns.heads);
      await page.context().close();
    }
  });

  it('shows the 工作台’s organs and the organ’s 部门信箱 letters as cards on a 390 px phone', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 } });
    await new AdminPages(phone, served.baseUrl).signIn(unitStaff.username, unitStaff.password);
    await phone.goto(`${served.baseUrl}/admin`);
    const organ = await fitsAndCell(phone, '#dash-organs td[data-label="机关"]');
    expect(organ).toMatchObject({ fits: true, before: '"机关："' });
    expect(organ.width).toBeGreaterThan(300);
    await phone.screenshot({ path: path.join(SHOTS, 'back-office-dashboard-phone.png'), fullPage: true });

    const office = await served.newPage({ viewport: { width: 390, height: 844 } });
    await new AdminPages(office, served.baseUrl).signIn(officer.username, officer.password);
    await office.goto(`${served.baseUrl}/admin/letters`);
    await expect(office.locator('#letter-list thead th').allTextContents()).resolves.toEqual(['编号', '类型', '标题', '状态', '收到日期', '答复期限', '三个月期限', '承办单位']);
    const title = await fitsAndCell(office, '#letter-list td[data-label="标题"]');
    expect(title).toMatchObject({ fits: true, before: '"标题："' });
    expect(title.width).toBeGreaterThan(300);
    await expect(office.locator('#letter-list td[data-label="承办单位"]').first().textContent()).resolves.toContain('房地产市场监管股');
    await office.screenshot({ path: path.join(SHOTS, 'back-office-letters-phone.png'), fullPage: true });
  });

  // An outside tester at 360 px: the 审核流程 table squeezed 顺序 to a character a line and cut off its 审核角色 choices.
  it('shows the 审核流程’s stages as cards on a 360 px phone, each choice whole on the screen', async () => {
    const phone = await served.newPage({ viewport: { width: 360, height: 740 } });
    await new AdminPages(phone, served.baseUrl).signIn(admin.username, admin.password);
    await phone.goto(`${served.baseUrl}/admin/organs/${organCode}/review-chain`);
    const role = await fitsAndCell(phone, 'td[data-label="审核角色"]');
    expect(role).toMatchObject({ fits: true, before: '"审核角色："' });
    const select = (await phone.locator('select[name="stageRole"]').first().boundingBox())!;
    expect(select.x + select.width, 'the first stage’s 审核角色 whole on the screen').toBeLessThanOrEqual(360);
    await phone.screenshot({ path: path.join(SHOTS, 'back-office-review-chain-phone.png'), fullPage: true });
  });
});
