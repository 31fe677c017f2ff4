import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createOrgan } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * The portal's filter selects are tap targets of at least 44 px, as its other forms' controls (found by an
 * outside tester: 建议提案办理结果's 年度 and 类别 were about 21 px tall), on a phone and on a wide screen.
 */
describe.skipIf(SKIP_BROWSER)('the portal’s filter selects', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organCode = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    organCode = (await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' })).code;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  for (const width of [360, 1280]) {
    it(`gives 年度, 类别 and 查看 on 建议提案办理结果, and the search page's selects, a 44 px target at ${width} px`, async () => {
      const page = await served.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${served.baseUrl}/organs/${organCode}/proposals`);
      await page.screenshot({ path: path.join(SHOTS, `proposal-filter-${width}.png`) });
      for (const selector of ['#f-year', '#f-kind', 'form[aria-label="筛选办理结果"] button']) {
        expect((await page.locator(selector).boundingBox())!.height, selector).toBeGreaterThanOrEqual(44);
      }
      await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('电梯')}`);
      for (const selector of ['#search-scope', '#search-sort']) {
        const box = page.locator(selector);
        if (await box.isVisible()) expect((await box.boundingBox())!.height, selector).toBeGreaterThanOrEqual(44);
      }
      await page.context().close();
    }, 60_000);
  }
});
