import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { demoReportRecords, seedDemo } from '../src/main/seed-demo.ts';
import { createPublication, listOrgans } from '../src/modules/catalog/index.ts';
import { seedDemoReportData } from '../src/modules/reports/index.ts';
import { fillReviewForm, performReviewVerb } from '../src/modules/review/index.ts';
import { runInspectionNow } from '../src/modules/supervision/index.ts';
import { buildTestApp } from '../test/support/app.ts';
import { serveForBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { createTestDatabase } from '../test/support/db.ts';
import { createNode, createPublished, createReviewCast, createStaff, publicationInput } from '../test/support/factories.ts';
import { AdminPages } from './pages/admin-pages.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** A body with what an officer's item holds: a table with a header, a centred title line, a 顶格 line, a right-aligned 落款. */
const TABLE_BODY = '<p class="center">补助对象名单</p><p><img src="https://www.qinglan.gov.cn/zjj/images/lct.png" alt="补助资金发放流程图"></p><p class="flush">各有关单位：</p><p>经评议，下列农户列为补助对象。</p>' +
  '<table><tbody><tr><th><p>户主</p></th><th><p>金额（元）</p></th></tr><tr><td><p>王某</p></td><td><p>20000</p></td></tr></tbody></table>' +
  '<p class="right">青岚县住房和城乡建设局</p>';

/** Addresses the crawl never opens: files, feeds, the reading preferences' redirect, signing out. */
const NOT_A_PAGE = /\/attachments\/|\.(pdf|docx|xlsx|zip|csv|xml|atom|rss|txt|json|png|svg|ico)(\?|$)|^\/prefs|\/logout|\/api\//;

type Violation = { page: string; directive: string; blocked: string; sample: string };


/** The violations by page (its numbers as N) and directive, for the log: what to look at first. */
const summary = (found: Violation[]) => {
  const counts = new Map<string, number>();
  for (const v of found) {
    const key = `${v.page.replace(/^https?:\/\/[^/]+/, '').replace(/\d+/g, 'N')} ${v.directive}${v.directive === 'console' ? '' : ` ${v.blocked} ${v.sample}`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `\n  ${n} × ${k}`).join('');
};

/**
 * The app's own Content-Security-Policy in Chromium, never bypassed: no page the server sends may need an
 * inline style (a `style` attribute or a `<style>` element the policy does not name by its hash), so
 * markup that gets into a page can never style, hide or overlay what the page says (docs/security.md).
 * Chromium reports each refusal as a `securitypolicyviolation` event, caught from before the page is parsed.
 */
describe.skipIf(SKIP_BROWSER)('the Content-Security-Policy without inline styles, in Chromium', () => {
  let served: Awaited<ReturnType<typeof serveForBrowser>>;
  let sysadmin: { username: string; password: string };
  let officer: { username: string; password: string };
  let reviewer: { username: string; password: string };
  let tableItemId = 0;
  let draftId = 0;
  let submittedId = 0;
  let body: () => Promise<string>;

  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    // 13 February 2024: the demo region has published its reports for 2019 to 2023.
    const { app, deps } = await buildTestApp(handle, '2024-02-13T02:00:00Z');
    await seedDemo(deps);
    await seedDemoReportData(deps, demoReportRecords());
    const organs = (await listOrgans(deps.db)).filter((o) => o.kind !== 'unit');
    await runInspectionNow(deps, 'manual', organs, { checkExternal: false });
    const bureau = organs.find((o) => o.code === 'qlx-zjj')!;
    const node = await createNode(deps, bureau.id, { name: '补助资金公示' });
    tableItemId = (await createPublished(deps, bureau.id, [node], { title: '关于农村危房改造补助对象的公示', bodyHtml: TABLE_BODY, formedOn: '2024-02-12' })).id;
    const cast = await createReviewCast(deps, bureau.code);
    draftId = (await createPublication(deps, cast.author.actor, bureau.id, publicationInput([node], { bodyHtml: TABLE_BODY, formedOn: '2024-02-12' }))).id;
    const submitted = await createPublication(deps, cast.author.actor, bureau.id, publicationInput([node], { formedOn: '2024-02-12' }));
    await fillReviewForm(deps, cast.author.actor, submitted.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, submitted.id, 'submit');
    submittedId = submitted.id;
    officer = cast.author;
    reviewer = cast.unitHead;
    sysadmin = await createStaff(deps, 'qlx', 'system_admin');
    body = async () => (await deps.db.selectFrom('publications').select('body_html').where('id', '=', draftId).executeTakeFirstOrThrow()).body_html;
    served = await serveForBrowser(app, handle, SHOTS);
  }, 240_000);
  afterAll(async () => served?.close());

  /** A page whose every policy violation is kept, from before its HTML is parsed. */
  async function watchedPage(): Promise<{ page: Page; context: BrowserContext; violations: () => Promise<Violation[]> }> {
    const page = await served.newPage();
    const context = page.context();
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: unknown[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push({ page: location.pathname + location.search, directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
      });
    });
    const seen: Violation[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.push({ page: page.url(), directive: 'console', blocked: '', sample: m.text().slice(0, 200) });
    });
    const collect = async () => {
      const now = (await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp)) ?? [];
      return [...seen.splice(0), ...now];
    };
    return { page, context, violations: collect };
  }

  /**
   * Opens each address, then the portal's own links from the pages opened (each kind of address —
   * its numbers taken as one — at most twice, up to `limit` pages): every violation of every page.
   */
  async function walk(page: Page, violations: () => Promise<Violation[]>, start: string[], limit: number, within: RegExp) {
    const found: Violation[] = [];
    const queue = [...start];
    const seen = new Set<string>();
    const shapes = new Map<string, number>();
    let opened = 0;
    while (queue.length && opened < limit) {
      const address = queue.shift()!;
      if (seen.has(address)) continue;
      seen.add(address);
      const shape = address.replace(/\d+/g, 'N');
      if ((shapes.get(shape) ?? 0) >= 2 && !start.includes(address)) continue;
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      const head = await page.context().request.get(`${served.baseUrl}${address}`, { maxRedirects: 0 });
      if (!String(head.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      await page.goto(`${served.baseUrl}${address}`);
      opened++;
      found.push(...(await violations()));
      const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of links) {
        const url = new URL(href);
        if (url.origin !== served.baseUrl) continue;
        const next = url.pathname + url.search;
        if (!NOT_A_PAGE.test(next) && within.test(next) && !seen.has(next)) queue.push(next);
      }
    }
    return { opened, found };
  }

  it('sends every page a style-src without \'unsafe-inline\'', async () => {
    for (const address of ['/', '/organs/qlx-zjj', `/publications/${tableItemId}`, '/admin/login']) {
      const res = await fetch(`${served.baseUrl}${address}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const styleSrc = /(?:^|;)\s*style-src([^;]*)/.exec(csp)?.[1] ?? '';
      expect(styleSrc, address).toContain("'self'");
      expect(styleSrc, address).not.toContain("'unsafe-inline'");
      expect(csp, address).toMatch(/(?:^|;)\s*style-src-attr 'none'/);
    }
  });

  it('the portal: home, an organ, a column, an item with a table, search, the mailbox and apply forms, an annual report and its 图解 — no violation', async () => {
    const { page, violations } = await watchedPage();
    const start = ['/', '/organs/qlx-zjj', `/publications/${tableItemId}`, `/publications/${tableItemId}?print=1`, '/search?q=%E4%BD%8F%E6%88%BF', '/organs/qlx-zjj/letters/new',
      '/organs/qlx-zjj/apply', '/organs/qlx-zjj/annual-reports/2023', '/organs/qlx-zjj/annual-reports/2023/graphic', '/organs/qlx/annual-reports/2023'];
    const { opened, found } = await walk(page, violations, start, 90, /^\/(?!admin)/);
    console.log(`portal: ${opened} pages opened under the app's CSP, ${found.length} violations`, summary(found));
    expect(opened).toBeGreaterThan(30);
    expect(found).toEqual([]);
    // The annual report's tables keep their drawn layout without style attributes: each column the share of the
    // width the model gives it (the col's width attribute), the pinned row labels' offsets and counts as classes.
    await page.goto(`${served.baseUrl}/organs/qlx-zjj/annual-reports/2023`);
    const table = page.locator('table.doc-table').filter({ hasText: '申请人情况' });
    const shares = await table.evaluate((t) => Array.from(t.querySelectorAll('col')).map((c) => ({ said: parseFloat(c.getAttribute('width') ?? ''), drawn: c.getBoundingClientRect().width / t.getBoundingClientRect().width * 100 })));
    expect(shares.length).toBe(10);
    for (const { said, drawn } of shares) expect(Math.abs(said - drawn)).toBeLessThan(1.5);
    await expect(table.evaluate((t) => getComputedStyle(t).getPropertyValue('--doc-columns').trim())).resolves.toBe('10');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(table.locator('.doc-label-at-2').first().evaluate((td) => getComputedStyle(td).left)).resolves.toMatch(/^\d+(\.\d+)?px$/);
    const lefts = await table.locator('tbody tr').nth(5).locator('.doc-row-label').evaluateAll((tds) => tds.map((td) => parseFloat(getComputedStyle(td).left)));
    expect(lefts.length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.context().close();
  }, 240_000);

  it('the back office as the system administrator: lists, reports, supervision charts, catalog and review pages — no violation', async () => {
    const { page, violations } = await watchedPage();
    await new AdminPages(page, served.baseUrl).signIn(sysadmin.username, sysadmin.password);
    const start = ['/admin', '/admin/annual-reports', '/admin/supervision', '/admin/organs/qlx-zjj/supervision', '/admin/applications', '/admin/publications',
      `/admin/publications/${submittedId}`, `/admin/publications/${submittedId}/review-form`, '/admin/review', '/admin/organs/qlx-zjj/catalog', '/admin/transfer', '/admin/search-terms'];
    const { opened, found } = await walk(page, violations, start, 120, /^\/admin/);
    console.log(`back office: ${opened} pages opened under the app's CSP, ${found.length} violations`, summary(found));
    expect(opened).toBeGreaterThan(40);
    expect(found).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('the reviewer’s page of a submitted item — no violation', async () => {
    const { page, violations } = await watchedPage();
    await new AdminPages(page, served.baseUrl).signIn(reviewer.username, reviewer.password);
    await page.goto(`${served.baseUrl}/admin/publications/${submittedId}`);
    await expect(page.getByRole('button', { name: /通过|同意/ }).first().isVisible()).resolves.toBe(true);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('the item form’s editor: a table (rows, columns, header), alignment, 首行缩进 and 源代码 work and save, with no violation', async () => {
    const { page, violations } = await watchedPage();
    await new AdminPages(page, served.baseUrl).signIn(officer.username, officer.password);
    await page.goto(`${served.baseUrl}/admin/publications/${draftId}`);
    const toolbar = page.getByRole('toolbar', { name: '正文编辑工具' });
    await expect(toolbar.isVisible()).resolves.toBe(true);
    const surface = page.locator('.rich-content');
    await expect(surface.locator('table').count()).resolves.toBe(1);
    // The stored layout shows as the portal shows it: the title centred, the 落款 right, the salutation 顶格.
    const styleOf = (sel: string, prop: 'textAlign' | 'textIndent') => surface.locator(sel).first().evaluate((el, p) => getComputedStyle(el)[p], prop);
    await expect(styleOf('p.center', 'textAlign')).resolves.toBe('center');
    await expect(styleOf('p.right', 'textAlign')).resolves.toBe('right');
    await expect(styleOf('p.flush', 'textIndent')).resolves.toBe('0px');
    const press = async (name: string) => { await toolbar.getByRole('button', { name, exact: true }).click(); };
    // A row and a column in the table, a centred paragraph, then a new table (3 × 3, header row).
    await surface.locator('td').first().click();
    await press('加行');
    await press('加列');
    await expect(surface.locator('table').first().locator('tr').count()).resolves.toBe(3);
    await surface.locator('p', { hasText: '经评议' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('特此公示。');
    await press('居中');
    await expect(styleOf('p.center >> nth=1', 'textAlign')).resolves.toBe('center');
    await press('插入表格');
    await expect(surface.locator('table').count()).resolves.toBe(2);
    // Pasted from Word: styled paragraphs and cells (Tiptap would write a cell's text-align as a style attribute).
    await surface.locator('p', { hasText: '特此公示' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await surface.evaluate((el) => {
      const data = new DataTransfer();
      // The first paragraph joins the line the caret is on and keeps that line's layout; the others bring their own.
      data.setData('text/html', '<p class="MsoNormal">如有疑问请联系。</p><p class="MsoNormal" style="text-align:center;mso-line-height-rule:exactly">联系方式</p>' +
        '<p class="MsoNormal">各乡镇人民政府：</p><p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0">请各乡镇于月底前报送。</p>' +
        '<table class="MsoTableGrid" style="border-collapse:collapse;width:300pt"><tr><td style="width:100pt;text-align:center" align="center"><p class="MsoNormal">联系电话</p></td><td style="width:200pt"><p>0564-5022106</p></td></tr></table>');
      data.setData('text/plain', '如有疑问请联系。联系方式 各乡镇人民政府： 请各乡镇于月底前报送。 联系电话 0564-5022106');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(surface.locator('table').count()).resolves.toBe(3);
    // Word's layout is read from its style attributes though the page applies none: centred, 顶格, indented.
    await expect(surface.locator('p.center', { hasText: '联系方式' }).count()).resolves.toBe(1);
    await expect(surface.locator('p.flush', { hasText: '各乡镇人民政府：' }).count()).resolves.toBe(1);
    await expect(surface.locator('p:not(.flush)', { hasText: '请各乡镇于月底前报送。' }).count()).resolves.toBe(1);
    // The pictures of the body show in the editor (its own view of the picture, no style).
    await expect(surface.locator('img[alt="补助资金发放流程图"]').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'csp-editor.png'), fullPage: true });
    expect(await violations()).toEqual([]);
    await page.getByRole('button', { name: /保存草稿|保存/ }).first().click();
    await page.waitForLoadState('load');
    const saved = await body();
    expect(saved).toContain('<p class="center">特此公示。</p>');
    expect((saved.match(/<table/g) ?? []).length).toBe(3);
    expect(saved).toContain('<p class="center">联系方式</p><p class="flush">各乡镇人民政府：</p><p>请各乡镇于月底前报送。</p>');
    expect(saved).toContain('<img src="https://www.qinglan.gov.cn/zjj/images/lct.png" alt="补助资金发放流程图"');
    expect(saved).not.toMatch(/style=/);
    expect(await violations()).toEqual([]);
    await page.context().close();
  }, 120_000);
});
