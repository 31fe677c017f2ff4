import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../test/support/factories.ts';
import { checkLetter, submitLetter } from '../src/modules/interaction/index.ts';
import { registerApplication } from '../src/modules/applications/index.ts';
import { applicantInput } from '../src/modules/applications/testing/application-factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * 重新设置查询码 refused (核验方式 left blank, or only spaces) on a 390 px phone: the officer pressed 重新设置
 * at the bottom of a long letter's page, and the refusal must be where the page opens — not only beside the
 * field thousands of pixels below the top where the page was shown again (found by an outside tester).
 * The application's case page is checked the same way.
 */
describe.skipIf(SKIP_BROWSER)('a refused 重新设置查询码 on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let letterId: number;
  let applicationId: number;
  let officer: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-10T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    officer = await createStaff(deps, organ.code, 'organ_admin');
    // A letter long enough that its reset section lies thousands of pixels down on a phone.
    const content = '物业公司从今年10月起对业主车辆每月加收停车管理费200元，业主多次反映未果，请核实收费依据。'.repeat(40);
    const r = await submitLetter(deps, organ.code, { type: 'complain', subject: '幸福小区物业乱收停车费问题', content, writerName: '王建国', contact: '13912345678', publishConsent: 'no' });
    letterId = (await checkLetter(deps, r.trackingNo, r.queryCode)).id;
    const registered = await registerApplication(deps, (await createActor(deps, organ.code, 'organ_admin')).actor, organ.id, { channel: 'fax', arrivedOn: '2026-03-09', ...applicantInput() });
    applicationId = registered.application.id;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const open = async (url: string) => {
    const page = await served.newPage({ viewport: { width: 390, height: 844 } });
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}${url}`);
    return page;
  };

  it('a letter: the refusal is an error summary in view where the page opens, and nothing was reset', async () => {
    const page = await open(`/admin/letters/${letterId}`);
    await page.locator('#f-verifiedBy').fill('   ');
    await page.locator('#f-verifiedBy').evaluate((el) => el.removeAttribute('required'));
    await page.getByRole('button', { name: '重新设置' }).click();
    await page.waitForLoadState('load');
    const summary = page.locator('[role="alert"]', { hasText: '请写明如何核验了来信人的身份' });
    await expect(summary.count()).resolves.toBe(1);
    await expect(summary.textContent()).resolves.toContain('提交未成功');
    await expect(inView(summary)).resolves.toBe(true);
    await expect(page.locator('#letter-history').textContent()).resolves.not.toContain('重新设置查询码');
    await page.screenshot({ path: path.join(SHOTS, 'letter-query-code-refused-phone.png') });
    await page.context().close();
  }, 60_000);

  it('an application: the refusal is in view where the page opens too', async () => {
    const page = await open(`/admin/applications/${applicationId}`);
    await page.locator('#f-verifiedBy').fill('   ');
    await page.getByRole('button', { name: '重新设置' }).click();
    await page.waitForLoadState('load');
    const summary = page.locator('[role="alert"]', { hasText: '请写明如何核验了申请人的身份' });
    await expect(summary.count()).resolves.toBe(1);
    await expect(inView(summary)).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'application-query-code-refused-phone.png') });
    await page.context().close();
  }, 60_000);
});

/** Whether the element is wholly inside the viewport as the page stands when it opens. */
const inView = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
});
