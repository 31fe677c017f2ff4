import path from 'node:path';
import type { Page } from 'playwright-core';
import { linesSpanned } from './pages/text-lines.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../test/support/app.ts';
import { axeViolations } from '../test/support/axe.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createConsultation, createNode, createOrgan, createProposal, createPublished } from '../test/support/factories.ts';
import { reindex } from '../src/modules/search/index.ts';
import { saveSiteIdentity } from '../src/modules/catalog/index.ts';
import { systemActor } from '../src/modules/identity/index.ts';

const SHOTS = path.resolve('test-results/screenshots');
const PREFS = ['fs=m&elder=0', 'fs=l&elder=1'] as const;
const shot = (name: string) => path.join(SHOTS, `${name.replace(/[=&]/g, '-')}.png`);

/**
 * The results page and the portal's frame as an outside citizen tester read them (Chromium, a phone at 320
 * and 390 px, 字号 大 + 适老化), with the app's own Content-Security-Policy: the first result in the first
 * screen (one search box, the options folded under 检索选项), a result's labels kept with their values, a tap
 * outside the open 菜单 closing it and doing what it says, headings and a phone number never broken inside a word.
 */
describe.skipIf(SKIP_BROWSER)('the results page and the portal frame on a phone', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let organCode = '';
  let nodeId = 0;
  const q = encodeURIComponent('危房');

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    const { app, deps } = await buildTestApp(handle, '2026-12-03T01:00:00Z');
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: '办公室' });
    organCode = bureau.code;
    const policy = await createNode(deps, bureau.id, { name: '政策文件' });
    nodeId = await createNode(deps, bureau.id, { name: '政策解读', parentId: policy });
    for (let i = 0; i < 12; i++) {
      await createPublished(deps, bureau.id, [nodeId], {
        title: `关于农村危房改造补助标准的解读（第${i + 1}批）`, documentNumber: `岚建〔2026〕${60 + i}号`, genre: '解读',
        summary: '农村危房改造的补助对象、补助标准和申报程序。', formedOn: `${2019 + (i % 8)}-03-02`,
      });
    }
    // 扬尘: items that mention it, and what a resident often wants besides — an open 意见征集 on exactly that subject and
    // published 建议提案 results (as the demo has) — for the block of 互动交流 above the items.
    const dust = await createNode(deps, bureau.id, { name: '大气污染防治' });
    for (let i = 0; i < 12; i++) {
      await createPublished(deps, bureau.id, [dust], {
        title: `关于建筑工地扬尘污染防治检查情况的通报（第${i + 1}期）`, documentNumber: `岚建〔2026〕${80 + i}号`, genre: '通知',
        summary: '建筑工地扬尘污染防治检查发现的问题和整改要求。', formedOn: `${2019 + (i % 8)}-05-06`,
      });
    }
    await createConsultation(deps, bureau.id, { title: '青岚县建筑工地扬尘污染防治管理办法（征求意见稿）', startOn: '2026-12-03', endOn: '2026-12-31' });
    for (const town of ['桐阳镇', '石岭乡', '青溪镇', '城关镇']) await createProposal(deps, bureau.id, { title: `关于加强${town}建筑工地扬尘污染治理的建议` });
    await saveSiteIdentity(deps, systemActor('测试'), null, { hostUnit: '青岚县人民政府办公室', operatorUnit: '青岚县数据资源管理局', address: '青岚县桐阳路1号', phone: '0564-5022106' });
    await reindex(deps);
    served = await serveForBrowser(app, handle, SHOTS);
  }, 120_000);
  afterAll(async () => served?.close());

  const open = async (width: number, prefs: string, extra: { javaScriptEnabled?: boolean; hasTouch?: boolean; height?: number } = {}) => {
    const page = await served.newPage({ viewport: { width, height: extra.height ?? 844 }, javaScriptEnabled: extra.javaScriptEnabled, hasTouch: extra.hasTouch });
    await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
    return page;
  };
  const expectWhole = async (page: Page, selector: string, word: string, where: string) => {
    expect(await linesSpanned(page, selector, word), `${word} in ${selector}, ${where} (0: not found; more than 1: broken)`).toBe(1);
  };

  it('ends 检索选项 with its own submit button: on a 360 px phone at 适老化 + 大 the options are chosen and sent without scrolling back up, without JavaScript (issue 13)', async () => {
    const page = await open(360, 'fs=l&elder=1', { javaScriptEnabled: false });
    await page.goto(`${served.baseUrl}/search?q=${q}`);
    await page.locator('.search-options > summary').click();
    await page.locator('#search-year').selectOption('2026');
    const send = page.getByRole('button', { name: '按以上选项检索' });
    await expect(send.count()).resolves.toBe(1);
    // The last control of the options, below the dates, a 44 px target within the screen's width.
    const box = (await send.boundingBox())!;
    const to = (await page.locator('#search-to').boundingBox())!;
    expect(box.y).toBeGreaterThan(to.y);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shot('search-options-submit-360-large') });
    await send.click();
    await page.waitForURL(/year=2026/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('危房');
    await page.context().close();
  });

  it('shows the first result in a phone’s first screen: one search box, 范围/效力/年份/体裁/五公开/排序/dates folded under 检索选项, with and without JavaScript', async () => {
    const firstResult: Record<string, number> = {};
    for (const javaScriptEnabled of [true, false]) {
      for (const width of [320, 390]) {
        for (const prefs of PREFS) {
          const page = await open(width, prefs, { javaScriptEnabled });
          await page.goto(`${served.baseUrl}/search?q=${q}`);
          const where = `${width} px, ${prefs}, JavaScript ${javaScriptEnabled}`;
          await expect(page.getByRole('searchbox').count(), where).resolves.toBe(1);
          await expect(page.locator('#search-sort').isVisible(), where).resolves.toBe(false);
          const hit = (await page.locator('.search-hit h3').first().boundingBox())!;
          firstResult[where] = Math.round(hit.y + hit.height);
          if (prefs === 'fs=m&elder=0') expect(hit.y + hit.height, where).toBeLessThanOrEqual(844);
          else expect(hit.y + hit.height, where).toBeLessThanOrEqual(1000);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
          await page.screenshot({ path: shot(`search-first-screen-${width}-${prefs}-js-${javaScriptEnabled}`) });
          // 检索选项 opens without JavaScript and shows the options, in order.
          await page.locator('.search-options > summary').click();
          await expect(page.locator('#search-scope').isVisible(), where).resolves.toBe(true);
          const sort = (await page.locator('#search-sort').boundingBox())!;
          const from = (await page.locator('#search-from').boundingBox())!;
          expect(from.y, where).toBeGreaterThanOrEqual(sort.y);
          // Every filter the facets offer is a select of the form too (an outside tester: 已废止 and older years were out of
          // reach past 1,000 matches), each a 44 px target in 16 px text or more, within the screen.
          for (const id of ['#search-validity', '#search-year', '#search-genre', '#search-stage']) {
            const box = (await page.locator(id).boundingBox())!;
            expect(box.height, `${where} ${id}`).toBeGreaterThanOrEqual(44);
            expect(box.x + box.width, `${where} ${id}`).toBeLessThanOrEqual(width);
            expect(Number.parseFloat(await page.locator(id).evaluate((e) => getComputedStyle(e).fontSize)), `${where} ${id}`).toBeGreaterThanOrEqual(16);
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(width);
          await page.context().close();
        }
      }
    }
    console.log('first result ends at', firstResult);
    // The sort chosen, or a parameter refused: the fold is open, so what is set is seen.
    const page = await open(390, 'fs=m&elder=0');
    for (const url of [`/search?q=${q}&sort=newest`, `/search?q=${q}&to=2026-02-30`]) {
      await page.goto(served.baseUrl + url);
      await expect(page.locator('#search-sort').isVisible(), url).resolves.toBe(true);
    }
    // A scope (a search from an organ's header box has one) or a date range stays folded: 已选条件 lists
    // them, and the first result stays in the first screen (found by an outside tester: it fell to 743 px).
    for (const url of [`/search?q=${q}&organ=${organCode}`, `/search?q=${q}&from=2020-01-01&to=2026-12-31`]) {
      await page.goto(served.baseUrl + url);
      await expect(page.locator('#search-sort').isVisible(), url).resolves.toBe(false);
      const hit = (await page.locator('.search-hit h3').first().boundingBox())!;
      expect(hit.y + hit.height, url).toBeLessThanOrEqual(700);
    }
    await page.context().close();
    // On a wide screen the options are in view, with no fold to open, and nothing is said twice to a screen reader.
    const wide = await served.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await wide.goto(`${served.baseUrl}/search?q=${q}`);
    await expect(wide.locator('#search-sort').isVisible()).resolves.toBe(true);
    await expect(wide.locator('#search-from').isVisible()).resolves.toBe(true);
    await expect(wide.getByRole('searchbox').count()).resolves.toBe(1);
    expect(await axeViolations(wide)).toEqual([]);
    await wide.screenshot({ path: shot('search-1280') });
    await wide.context().close();
    const checked = await served.newPage({ viewport: { width: 320, height: 800 }, bypassCSP: true });
    await checked.goto(`${served.baseUrl}/prefs?fs=l&elder=1&return=${encodeURIComponent(`/search?q=${q}`)}`);
    expect(await axeViolations(checked)).toEqual([]);
    await checked.locator('.search-options > summary').click();
    expect(await axeViolations(checked)).toEqual([]);
    await checked.context().close();
  }, 90_000); // eight page settings and three axe runs: about 29 s on an idle machine, over the default 30 s on a busy one

  it('starts the results on a phone’s first screen with a scope and a condition chosen: the count always, the first title at normal size (found by an outside tester: 适老化 + 大 filled the screen before the count)', async () => {
    const seen: Record<string, number[]> = {};
    for (const prefs of PREFS) {
      const page = await open(390, prefs);
      await page.goto(`${served.baseUrl}/search?q=${q}&organ=${organCode}&genre=${encodeURIComponent('解读')}`);
      await page.screenshot({ path: shot(`search-first-screen-chosen-390-${prefs}`) });
      const count = (await page.locator('#results-h').boundingBox())!;
      const hit = (await page.locator('.search-hit h3').first().boundingBox())!;
      seen[prefs] = [Math.round(count.y + count.height), Math.round(hit.y + hit.height)];
      // The count in the first screen at any setting; the first title too (at 适老化 + 大 it ended at 839 px; 900 leaves room for fonts).
      expect(count.y + count.height, prefs).toBeLessThanOrEqual(844);
      expect(hit.y + hit.height, prefs).toBeLessThanOrEqual(prefs === PREFS[0] ? 844 : 900);
      // The conditions and the facets stay reachable: 已选条件 with its 取消 links, 按条件筛选 folded.
      await expect(page.getByRole('link', { name: '取消体裁条件' }).first().isVisible(), prefs).resolves.toBe(true);
      await expect(page.getByText(/^按条件筛选/).isVisible(), prefs).resolves.toBe(true);
      await page.context().close();
    }
    console.log('count and first title end at', seen);
  });

  it('puts the count and the first result in a phone’s first screen when 互动交流 has entries too, the block compact under the count, the rest behind 更多, without JavaScript too (found by an outside tester: the block came first and the first result began at 900 px, the count off-screen)', async () => {
    const dust = encodeURIComponent('扬尘');
    const seen: Record<string, number[]> = {};
    for (const javaScriptEnabled of [true, false]) {
      for (const prefs of PREFS) {
        const page = await open(390, prefs, { javaScriptEnabled });
        const where = `${prefs}, JavaScript ${javaScriptEnabled}`;
        await page.goto(`${served.baseUrl}/search?q=${dust}&organ=${organCode}`);
        await page.screenshot({ path: shot(`search-interaction-first-screen-390-${prefs}-js-${javaScriptEnabled}`) });
        const count = (await page.locator('#results-h').boundingBox())!;
        const block = (await page.locator('.search-interaction').boundingBox())!;
        const hit = (await page.locator('.search-hit h3').first().boundingBox())!;
        seen[where] = [Math.round(count.y + count.height), Math.round(block.y), Math.round(block.height), Math.round(hit.y + hit.height)];
        // The count in the first screen at any setting, and the first result's title (at 适老化 + 大 it starts there and ends by
        // 900, as with a condition chosen, leaving room for fonts; 838 here).
        expect(count.y + count.height, where).toBeLessThanOrEqual(844);
        expect(hit.y, where).toBeLessThan(844);
        expect(hit.y + hit.height, where).toBeLessThanOrEqual(prefs === PREFS[0] ? 844 : 900);
        // The count, then the block, then the items.
        expect(count.y, where).toBeLessThan(block.y);
        expect(block.y + block.height, where).toBeLessThanOrEqual(hit.y);
        // The consultation on exactly the subject is still seen at once: at the normal size its title a link in the first
        // screen; at 大字号/适老化 the panel is one fold whose line, in the first screen, says one is open for comments.
        // (It is in the page twice, once for each layout, each display:none in the other.)
        const consultation = page.locator('.search-interaction a:visible', { hasText: '扬尘污染防治管理办法' });
        const more = page.locator('.search-interaction details > summary');
        const summary = (await more.boundingBox())!;
        expect(summary.height, where).toBeGreaterThanOrEqual(44);
        expect(summary.y + summary.height, where).toBeLessThanOrEqual(844);
        if (prefs === PREFS[0]) {
          await expect(consultation.count(), where).resolves.toBe(1);
          expect((await consultation.boundingBox())!.y, where).toBeLessThan(844);
        } else {
          await expect(consultation.count(), where).resolves.toBe(0);
          await expect(more.textContent(), where).resolves.toMatch(/互动交流相关内容 5 项\s*有正在征集的意见/);
        }
        // The rest behind 更多: a 44 px target that opens without a script and lists them.
        const results = page.locator('.search-interaction a', { hasText: '建筑工地扬尘污染治理的建议' });
        await expect(results.first().isVisible(), where).resolves.toBe(false);
        await more.click();
        // Each entry seen once: the consultation is not listed again under 更多 where it is shown above it.
        await expect(consultation.count(), where).resolves.toBe(1);
        // The newest three of the four results, then how many and the organ's list.
        await expect(results.count(), where).resolves.toBe(3);
        for (const link of await results.all()) await expect(link.isVisible(), where).resolves.toBe(true);
        await expect(page.locator('.interaction-more').textContent(), where).resolves.toContain('共 4 项');
        await expect(page.locator('.interaction-more a').isVisible(), where).resolves.toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(390);
        await page.context().close();
      }
    }
    console.log('count end, block top and height, first title end', seen);
    // A keyboard's skip link leads to the count's heading, now the first thing of the results.
    const page = await open(390, PREFS[0]);
    await page.goto(`${served.baseUrl}/search?q=${dust}`);
    await expect(page.getByRole('link', { name: '跳到检索结果' }).getAttribute('href')).resolves.toBe('#results-h');
    await page.context().close();
    // On a wide screen alike, and nothing for axe to find (its script needs the policy bypassed), folded and open.
    for (const [width, prefs] of [[1280, PREFS[0]], [390, PREFS[1]]] as const) {
      const checked = await served.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
      await checked.goto(`${served.baseUrl}/prefs?${prefs}&return=${encodeURIComponent(`/search?q=${dust}&organ=${organCode}`)}`);
      const count = (await checked.locator('#results-h').boundingBox())!;
      const hit = (await checked.locator('.search-hit h3').first().boundingBox())!;
      expect(count.y, `${width} px`).toBeLessThan((await checked.locator('.search-interaction').boundingBox())!.y);
      expect(hit.y + hit.height, `${width} px`).toBeLessThanOrEqual(900);
      expect(await axeViolations(checked)).toEqual([]);
      await checked.locator('.search-interaction details > summary').click();
      expect(await axeViolations(checked)).toEqual([]);
      await checked.screenshot({ path: shot(`search-interaction-${width}-${prefs}`) });
      await checked.context().close();
    }
  }, 60_000);

  it('keeps each label of a result with the start of its value, and the metadata aligned with the snippet', async () => {
    for (const [width, prefs] of [[320, PREFS[0]], [320, PREFS[1]], [390, PREFS[0]], [390, PREFS[1]], [1280, PREFS[0]], [1280, PREFS[1]]] as const) {
      const page = await open(width, prefs, { height: 900 });
      await page.goto(`${served.baseUrl}/search?q=${q}`);
      const pairs = await page.locator('.hit-meta dt').evaluateAll((dts) => dts.map((dt) => {
        const dd = dt.nextElementSibling!;
        const charTop = (el: Element, last: boolean) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const nodes: Text[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n.textContent ?? '').trim()) nodes.push(n as Text);
          const node = last ? nodes[nodes.length - 1] : nodes[0];
          const text = node.textContent!;
          const i = last ? text.trimEnd().length - 1 : text.length - text.trimStart().length;
          const r = document.createRange();
          r.setStart(node, i); r.setEnd(node, i + 1);
          return Math.round(r.getBoundingClientRect().top);
        };
        return { label: dt.textContent, labelTop: charTop(dt, true), valueTop: charTop(dd, false) };
      }));
      expect(pairs.length).toBeGreaterThan(10);
      // A 索引号 too long for the rest of the line moves whole to the next (below).
      for (const p of pairs) if (p.label !== '索引号') expect(p.valueTop, `${p.label} at ${width} px, ${prefs}`).toBe(p.labelTop);
      if (width === 1280) {
        const lefts = await page.locator('.search-hit').first().evaluate((hit) => ({
          snippet: Math.round(hit.querySelector('.snippet')!.getBoundingClientRect().left),
          meta: Math.round(hit.querySelector('.hit-meta dt')!.getBoundingClientRect().left),
        }));
        expect(lefts.meta, prefs).toBe(lefts.snippet);
      }
      await page.screenshot({ path: shot(`search-meta-${width}-${prefs}`) });
      await page.context().close();
    }
  });

  it('keeps each 索引号 whole, on its label’s line or the next, breaking at most after its / at 320 px, never widening the page (found by an outside tester: 11341529MB1 / D386259/…)', async () => {
    for (const [width, prefs] of [[320, PREFS[1]], [320, PREFS[0]], [390, PREFS[1]], [390, PREFS[0]]] as const) {
      const page = await open(width, prefs, { height: 900 });
      await page.goto(`${served.baseUrl}/search?q=${q}`);
      const numbers = await page.locator('.hit-meta dt', { hasText: '索引号' }).evaluateAll((dts) => dts.map((dt) => dt.nextElementSibling!.textContent!));
      expect(numbers.length).toBe(10);
      for (let i = 0; i < numbers.length; i++) {
        // Whole where a line can hold it (390 px, 字号 中); where not even a line of its own can, it breaks only after its /.
        const parts = width === 320 || prefs === PREFS[1] ? numbers[i]!.split(/(?<=\/)/) : [numbers[i]!];
        for (const part of parts) expect(await linesSpanned(page, `.search-hit:nth-child(${i + 1}) .hit-meta`, part), `${part} of ${numbers[i]} at ${width} px, ${prefs}`).toBe(1);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: shot(`search-index-number-${width}-${prefs}`) });
      await page.context().close();
    }
  });

  it('reads every result’s properties in the same order, each on a line of its own (found by an outside tester on a phone: 发布日期 sat on the 目录 line in some results and on its own line in others)', async () => {
    for (const [width, prefs] of [[390, PREFS[0]], [390, PREFS[1]], [360, PREFS[0]], [1280, PREFS[0]]] as const) {
      const page = await open(width, prefs, { height: 900 });
      await page.goto(`${served.baseUrl}/search?q=${q}`);
      const where = `${width} px, ${prefs}`;
      const hits = await page.locator('.search-hit .hit-meta').evaluateAll((metas) => metas.map((meta) => Array.from(meta.children, (row) => {
        const r = row.getBoundingClientRect();
        return { label: row.querySelector('dt')!.textContent, top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left) };
      })));
      expect(hits.length, where).toBe(10);
      for (const rows of hits) {
        // The same order in every result: 发布机构, 发布日期, then 目录, 索引号 and 文号 (the last two as before).
        expect(rows.map((r) => r.label), where).toEqual(['发布机构', '发布日期', '目录', '索引号', '文号']);
        // Each property starts a line of its own, at the same left edge.
        for (let i = 1; i < rows.length; i++) {
          expect(rows[i].top, `${rows[i].label} below ${rows[i - 1].label}, ${where}`).toBeGreaterThanOrEqual(rows[i - 1].bottom);
          expect(rows[i].left, `${rows[i].label}, ${where}`).toBe(rows[0].left);
        }
      }
      await page.context().close();
    }
    // axe is injected as a script, which the site's policy refuses: checked on a page that bypasses it.
    const checked = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    await checked.goto(`${served.baseUrl}/search?q=${q}`);
    expect(await axeViolations(checked)).toEqual([]);
    await checked.context().close();
  });

  it('comes back from 大 or 适老化 with the 菜单 shut, and a tap on a result, 按条件筛选 or 检索选项 outside an open 菜单 does what it says, closing the 菜单 (found by an outside tester: the 菜单 came back open and the next tap only closed it)', async () => {
    const page = await open(390, 'fs=m&elder=0', { hasTouch: true });
    const url = `${served.baseUrl}/search?q=${q}`;
    await page.goto(url);
    const isOpen = (selector: string) => page.locator(selector).first().evaluate((d) => (d as HTMLDetailsElement).open);
    const menuOpen = () => isOpen('details.header-menu');
    // A tap on 大 in the 菜单: the page comes back at the larger size with the 菜单 shut, its button in view.
    await page.locator('.header-menu > summary').tap();
    await page.locator('.header-menu').getByRole('link', { name: '大', exact: true }).tap();
    await page.waitForURL(/#/);
    await expect(page.evaluate(() => document.body.classList.contains('fs-l'))).resolves.toBe(true);
    await expect(menuOpen()).resolves.toBe(false);
    // The next tap does what it says: 按条件筛选 opens.
    await page.getByText(/^按条件筛选/).tap();
    await expect(isOpen('details.facet-toggle')).resolves.toBe(true);
    // With the 菜单 open, a tap on 检索选项 closes the 菜单 and opens the options.
    await page.locator('.header-menu > summary').tap();
    await expect(menuOpen()).resolves.toBe(true);
    await page.locator('.search-options > summary').tap();
    await expect(menuOpen()).resolves.toBe(false);
    await expect(isOpen('details.search-options')).resolves.toBe(true);
    // A tap on a date box (which would open its picker over the page) or on plain text only closes the 菜单.
    await page.locator('.header-menu > summary').tap();
    await page.locator('#search-from').tap();
    await expect(menuOpen()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.id ?? '')).resolves.not.toBe('search-from');
    // A tap on a result with the 菜单 open follows it.
    await page.locator('.header-menu > summary').tap();
    await expect(menuOpen()).resolves.toBe(true);
    await page.locator('.search-hit h3 a').first().tap();
    await page.waitForURL(/\/items\//);
    await page.context().close();

    // Without JavaScript too the page comes back with the 菜单 shut.
    const plain = await open(390, 'fs=m&elder=0', { hasTouch: true, javaScriptEnabled: false });
    await plain.goto(url);
    await plain.locator('.header-menu > summary').tap();
    await plain.locator('.header-menu').getByRole('link', { name: '适老化模式' }).tap();
    await plain.waitForURL(/#/);
    await expect(plain.evaluate(() => document.body.classList.contains('elder'))).resolves.toBe(true);
    await expect(plain.locator('details.header-menu').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    // The keyboard goes on from the 菜单's button, which has the focus.
    await expect(plain.evaluate(() => document.activeElement?.matches('.header-menu > summary') ?? false)).resolves.toBe(true);
    await plain.context().close();

    // From the keyboard the toggle keeps the focus: the 菜单 comes back open with the focus on it.
    const keys = await open(390, 'fs=m&elder=0');
    await keys.goto(url);
    await keys.locator('.header-menu > summary').focus();
    await keys.keyboard.press('Enter');
    await keys.locator('.header-menu').getByRole('link', { name: '大', exact: true }).focus();
    await keys.keyboard.press('Enter');
    await keys.waitForURL(/#menu-pref-fs-l$/);
    await expect(keys.evaluate(() => document.activeElement?.id)).resolves.toBe('menu-pref-fs-l');
    await expect(keys.locator('details.header-menu').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await keys.context().close();
  });

  it('breaks no heading inside a word (site name, results heading, 按条件筛选, 公开目录) and no phone number, at 320 and 390 px', async () => {
    for (const width of [320, 390]) {
      for (const prefs of PREFS) {
        const page = await open(width, prefs);
        const where = `${width} px, ${prefs}`;
        await page.goto(`${served.baseUrl}/search?q=${q}`);
        for (const word of ['青岚县人民政府', '信息公开']) await expectWhole(page, '.site-name', word, where);
        for (const word of ['“危房”', '的检索结果']) await expectWhole(page, 'main h1', word, where);
        await expectWhole(page, '.facet-toggle > summary', '按条件筛选', where);
        await expectWhole(page, '.site-footer', '0564-5022106', where);
        await page.screenshot({ path: shot(`search-headings-${width}-${prefs}`), fullPage: true });
        // A search that finds nothing, its heading longer.
        await page.goto(`${served.baseUrl}/search?q=${encodeURIComponent('保障性住房管理办法')}`);
        await expectWhole(page, 'main h1', '的检索结果', where);
        await page.goto(`${served.baseUrl}/organs/${organCode}/catalog/${nodeId}`);
        for (const word of ['公开目录', '（点击展开）']) await expectWhole(page, '.tree-toggle > summary', word, where);
        await page.context().close();
      }
    }
  });

  it('asks for a word after a blank search (only spaces), the box focused and empty, no heading of a lone pair of quotes (found by an outside tester)', async () => {
    for (const prefs of PREFS) {
      // bypassCSP only for axe's inline script (test/support/axe.ts).
      const page = await served.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
      await page.goto(`${served.baseUrl}/prefs?${prefs}&return=/`);
      // (With an organ as its scope a blank search lists the organ's items, newest first: docs/search.md, "Filters without a word".)
      for (const url of ['/search?q=+', '/search?q=%E3%80%80+']) {
        await page.goto(served.baseUrl + url);
        await expect(page.locator('h1').textContent(), `${url} ${prefs}`).resolves.toBe('站内检索');
        await expect(page.locator('#search-blank').isVisible()).resolves.toBe(true);
        await expect(page.locator('#search-blank').textContent()).resolves.toContain('请输入检索词');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
        await expect(page.locator('#search-q').inputValue()).resolves.toBe('');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.screenshot({ path: shot(`phone-390-blank-search-${prefs}`) });
      await page.context().close();
    }
  });
});
