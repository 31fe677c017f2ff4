import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');
const ROWS = ['城东片区', '城西片区', '解放路片区'].map((area, i) =>
  `<tr><td>${i + 1}</td><td>${area}老旧小区改造项目（含加装电梯、管网改造）</td><td>青岚县住房和城乡建设局</td><td>297.75</td><td>2026年12月</td></tr>`).join('');
const WIDE = `<p>现将补助资金发放明细公示如下：</p><table><tr><th>序号</th><th>项目名称</th><th>实施单位</th><th>补助金额（万元）</th><th>拨付时间</th></tr>${ROWS}</table>`;

/**
 * A wide table in an item's 正文 on a phone (found by an outside tester: it scrolls sideways with only a
 * faint shadow, and 「可左右滚动」 was only the box's accessible name): a visible line above the table says
 * it scrolls, on a narrow screen only; a wide screen, where the table fits, shows no such line.
 */
describe.skipIf(SKIP_BROWSER)('a wide table in an item body on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let url = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const node = await createNode(deps, organ.id, { name: '资金信息' });
    const item = await createPublished(deps, organ.id, [node], { title: '2026年老旧小区改造补助资金发放明细', bodyHtml: WIDE });
    url = `/organs/${organ.code}/items/${item.id}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  for (const javaScriptEnabled of [true, false]) {
    it(`says above the table, in sight, that it scrolls sideways at 360 px (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const page = await served.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled, bypassCSP: javaScriptEnabled });
      await page.goto(`${served.baseUrl}${url}`);
      await page.screenshot({ path: path.join(SHOTS, `body-table-hint-360-js-${javaScriptEnabled}.png`), fullPage: true });
      const box = page.locator('.article-body .table-scroll');
      expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth), 'the table is wider than the phone').toBe(true);
      const hint = page.locator('.article-body .table-scroll-hint');
      await expect(hint.isVisible()).resolves.toBe(true);
      await expect(hint.textContent()).resolves.toContain('可左右滑动');
      const [h, b] = [(await hint.boundingBox())!, (await box.boundingBox())!];
      expect(h.y + h.height).toBeLessThanOrEqual(b.y + 1);
      expect(b.y - (h.y + h.height), 'the line sits just above its table').toBeLessThan(20);
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('shows no such line on a wide screen, where the table fits', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.baseUrl}${url}`);
    await expect(page.locator('.article-body .table-scroll').isVisible()).resolves.toBe(true);
    await expect(page.locator('.article-body .table-scroll-hint').isVisible()).resolves.toBe(false);
    await page.context().close();
  });
});
