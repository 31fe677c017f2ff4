import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createCountyBureau } from '../test/support/county-bureau.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * 扫一扫在手机打开当前页 is for a reader at a computer: on a phone (an outside tester, 390 px) it asked the resident to scan
 * the screen they hold, a 120 px square and a line between the page's end and its footer. Shown on a wide screen and in
 * print (a printed page carries its address), not on a phone.
 */
describe.skipIf(SKIP_BROWSER)('the item page’s QR code', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let url = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const { bureau, item } = await createCountyBureau(deps);
    const published = await item('2026年公租房保障对象名单', '公租房保障对象。');
    url = `/organs/${bureau.code}/items/${published.id}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('is not shown on a phone, and is on a wide screen and in print', async () => {
    for (const [width, shown] of [[390, false], [320, false], [1280, true]] as const) {
      const page = await served.newPage({ viewport: { width, height: 844 }, hasTouch: width < 700 });
      await page.goto(`${served.baseUrl}${url}`);
      await expect(page.locator('figure.qr').isVisible(), `${width} px`).resolves.toBe(shown);
      if (!shown) {
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('figure.qr').isVisible(), `${width} px, print`).resolves.toBe(true);
      }
      await page.context().close();
    }
  });
});
