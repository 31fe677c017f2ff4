import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan, createStaff } from '../test/support/factories.ts';
import { submitLetter } from '../src/modules/interaction/index.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * Found by an outside tester: someone who handles a county government and its 住建局 opened 部门信箱 on
 * the government with nothing in it, and 待办 said nothing of the six letters waiting at the 住建局. On a
 * 360 px phone: 待办 names the letters waiting (待办理) with a link that opens them, the mailbox opens on
 * the 住建局, and its organ switch — which now names what waits where — stays within the screen.
 */
describe.skipIf(SKIP_BROWSER)('letters waiting, on a 360 px phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let keeper: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-06-10T02:00:00Z');
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局' });
    await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县交通运输局' });
    keeper = await createStaff(deps, county.code, 'organ_admin');
    for (let i = 0; i < 6; i++) {
      await submitLetter(deps, bureau.code, { type: 'consult', subject: `幸福小区加装电梯补助第${i + 1}问`, content: '请问加装电梯的补助标准？', writerName: '王建国', contact: '13912345678', publishConsent: 'yes' });
    }
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('goes from 待办 to the letters waiting, and the mailbox and its organ switch fit the screen', async () => {
    const phone = await served.newPage({ viewport: { width: 360, height: 740 } });
    await new AdminPages(phone, served.baseUrl).signIn(keeper.username, keeper.password);
    await phone.goto(`${served.baseUrl}/admin/review`);
    const line = phone.getByRole('link', { name: '青岚县住房和城乡建设局：6 件部门信箱来信待办理' });
    await expect(line.isVisible()).resolves.toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: path.join(SHOTS, 'todo-letters-waiting-phone.png'), fullPage: true });
    await line.click();
    await expect(phone.locator('h1').textContent()).resolves.toBe('部门信箱 · 青岚县住房和城乡建设局');
    await expect(phone.locator('#letter-list tbody tr').count()).resolves.toBe(6);

    await phone.goto(`${served.baseUrl}/admin/letters`);
    await expect(phone.locator('h1').textContent()).resolves.toBe('部门信箱 · 青岚县住房和城乡建设局');
    await expect(phone.locator('#f-organ option:checked').textContent()).resolves.toBe('青岚县住房和城乡建设局（6 件待办理）');
    const select = await phone.locator('#f-organ').evaluate((s) => s.getBoundingClientRect().right);
    expect(select).toBeLessThanOrEqual(360);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot({ path: path.join(SHOTS, 'mailbox-opens-where-letters-wait-phone.png'), fullPage: true });
  });
});
