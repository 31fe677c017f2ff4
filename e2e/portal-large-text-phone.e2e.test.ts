import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../test/support/factories.ts';
import { reindex } from '../src/modules/search/index.ts';

const SHOTS = path.resolve('test-results/screenshots');
const LARGE = 'fs=l&elder=1';

/**
 * The portal on a small phone with 适老化 and 字号 大 (26 px text), as an outside citizen tester read it in Chromium:
 * the first result of /search?q=公租房 starts in the first screen at 320 × 640 and 390 × 844 (the header, the search
 * form and the folded facets took all of it at 320 px), every page type fits the screen's width, the header's 检索
 * button never sits alone on a row, the header's box is a 44 px target at every width (it was 34 px on a wide screen),
 * and a 字号 or 适老化 link chosen in the phone's 菜单 gives the focus back to the 菜单 (it was left on the page).
 */
describe.skipIf(SKIP_BROWSER)('the portal at 适老化 + 大 on a small phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organCode = '';
  let nodeId = 0;
  let itemId = 0;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    organCode = bureau.code;
    const housing = await createNode(deps, bureau.id, { name: '保障性住房' });
    nodeId = await createNode(deps, bureau.id, { name: '申请与审核', parentId: housing });
    for (let i = 0; i < 6; i++) {
      const item = await createPublished(deps, bureau.id, [nodeId], {
        title: `2026年第${i + 1}批公共租赁住房保障资格审核结果公示`, documentNumber: `岚建〔2026〕${70 + i}号`,
        summary: '经本人申请、社区初审、街道复核，下列家庭符合公租房保障条件，现予公示。', formedOn: `2026-0${i + 1}-05`,
      });
      itemId = item.id;
    }
    await reindex(deps);
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const open = async (width: number, height: number, prefs: string, extra: { javaScriptEnabled?: boolean; bypassCSP?: boolean } = {}) => {
    const page = await served.newPage({ viewport: { width, height }, ...extra });
    await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
    return page;
  };
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('starts the first result of /search?q=公租房 in the first screen at 320 × 640 and 390 × 844, with and without JavaScript', async () => {
    const seen: Record<string, number> = {};
    for (const javaScriptEnabled of [true, false]) {
      for (const [width, height] of [[320, 640], [390, 844]]) {
        const page = await open(width, height, LARGE, { javaScriptEnabled });
        await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('公租房')}`);
        const where = `${width} × ${height}, JavaScript ${javaScriptEnabled}`;
        const title = (await page.locator('.search-hit h3').first().boundingBox())!;
        seen[where] = Math.round(title.y);
        expect(title.y, where).toBeLessThan(height - 30); // at least its first line, not a sliver
        expect(await scrollWidth(page), where).toBeLessThanOrEqual(width);
        // The facets stay one tap away, behind their fold, and open without JavaScript.
        await page.getByText(/^按条件筛选/).click();
        await expect(page.locator('.facet-fold > summary').first().isVisible(), where).resolves.toBe(true);
        await page.screenshot({ path: path.join(SHOTS, `large-text-search-${width}-js-${javaScriptEnabled}.png`) });
        await page.context().close();
      }
    }
    console.log('first result title starts at', seen);
    const checked = await open(320, 640, LARGE, { bypassCSP: true });
    await checked.goto(`${served.baseUrl}/search?q=${encodeURIComponent('公租房')}`);
    expect(await axeViolations(checked)).toEqual([]);
    await checked.context().close();
  }, 90_000);

  it('fits every page type to a 320 and 390 px phone at 适老化 + 大: nothing wider than the screen, the page’s heading in the first screen', async () => {
    const pages = ['/', `/organs/${organCode}`, `/organs/${organCode}/catalog/${nodeId}`, `/organs/${organCode}/items/${itemId}`];
    const seen: Record<string, number> = {};
    for (const [width, height] of [[320, 640], [390, 844]]) {
      const page = await open(width, height, LARGE);
      for (const url of pages) {
        await page.goto(served.baseUrl + url);
        const where = `${url} at ${width} px`;
        expect(await scrollWidth(page), where).toBeLessThanOrEqual(width);
        // Nothing in the header or the main column reaches past the screen's edge (cut off under overflow: hidden).
        const past = await page.evaluate((w) => Array.from(document.querySelectorAll('.site-header *, main h1, main .breadcrumb'))
          .filter((el) => el.getBoundingClientRect().width > 0 && (el.getBoundingClientRect().right > w + 0.5 || el.getBoundingClientRect().left < -0.5))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`), width);
        expect(past, where).toEqual([]);
        const h1 = (await page.locator('main h1').first().boundingBox())!;
        seen[where] = Math.round(h1.y + h1.height);
        expect(h1.y + h1.height, where).toBeLessThanOrEqual(height);
        await page.screenshot({ path: path.join(SHOTS, `large-text-${width}${url.replace(/\W+/g, '-')}.png`) });
      }
      await page.context().close();
    }
    console.log('the heading ends at', seen);
  }, 60_000);

  it('never leaves the header’s 检索 button alone on a row (it wrapped under the box at 390 px 适老化), on the region’s and an organ’s pages', async () => {
    for (const width of [320, 390]) {
      const page = await served.newPage({ viewport: { width, height: 844 } });
      for (const prefs of ['fs=m&elder=1', LARGE, 'fs=m&elder=0', 'fs=l&elder=0']) {
        for (const url of ['/', `/organs/${organCode}`]) {
          await page.goto(`${served.baseUrl}/prefs?${prefs}&return=${encodeURIComponent(url)}`);
          const where = `${url} at ${width} px, ${prefs}`;
          const boxes = await page.locator('.header-search :is(input, select, button)').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
          const button = boxes[boxes.length - 1];
          const others = boxes.slice(0, -1);
          expect(others.some((b) => Math.abs(b.top - button.top) < 1), `${where}: ${JSON.stringify(boxes.map((b) => [b.top, b.left]))}`).toBe(true);
          for (const b of boxes) expect(b.right, where).toBeLessThanOrEqual(width - 15);
        }
      }
      await page.context().close();
    }
  }, 60_000);

  it('makes the header’s box, scope and button a 44 px target at every width and reading size (34 px on a wide screen before)', async () => {
    for (const width of [1280, 1024, 760, 390]) {
      const page = await served.newPage({ viewport: { width, height: 900 } });
      for (const prefs of ['fs=s&elder=0', 'fs=m&elder=0', LARGE]) {
        await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/organs/${organCode}`);
        const heights = await page.locator('.header-search :is(input, select, button)').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
        expect(heights.length).toBe(3);
        for (const h of heights) expect(h, `${width} px, ${prefs}`).toBeGreaterThanOrEqual(44);
        // The box, the scope and the button stay on one row on a wide screen, each as high as the others.
        if (width >= 1024) {
          const tops = await page.locator('.header-search :is(input, select, button)').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
          expect(new Set(tops).size, `${width} px, ${prefs}`).toBe(1);
        }
      }
      await page.context().close();
    }
  }, 60_000);

  it('gives the focus back to the 菜单 after 大 or 适老化 is chosen in it with a tap, the 菜单 shut and the page at its top; the wide header’s link keeps it', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await served.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, javaScriptEnabled });
      await page.goto(`${served.baseUrl}/organs/${organCode}/items/${itemId}`);
      for (const name of ['大', '适老化模式']) {
        const where = `${name}, JavaScript ${javaScriptEnabled}`;
        await page.locator('.header-menu > summary').tap();
        await Promise.all([page.waitForEvent('framenavigated'), page.locator('.header-menu .reading-tools').getByRole('link', { name, exact: true }).tap()]);
        await page.waitForLoadState('load');
        expect(page.url(), where).toMatch(/#site-menu-toggle$/);
        const state = await page.evaluate(() => ({
          focused: document.activeElement?.matches('.header-menu > summary') ? document.activeElement.textContent : document.activeElement?.tagName,
          open: (document.querySelector('details.header-menu') as HTMLDetailsElement).open,
          scrollY: window.scrollY,
        }));
        expect(state.focused, where).toMatch(/^☰ 菜单/);
        expect(state.open, where).toBe(false);
        expect(state.scrollY, where).toBe(0);
      }
      await expect(page.evaluate(() => document.body.className)).resolves.toBe('fs-l elder');
      // The next key goes on from the 菜单: Enter opens it again.
      await page.keyboard.press('Enter');
      await expect(page.locator('details.header-menu').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
      await page.context().close();
    }

    // On a wide screen the link itself has the focus after the reload.
    const wide = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(`${served.baseUrl}/organs/${organCode}`);
    await wide.locator('#pref-fs-l').click();
    await wide.waitForURL(/#pref-fs-l$/);
    await wide.waitForLoadState('load');
    await expect(wide.evaluate(() => document.activeElement?.id)).resolves.toBe('pref-fs-l');
    await wide.context().close();
  });
});
