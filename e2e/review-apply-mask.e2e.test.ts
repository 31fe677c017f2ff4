import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../test/support/factories.ts';
import { createPublication, findPublication } from '../src/modules/catalog/index.ts';
import { fillReviewForm, performReviewVerb } from '../src/modules/review/index.ts';
import type { AppDeps } from '../src/platform/app-deps.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * 应用建议遮盖 on the review page: the reviewer at hand presses the button on a finding (a plain
 * form, so it works with JavaScript off), the text is masked where the scan found it, scanned again,
 * and the page says so; a page left open after the text changed is refused with a clear message.
 */
describe.skipIf(SKIP_BROWSER)('applying a suggested mask from the review page', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let deps: AppDeps;
  let id: number;
  let onPhone: number;
  let reviewer: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const built = await buildTestApp(handle, '2026-03-02T02:00:00Z');
    deps = built.deps;
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    const cast = await createReviewCast(deps, organ.code);
    const submitted = async (bodyHtml: string) => {
      const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news], { bodyHtml }));
      await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret' });
      await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
      return p.id;
    };
    id = await submitted('<p>联系人：张三，手机13812345678，住幸福小区3栋2单元501室。</p>');
    // A notice long enough that its review panel is thousands of pixels down on a phone.
    onPhone = await submitted(`${'<p>为做好城区供水管网改造工作，现将有关事项通知如下，请各单位按要求做好准备和配合工作。</p>'.repeat(30)}<p>联系人：张三，手机13812345678，现住址幸福小区3栋2单元501室。</p>`);
    reviewer = cast.unitHead;
    served = await serveForBrowser(built.app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('masks the phone number with one button, without JavaScript, and refuses a stale page’s second press', async () => {
    const page = await served.newPage({ javaScriptEnabled: false });
    await new AdminPages(page, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await page.goto(`${served.baseUrl}/admin/publications/${id}`);
    const row = page.locator('table.findings-list tbody tr', { hasText: '手机号码' });
    await row.getByRole('button', { name: /应用建议遮盖/ }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('已将正文中的手机号码遮盖为“138****5678”，并重新扫描');
    // Said where the page lands (under the findings' heading, in view), not at the top of the page.
    await expect(inView(page, '#flash-scan-h[role="status"]')).resolves.toBe(true);
    expect((await findPublication(deps.db, id))!.bodyHtml).toBe('<p>联系人：张三，手机138****5678，住幸福小区3栋2单元501室。</p>');
    // Scanned again: the phone is gone from the findings, the address is still offered.
    await expect(page.locator('table.findings-list tbody tr', { hasText: '手机号码' }).count()).resolves.toBe(0);
    await expect(page.locator('table.findings-list tbody tr', { hasText: '住址门牌' }).getByRole('button', { name: /应用建议遮盖/ }).count()).resolves.toBe(1);
    await expect(page.locator('.review-panel table.list', { hasText: '应用建议遮盖' }).last().textContent()).resolves.toContain('138****5678');
    await page.locator('table.findings-list').screenshot({ path: path.join(SHOTS, 'review-apply-mask.png') });

    // A second tab still showing the address finding, then the text changes under it.
    const stale = await served.newPage({ javaScriptEnabled: false });
    await new AdminPages(stale, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await stale.goto(`${served.baseUrl}/admin/publications/${id}`);
    await page.locator('table.findings-list tbody tr', { hasText: '住址门牌' }).getByRole('button', { name: /应用建议遮盖/ }).click();
    await expect(page.locator('.flash').textContent()).resolves.toContain('已将正文中的住址门牌遮盖为');
    const masked = (await findPublication(deps.db, id))!;
    await stale.locator('table.findings-list tbody tr', { hasText: '住址门牌' }).getByRole('button', { name: /应用建议遮盖/ }).click();
    await expect(stale.locator('#flash-scan-h[role="alert"]').textContent()).resolves.toContain('未作任何遮盖');
    await expect(inView(stale, '#flash-scan-h[role="alert"]')).resolves.toBe(true);
    expect((await findPublication(deps.db, id))!).toMatchObject({ bodyHtml: masked.bodyHtml, version: masked.version });
    await page.context().close();
    await stale.context().close();
  }, 120_000);

  it('on a 390 px phone tells what happened in view where the page lands, under the findings’ heading — also a refusal, with its reason (found by an outside tester)', async () => {
    const open = async () => {
      const page = await served.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
      await new AdminPages(page, served.baseUrl).signIn(reviewer.username, reviewer.password);
      await page.goto(`${served.baseUrl}/admin/publications/${onPhone}`);
      return page;
    };
    const page = await open();
    const stale = await open();
    const address = page.locator('table.findings-list tbody tr', { hasText: '住址门牌' });
    // The suggestion reads as the published text will, without the lead-in 现住址.
    await expect(address.locator('td[data-label="建议处理"]').innerText()).resolves.toMatch(/^幸福小区\*{9}/);
    await expect(address.getByRole('button', { name: /应用建议遮盖/ }).getAttribute('aria-label')).resolves.toContain('“幸福小区*********”');
    await address.getByRole('button', { name: /应用建议遮盖/ }).click();
    const done = page.locator('#flash-scan-h[role="status"]');
    await expect(done.textContent()).resolves.toContain('已将正文中的住址门牌遮盖为“幸福小区*********”，并重新扫描');
    await expect(inView(page, '#flash-scan-h[role="status"]')).resolves.toBe(true);
    await expect(page.getByText(/已将正文中的住址门牌遮盖为/).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'review-apply-mask-phone.png') });

    await stale.locator('table.findings-list tbody tr', { hasText: '住址门牌' }).getByRole('button', { name: /应用建议遮盖/ }).click();
    const refused = stale.locator('#flash-scan-h[role="alert"]');
    await expect(refused.locator('li').first().textContent()).resolves.toContain('扫描之后内容已改动');
    await expect(inView(stale, '#flash-scan-h[role="alert"]')).resolves.toBe(true);
    await expect(stale.locator('.flash').count()).resolves.toBe(0);
    await stale.screenshot({ path: path.join(SHOTS, 'review-apply-mask-refused-phone.png') });
    await page.context().close();
    await stale.context().close();
  }, 120_000);
});

/** Whether the element is wholly inside the viewport as the page stands (after landing at its fragment). */
const inView = (page: Page, selector: string) => page.locator(selector).evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
});
