import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../test/support/factories.ts';
import { checkLetter, performLetterVerb, submitLetter } from '../src/modules/interaction/index.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * A letter handed to (交办) an internal unit, in Chromium: the unit's staff are told on 工作台, open
 * 交办给本单位的来信 and the letter, and write the unit's 办理意见 by keyboard-accessible forms; the
 * organ's handler then sees it. Every page passes axe.
 */
describe.skipIf(SKIP_BROWSER)('部门信箱 in Chromium: a letter handed to an internal unit', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let letterId = 0;
  let unitStaff: { username: string; password: string };
  let handler: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-10T01:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const organ = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '村镇建设股' });
    handler = await createStaff(deps, organ.code, 'editor');
    unitStaff = await createStaff(deps, unit.code, 'editor');
    const r = await submitLetter(deps, organ.code, { type: 'complain', subject: '危房改造补助没有发放', content: '我家2025年列入农村危房改造，补助至今没有发放，请核查。', writerName: '李大山', contact: '13912345678', publishConsent: 'yes' });
    letterId = (await checkLetter(deps, r.trackingNo, r.queryCode)).id;
    await performLetterVerb(deps, (await createActor(deps, organ.code, 'editor')).actor, letterId, { verb: 'assign', unitId: unit.id });
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('the unit’s staff are told, read the letter and send their 办理意见; the organ’s handler sees it', async () => {
    const page = await served.newPage({ bypassCSP: true }); // axe is injected as a script
    await new AdminPages(page, served.baseUrl).signIn(unitStaff.username, unitStaff.password);
    await page.goto(`${served.baseUrl}/admin`);
    await page.getByRole('link', { name: /村镇建设股：1 件部门信箱来信交办本单位，待报送办理意见/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('交办给本单位的来信');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /XJ2026-00001/ }).click();
    await expect(page.locator('#unit-notice').textContent()).resolves.toContain('由青岚县住房和城乡建设局据此答复');
    expect(await axeViolations(page)).toEqual([]);
    const opinion = page.getByLabel(/办理意见（承办情况）/);
    await opinion.focus();
    await page.keyboard.type('经核实，该户补助因银行账户信息有误被退回，已于3月10日重新发放。');
    await page.getByRole('button', { name: '报送办理意见' }).click();
    await expect(page.locator('.flash, [role="status"]').first().textContent()).resolves.toContain('已报送办理意见');
    await expect(page.locator('#letter-history').textContent()).resolves.toContain('报送办理意见（村镇建设股）：经核实');
    await page.screenshot({ path: path.join(SHOTS, 'letter-unit-opinion.png'), fullPage: true });

    const organPage = await served.newPage({ bypassCSP: true });
    await new AdminPages(organPage, served.baseUrl).signIn(handler.username, handler.password);
    await organPage.goto(`${served.baseUrl}/admin/letters/${letterId}`);
    await expect(organPage.locator('#letter-unit').textContent()).resolves.toBe('村镇建设股（2026-03-10已报送办理意见）');
    await expect(organPage.locator('#reply-unit-opinions').textContent()).resolves.toContain('已于3月10日重新发放');
    expect(await axeViolations(organPage)).toEqual([]);
  });
});
