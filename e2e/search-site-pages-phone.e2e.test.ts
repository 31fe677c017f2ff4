import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';

const SHOTS = process.env.GONGKAI_SHOTS_DIR ?? path.resolve('test-results/screenshots');
const PREFS = ['fs=m&elder=0', 'fs=l&elder=1'] as const;

/**
 * 本站栏目/服务 on a phone (390 px, also at 字号 大 + 适老化), as an outside tester searched: 政府信息公开指南 and 住建局 电话.
 * The panel is compact — under the count, the first result still in the first screen — its links and the phone number
 * 44 px targets, nothing wider than the screen; no script needed.
 */
describe.skipIf(SKIP_BROWSER)('the portal’s own pages on the results page, on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府', consultPhone: '0564-5021016' });
    const bureau = await createOrgan(deps, {
      parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局', consultPhone: '0564-5022106',
      address: '青岚县岚城街道建设路26号', officeHours: '周一至周五（法定节假日除外）上午8:00—12:00，下午14:30—17:30',
    });
    const node = await createNode(deps, bureau.id, { name: '年度报告' });
    for (let i = 0; i < 4; i++) {
      await createPublished(deps, bureau.id, [node], { title: `青岚县住房和城乡建设局${2022 + i}年政府信息公开工作年度报告`, bodyHtml: '<p>本报告根据政府信息公开指南编制，联系电话 0564-5022106。</p>' });
      await createPublished(deps, bureau.id, [node], { title: `关于第${i + 1}批意见征求意见采纳情况的说明`, bodyHtml: '<p>可来电：电话 0564-5022106。</p>' });
    }
    served = await serveForBrowser(app, handle, SHOTS);
  });
  afterAll(async () => served?.close());

  for (const prefs of PREFS) {
    for (const words of ['政府信息公开指南', '住建局 电话']) {
      it(`${words} at ${prefs}: the panel is compact, its links 44 px, the first result in the first screen`, async () => {
        const page = await served.newPage({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
        await page.goto(`${served.baseUrl}/prefs?${prefs}&return=${encodeURIComponent(`/search?q=${encodeURIComponent(words)}`)}`);
        await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent(words)}`);
        await page.screenshot({ path: path.join(SHOTS, `site-pages-${words.replace(/\s/g, '_')}-${prefs.replace(/[=&]/g, '-')}.png`), fullPage: true });
        await page.screenshot({ path: path.join(SHOTS, `site-pages-${words.replace(/\s/g, '_')}-${prefs.replace(/[=&]/g, '-')}-first-screen.png`) });
        const panel = page.locator('.search-site-pages');
        await expect(panel.count()).resolves.toBe(1);
        const box = (await panel.boundingBox())!;
        expect(box.height, 'the panel stays compact').toBeLessThan(prefs === 'fs=m&elder=0' ? 260 : 420);
        for (const link of await panel.locator('a').all()) {
          const b = (await link.boundingBox())!;
          expect(b.height, `${await link.textContent()} is a 44 px target`).toBeGreaterThanOrEqual(44);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        if (prefs === 'fs=m&elder=0') {
          const first = (await page.locator('.search-hit').first().boundingBox())!;
          expect(first.y, 'the first result starts in the first screen').toBeLessThan(844);
        }
      });
    }
  }
});
