import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan, createStaff } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** The ids of the fields the error summary links, in its order, and the same ids in the page's order. */
const summaryAndFormOrder = (page: Page) => page.evaluate(() => {
  const linked = Array.from(document.querySelectorAll('#error-summary a[href^="#f-"]')).map((a) => a.getAttribute('href')!.slice(1));
  const inPage = Array.from(document.querySelectorAll('main [id^="f-"]')).map((el) => el.id).filter((id) => linked.includes(id));
  return { linked, inPage: [...new Set(inPage)] };
});

/**
 * After a refused staff or public form the error summary has the focus, so the reader starts at what went
 * wrong rather than the top of the page (found by an outside tester), and it lists the errors in the
 * form's order (the staff registration of an application listed 获取信息的方式 before 内容描述 and 提供形式).
 */
describe.skipIf(SKIP_BROWSER)('the error summary of a refused form', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organCode = '';
  let officer: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-06-01T01:00:00Z');
    organCode = (await createOrgan(deps, { name: '青岚县住房和城乡建设局' })).code;
    officer = await createStaff(deps, organCode, 'disclosure_office');
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('登记申请 (staff): focused on load, its errors in the form’s order', async () => {
    const page = await served.newPage();
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/applications/new?organ=${organCode}`);
    await page.locator('#f-subject').fill('2025年老旧小区改造资金');
    await page.locator('main form button[type="submit"]').last().click();
    await page.waitForSelector('#error-summary');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary');
    const { linked, inPage } = await summaryAndFormOrder(page);
    expect(linked.length).toBeGreaterThan(2);
    expect(linked).toEqual(inPage);
    await page.context().close();
  });

  it('写信 (public): focused on load', async () => {
    const page = await served.newPage({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    await page.goto(`${served.baseUrl}/organs/${organCode}/letters/new`);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForSelector('#error-summary');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('error-summary');
    await page.context().close();
  });
});
