import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createDraft, createNode, createOrgan, system } from '../test/support/factories.ts';
import { publishImported } from '../src/modules/review/index.ts';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * Issue 13 in Chromium: a citizen searches from the header box of an item page, reads ranked results
 * with highlighted snippets and facets, narrows by a facet and a date range, turns the page, and
 * finds a document by its 文号 typed with [] and full-width digits. The search page passes axe-core.
 */
describe.skipIf(SKIP_BROWSER)('search in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let itemUrl: string;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
    const policy = await createNode(deps, organ.id, { name: '政策文件' });
    const news = await createNode(deps, organ.id, { name: '工作动态' });
    let last = 0;
    for (let i = 0; i < 24; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const year = i < 12 ? '2025' : '2026';
      const draft = await createDraft(deps, organ.id, [i % 3 === 0 ? policy : news], {
        title: i % 3 === 0 ? `关于农村危房改造补助资金发放的通知（${year}年第${i + 1}批）` : `${year}年${Number(month)}月农村危房改造工作进展`,
        genre: i % 3 === 0 ? '通知' : '工作动态', formedOn: `${year}-${month}-02`,
        bodyHtml: `<p>本批次危房改造补助对象共${10 + i}户，补助资金按标准发放到户。</p>`,
        ...(i === 5 ? { documentNumber: '岚建〔2026〕63号' } : {}),
      });
      last = (await publishImported(deps, system, draft.id, { backdatedPublishedOn: `${year}-${month}-10` })).id;
    }
    itemUrl = `/organs/${organ.code}/items/${last}`;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  it('searches from an item page, narrows by facet and dates, pages, and finds a 文号 typed loosely', async () => {
    const page = await served.newPage({ bypassCSP: true });
    await page.goto(served.baseUrl + itemUrl);
    await page.getByRole('search', { name: '站内检索' }).getByLabel('检索词').fill('危房改造补助');
    await page.getByRole('search', { name: '站内检索' }).getByRole('button').click();
    await page.waitForURL('**/search?**');
    await expect(page.locator('#results-h').textContent()).resolves.toMatch(/共找到 \d+ 条/);
    expect(await page.locator('.search-hit mark').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    const total = Number(/共找到 (\d+) 条/.exec((await page.locator('#results-h').textContent())!)![1]);
    expect(total).toBe(24);

    // A facet: only the 通知 among them.
    await page.getByRole('navigation', { name: '按体裁筛选' }).getByRole('link', { name: '通知' }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toContain('共找到 8 条');
    // A date range on top of it: 2026 only.
    await page.locator('#search-from').fill('2026-01-01');
    await page.locator('#search-to').fill('2026-12-31');
    await page.getByRole('main').getByRole('button', { name: '检索', exact: true }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toContain('共找到 4 条');
    await page.getByRole('link', { name: '取消体裁条件' }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toContain('共找到 12 条');
    // The next page of results.
    await page.getByRole('navigation', { name: /分页/ }).getByRole('link', { name: '2' }).click();
    expect(await page.locator('.search-hit').count()).toBe(2);
    await expect(page.locator('ol.search-results').getAttribute('start')).resolves.toBe('11');

    // A 文号 with [] and full-width digits puts that document first.
    await page.getByRole('main').getByLabel('检索词').fill('岚建[2026]６３号');
    await page.locator('#search-from').fill('');
    await page.locator('#search-to').fill('');
    await page.getByRole('main').getByRole('button', { name: '检索', exact: true }).click();
    await expect(page.locator('.search-hit').first().textContent()).resolves.toContain('文号完全一致');
    await expect(page.locator('.search-hit').first().textContent()).resolves.toContain('岚建〔2026〕63号');
    await page.screenshot({ path: path.join(SHOTS, 'search-document-number.png'), fullPage: true });

    // On a phone the results come right after the form: the chosen conditions stay in view, the facets
    // fold into one control above the results, each facet folded again, and opening one narrows the search the same way.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('危房改造补助')}&genre=${encodeURIComponent('通知')}`);
    await expect(page.locator('.search-hit').first().evaluate((e) => e.getBoundingClientRect().top)).resolves.toBeLessThan(800);
    await expect(page.getByRole('link', { name: '取消体裁条件' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: '按年份筛选' }).isVisible()).resolves.toBe(false);
    await page.getByText(/^按条件筛选/).click();
    await expect(page.getByRole('navigation', { name: '按年份筛选' }).isVisible()).resolves.toBe(false);
    await page.locator('.facet-fold > summary', { hasText: '年份' }).click();
    await page.getByRole('navigation', { name: '按年份筛选' }).getByRole('link', { name: '2026年' }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toContain('共找到 4 条');
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'search-phone.png'), fullPage: true });
  });

  it('reaches the first result from the keyboard in a few Tab presses: 跳到检索结果 comes before the form and the facets (found by an outside tester: 61 presses)', async () => {
    const page = await served.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('危房改造补助')}`);
    let presses = 0;
    for (; presses < 30; presses++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === '跳到检索结果') break;
    }
    expect(presses).toBeLessThan(30);
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().width > 1)).resolves.toBe(true); // shown when focused
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('results-h');
    // Then the sort switch in the heading, then the first result.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('.search-hit') !== null)).resolves.toBe(true);
    await page.context().close();
  });
});
