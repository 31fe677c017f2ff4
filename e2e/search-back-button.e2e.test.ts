import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createCountyBureau } from '../test/support/county-bureau.ts';
import { reindex } from '../src/modules/search/index.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * Back to a results page shows the words it holds results for (an outside tester on a phone): searched 公租房, typed
 * 危房 in the results page's box and searched again, pressed Back — the heading said “公租房”的检索结果 while the box
 * still held 危房 (the browser gives a form back as it was last typed), and 按以上选项检索 then sent 危房 with the year
 * chosen: results for a word the resident was no longer looking at. With and without JavaScript.
 */
describe.skipIf(SKIP_BROWSER)('back to a results page', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const { item } = await createCountyBureau(deps);
    await item('2025年公租房保障对象名单', '公租房保障对象。');
    await item('2026年公租房保障对象名单', '公租房保障对象。');
    await item('2025年农村危房改造补助名单', '农村危房改造补助。');
    await reindex(deps);
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  for (const javaScriptEnabled of [true, false]) {
    it(`the box holds the words of the results shown, and the options search them (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await served.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, javaScriptEnabled });
      await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('公租房')}`);
      await page.locator('#search-q').fill('危房');
      await Promise.all([page.waitForURL(/q=%E5%8D%B1%E6%88%BF/), page.locator('#search-q').press('Enter')]);
      await page.goBack();
      await expect(page.locator('h1, h2').filter({ hasText: '公租房' }).count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('公租房');
      await page.locator('.search-options > summary').click();
      await page.locator('#search-year').selectOption('2026');
      await Promise.all([page.waitForURL(/year=2026/), page.getByRole('button', { name: '按以上选项检索' }).click()]);
      expect(decodeURIComponent(new URL(page.url()).searchParams.get('q') ?? '')).toBe('公租房');
      await page.context().close();
    });
  }
});
