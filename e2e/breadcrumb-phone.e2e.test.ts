import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * An outside tester at 360 px: the breadcrumb's label 当前位置： stood alone on a line above the crumbs, which began
 * on the next line. On a phone the crumbs start the breadcrumb (the nav's aria-label still names it); a wide screen
 * keeps the label.
 */
describe.skipIf(SKIP_BROWSER)('the breadcrumb on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let url = '';
  let columnUrl = '';
  let organUrl = '';

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const nodeId = await createNode(deps, organ.id, { name: '政策文件' });
    const item = await createPublished(deps, organ.id, [nodeId], { title: '关于建立健全农村危房改造长效机制的意见' });
    url = `/organs/${organ.code}/items/${item.id}`;
    columnUrl = `/organs/${organ.code}/catalog/${nodeId}`;
    organUrl = `/organs/${organ.code}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('starts with its first crumb at 360 px, the nav still named 当前位置', async () => {
    const page = await served.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${served.baseUrl}${url}`);
    const nav = page.locator('nav.breadcrumb');
    await expect(nav.getAttribute('aria-label')).resolves.toBe('当前位置');
    await expect(page.locator('.breadcrumb-label').isVisible()).resolves.toBe(false);
    const navTop = (await nav.boundingBox())!.y;
    const firstCrumb = (await page.locator('.breadcrumb li').first().boundingBox())!;
    expect(firstCrumb.y - navTop, 'the first crumb on the breadcrumb’s first line').toBeLessThan(24);
    // The first crumb's words start at the breadcrumb's edge, as a wrapped line's do (首页 stood indented, centred in its box).
    const indent = await page.locator('.breadcrumb a').first().evaluate((a) => {
      const range = document.createRange();
      range.selectNodeContents(a);
      return range.getBoundingClientRect().left - a.closest('nav')!.getBoundingClientRect().left;
    });
    expect(indent).toBeLessThan(2);
    await page.context().close();
  }, 60_000);

  // An outside tester on a phone: 首页 was followed by a gap (its text in a 44 px box), the other crumbs were not.
  for (const width of [390, 360]) {
    it(`reads evenly at ${width} px on the item, column and organ pages: the same room after 首页 as after every crumb, each link a 44 px target`, async () => {
      const page = await served.newPage({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });
      for (const prefs of ['fs=s&elder=0', 'fs=m&elder=0', 'fs=l&elder=0', 'fs=m&elder=1']) {
        await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
        for (const at of [url, columnUrl, organUrl]) {
          await page.goto(`${served.baseUrl}${at}`);
          const crumbs = await page.locator('.breadcrumb li').evaluateAll((lis) => lis.map((li) => {
            const words = li.querySelector('a, span')!;
            const range = document.createRange();
            range.selectNodeContents(words);
            const text = range.getClientRects();
            const box = words.getBoundingClientRect();
            return { name: words.textContent, link: words.tagName === 'A', first: text[0].left, last: text[text.length - 1].right, top: text[0].top, bottom: text[text.length - 1].top, box: { width: box.width, height: box.height } };
          }));
          expect(crumbs[0].name).toBe('首页');
          // The room from one crumb's words to the next one's (the separator \u00a0> ), for crumbs on one line.
          const gaps = crumbs.slice(1).map((c, i) => ({ after: crumbs[i].name, gap: c.first - crumbs[i].last, sameLine: Math.abs(c.top - crumbs[i].bottom) < 2 })).filter((g) => g.sameLine);
          expect(gaps.length, `${at} ${prefs}`).toBeGreaterThan(0);
          const others = gaps.filter((g) => g.after !== '首页').map((g) => g.gap);
          const afterHome = gaps.find((g) => g.after === '首页')!.gap;
          for (const g of others) expect(Math.abs(afterHome - g), `${at} ${prefs}: after 首页 ${afterHome.toFixed(1)} px, after another crumb ${g.toFixed(1)} px`).toBeLessThan(1.5);
          // And no more than the separator itself takes (about a character).
          expect(afterHome, `${at} ${prefs}`).toBeLessThan(24);
          for (const c of crumbs.filter((c) => c.link)) {
            expect(c.box.width, `${at} ${prefs}: ${c.name}`).toBeGreaterThanOrEqual(44);
            expect(c.box.height, `${at} ${prefs}: ${c.name}`).toBeGreaterThanOrEqual(44);
          }
          await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(width);
        }
      }
      await page.screenshot({ path: path.join(SHOTS, `breadcrumb-phone-${width}.png`) });
      await page.context().close();
    }, 90_000);
  }

  it('keeps the label 当前位置： on a wide screen', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.baseUrl}${url}`);
    await expect(page.locator('.breadcrumb-label').isVisible()).resolves.toBe(true);
    await page.context().close();
  }, 60_000);
});
