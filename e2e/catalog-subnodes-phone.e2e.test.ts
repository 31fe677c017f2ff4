import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');
/** The demo 住建局's top columns, in its order, and one name longer than a phone's line at 适老化 + 大. */
const NAMES = ['机构职能', '政策文件', '政策解读', '规划计划', '公众参与', '重点领域', '财政预决算', '政府采购', '行政许可', '行政处罚', '双随机一公开',
  '统计信息', '人事信息', '监督保障', '公开年报', '工作动态', '青岚县住房和城乡建设局城镇老旧小区改造项目实施情况公开'];

/**
 * An organ's 公开目录 on a phone (an outside tester: 规/划计划, 双随机一公/开, 公开年/报 — a column's name broken
 * across two lines in the 子栏目 row): a short name is kept whole on its line, a name longer than a line may wrap.
 */
describe.skipIf(SKIP_BROWSER)('the 子栏目 row of a catalog page on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let code = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    for (const name of NAMES) await createNode(deps, organ.id, { name });
    code = organ.code;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  for (const [width, prefs] of [[390, ''], [360, ''], [390, 'fs=l&elder=1'], [360, 'fs=l&elder=1']] as const) {
    it(`keeps each short column name on one line at ${width} px${prefs ? ' at 适老化 + 大' : ''}`, async () => {
      const page = await served.newPage({ viewport: { width, height: 800 }, bypassCSP: true });
      if (prefs) await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
      await page.goto(`${served.baseUrl}/organs/${code}/catalog`);
      const links = page.locator('nav[aria-label="子栏目"] a');
      await expect(links.count()).resolves.toBe(NAMES.length);
      const lines = await links.evaluateAll((as) => as.map((a) => {
        const tops = new Set(Array.from(a.getClientRects()).map((r) => Math.round(r.top)));
        return [a.textContent ?? '', tops.size] as const;
      }));
      const broken = lines.filter(([name, n]) => n > 1 && [...name].length <= 8).map(([name]) => name);
      expect(broken).toEqual([]);
      // The long one still fits the screen (wraps rather than running off it).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (!prefs && width === 390) {
        await page.locator('nav[aria-label="子栏目"]').screenshot({ path: path.join(SHOTS, 'catalog-subnodes-390.png') });
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.context().close();
    }, 60_000);
  }
});
