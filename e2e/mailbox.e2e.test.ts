import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';
import { MailboxAdminPage, MailboxPortalPage } from './pages/mailbox-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

describe.skipIf(SKIP_BROWSER)('部门信箱 in Chromium: writing a letter, the reply, the rating and the published letter', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organ: { code: string; name: string };
  let officer: { username: string; password: string };
  let setClock: (at: string) => void;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-09-30T01:00:00Z');
    setClock = (at) => deps.clock.set(at);
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    organ = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局' });
    officer = await createStaff(deps, organ.code, 'editor');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('a citizen writes without an account, staff reply, the citizen rates, and the letter is published masked', async () => {
    const page = await served.newPage({ bypassCSP: true });
    const portal = new MailboxPortalPage(page, served.baseUrl);
    setClock('2026-09-30T01:00:00Z');
    await portal.openFromOrganHome(organ.code);
    await portal.write({ type: '咨询', subject: '老旧小区加装电梯补助', content: '请问加装电梯有什么补助？我的电话13912345678。', name: '', contact: '13912345678', publish: true });
    setClock('2026-09-30T01:02:00Z');
    await portal.send();
    await expect(portal.errorSummary()).resolves.toContain('请填写姓名');
    await expect(page.locator('#f-content').inputValue()).resolves.toContain('加装电梯');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#f-writerName').fill('张小明');
    setClock('2026-09-30T01:03:00Z');
    await portal.send();
    const receipt = await portal.receipt();
    expect(receipt.trackingNo).toBe(`${organ.code.toUpperCase()}-XJ2026-00001`);
    await page.screenshot({ path: path.join(SHOTS, 'letter-submitted.png'), fullPage: true });

    const staffPage = await served.newPage();
    await new AdminPages(staffPage, served.baseUrl).signIn(officer.username, officer.password);
    const admin = new MailboxAdminPage(staffPage, served.baseUrl);
    await admin.openLetter(organ.code, receipt.trackingNo);
    // 5 working days from 30 September 2026 across the 国庆 holidays.
    await expect(admin.dueOn()).resolves.toContain('2026-10-13');
    await admin.reply('您好，加装电梯每台补助15万元，详情可致电0564-5022001。');
    await expect(admin.state()).resolves.toContain('已答复');

    await portal.follow(receipt.trackingNo, receipt.queryCode);
    await expect(portal.reply()).resolves.toContain('每台补助15万元');
    await portal.rate('基本满意', '答复及时');
    await expect(portal.status()).resolves.toContain('基本满意');
    expect(await axeViolations(page)).toEqual([]);

    await portal.openPublished(organ.code, '老旧小区加装电梯补助');
    // Back returns to the status page as it is now (a GET page; the query code never in its address).
    await page.goBack(); // the published letter → the letters list
    await page.goBack(); // → the status page
    expect(page.url()).toMatch(/\/letters\/status\/result\/[0-9a-f]{32}$/);
    await expect(portal.status()).resolves.toContain('基本满意');
    await page.goForward();
    await page.goForward();
    await expect(page.locator('#writer').textContent()).resolves.toBe('张**');
    await expect(page.locator('#letter-content').textContent()).resolves.not.toContain('13912345678');
    await page.screenshot({ path: path.join(SHOTS, 'letter-published.png'), fullPage: true });
  }, 120_000);
});
