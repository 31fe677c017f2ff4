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

/**
 * A review verb pressed on a 390 px phone: the page comes back at 审核与发布 (#review-h), thousands of
 * pixels below the top of a long item, and the outcome is told there, in view where the page opens —
 * not at the top of the page where the officer never looks (found by an outside tester). Without
 * JavaScript: the flash names its place and the item's page renders it there.
 */
describe.skipIf(SKIP_BROWSER)('a review verb’s outcome on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let id: number;
  let reviewer: { username: string; password: string };

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-03-02T02:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    const cast = await createReviewCast(deps, organ.code);
    // A notice long enough that its review panel is thousands of pixels down on a phone.
    const body = '<p>为做好城区供水管网改造工作，现将有关事项通知如下，请各单位按要求做好准备和配合工作。</p>'.repeat(30);
    const p = await createPublication(deps, cast.author.actor, organ.id, publicationInput([news], { title: '关于城区部分区域临时停水的通知', bodyHtml: body }));
    await fillReviewForm(deps, cast.author.actor, p.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, p.id, 'submit');
    id = p.id;
    reviewer = cast.unitHead;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('after 退回修改 shows 已退回修改 in view where the page lands, and a stale second press’s refusal as an alert there too', async () => {
    const open = async () => {
      const page = await served.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
      await new AdminPages(page, served.baseUrl).signIn(reviewer.username, reviewer.password);
      await page.goto(`${served.baseUrl}/admin/publications/${id}`);
      return page;
    };
    const page = await open();
    const stale = await open();
    await page.locator('#f-comment').fill('请补充停水范围和恢复供水的时间');
    await page.getByRole('button', { name: '退回修改' }).click();
    expect(new URL(page.url()).hash).toBe('#review-h');
    const done = page.locator('[role="status"]', { hasText: '已退回修改' });
    await expect(done.count()).resolves.toBe(1);
    await expect(inView(done)).resolves.toBe(true);
    // Told once, where it lands: not also at the top of the page.
    await expect(page.locator('main > .flash').count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'review-verb-outcome-phone.png') });

    // The same press from a page left open: the item is returned already, and the refusal says why, in view.
    await stale.locator('#f-comment').fill('请核对联系电话');
    await stale.getByRole('button', { name: '退回修改' }).click();
    const refused = stale.locator('[role="alert"]', { hasText: '未能退回修改' });
    await expect(refused.count()).resolves.toBe(1);
    await expect(inView(refused)).resolves.toBe(true);
    await stale.screenshot({ path: path.join(SHOTS, 'review-verb-refused-phone.png') });
    await page.context().close();
    await stale.context().close();
  }, 120_000);
});

/** Whether the element is wholly inside the viewport as the page stands (after landing at its fragment). */
const inView = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
});
