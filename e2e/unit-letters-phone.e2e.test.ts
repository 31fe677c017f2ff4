import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../test/support/factories.ts';
import { checkLetter, performLetterVerb, submitLetter } from '../src/modules/interaction/index.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * 交办给本单位的来信 on a 390 px phone, for staff of one unit: each letter a card whose title keeps the
 * full width (no 交办机关 or 承办单位 column, the same names on every row), and the back-office menu with
 * every label on one line (部门信箱, not 部门信/箱).
 */
describe.skipIf(SKIP_BROWSER)('letters handed to a unit, on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let unitStaff: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-10T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '房地产市场监管股' });
    unitStaff = await createStaff(deps, unit.code, 'editor');
    const r = await submitLetter(deps, organ.code, { type: 'complain', subject: '幸福小区物业乱收停车费问题', content: '物业公司从今年10月起对业主车辆每月加收停车管理费200元。', writerName: '王建国', contact: '13912345678', publishConsent: 'yes' });
    const id = (await checkLetter(deps, r.trackingNo, r.queryCode)).id;
    await performLetterVerb(deps, (await createActor(deps, organ.code, 'editor')).actor, id, { verb: 'assign', unitId: unit.id, instructions: '请核实收费依据并提出处理意见', reportByOn: '2026-03-12' });
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('shows each letter as a card with a full-width title and keeps every menu label on one line at 390 px', async () => {
    const phone = await served.newPage({ viewport: { width: 390, height: 844 } });
    await new AdminPages(phone, served.baseUrl).signIn(unitStaff.username, unitStaff.password);
    await phone.goto(`${served.baseUrl}/admin/letters/units`);
    await expect(phone.locator('#unit-letter-list thead th').allTextContents()).resolves.toEqual(['编号', '标题', '状态', '答复期限', '报送期限', '办理意见']);
    const title = await phone.locator('#unit-letter-list td[data-label="标题"]').evaluate((td) => ({ width: td.getBoundingClientRect().width, before: getComputedStyle(td, '::before').content }));
    expect(title.width).toBeGreaterThan(300);
    expect(title.before).toBe('"标题："');
    await expect(phone.locator('#unit-letter-list td[data-label="标题"]').textContent()).resolves.toContain('交办意见：请核实收费依据并提出处理意见');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // An inline link broken across lines has one box per line.
    const broken = await phone.locator('nav[aria-label="后台导航"] a').evaluateAll((links) => links.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent));
    expect(broken).toEqual([]);
    await phone.screenshot({ path: path.join(SHOTS, 'unit-letters-phone.png'), fullPage: true });
  });
});
