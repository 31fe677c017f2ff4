import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SKIP_BROWSER } from '../test/support/browser.ts';
import { renderDocumentPage } from '../src/platform/documents/index.ts';
import type { DocumentModel } from '../src/platform/documents/document-model.ts';

const SHOTS = path.resolve('test-results/screenshots');

/** A 告知书's opening as applicants get it: a case number and an address, runs that cannot break, in justified prose. */
const NOTICE: DocumentModel = {
  title: '政府信息公开申请答复告知书',
  blocks: [
    { kind: 'title', text: '政府信息公开申请答复告知书' },
    { kind: 'subtitle', text: '岚自然资依复〔2026〕1号' },
    { kind: 'paragraph', text: '王某：' },
    {
      kind: 'paragraph', indent: true,
      text: '本机关于2026年12月3日收到你通过网上申请平台提出的政府信息公开申请（申请编号：QLX-ZRZYJ-2026-00001），申请获取“2025年国有建设用地使用权出让合同”。'
        + '经审查，你申请的信息属于公开范围，现予提供，请登录https://gongkai.qinglan.gov.cn/applications/status查询下载。',
    },
    { kind: 'paragraph', indent: true, text: '如对本答复不服，可以在收到本答复之日起六十日内向青岚县人民政府申请行政复议，或者在六个月内向青岚县人民法院提起行政诉讼。' },
    { kind: 'paragraph', align: 'center', text: '（此页无正文）' },
    { kind: 'paragraph', align: 'right', text: '青岚县自然资源和规划局' },
  ],
};

/**
 * Found by an outside tester: a notice read on a phone (320–390 px) spread its characters across the line — justified
 * text in a column some 18 characters wide, where a case number or an address that cannot break leaves the line before
 * it with wide gaps. Justified text stays for print and a wide screen (the A4 sheet, as printed); on a phone the lines
 * are set ragged, and a paragraph aligned centre or right keeps its alignment.
 */
describe.skipIf(SKIP_BROWSER)('a notice read on a phone', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => { browser = await launchBrowser(); }, 60_000);
  afterAll(async () => browser?.close());

  const open = async (width: number): Promise<Page> => {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } })).newPage();
    await page.setContent(renderDocumentPage(NOTICE));
    return page;
  };
  const aligns = (page: Page) => page.locator('.doc-paragraph').evaluateAll((ps) => ps.map((p) => getComputedStyle(p).textAlign));
  /** The widest gap between two characters side by side on one line of the body's first paragraph, in px. */
  const widestGap = (page: Page) => page.locator('.doc-paragraph.doc-indent').first().evaluate((p) => {
    const n = p.firstChild!;
    const text = n.textContent ?? '';
    let widest = 0;
    let prev: DOMRect | null = null;
    for (let i = 0; i < text.length; i++) {
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + 1);
      const box = r.getBoundingClientRect();
      if (prev && Math.round(prev.top) === Math.round(box.top)) widest = Math.max(widest, box.left - prev.right);
      prev = box;
    }
    return widest;
  });

  it('sets the notice ragged at 320 and 390 px, its characters close together, centre and right kept', async () => {
    for (const width of [320, 390]) {
      const page = await open(width);
      await page.screenshot({ path: path.join(SHOTS, `notice-${width}.png`), fullPage: true });
      expect(await aligns(page), `${width} px`).toEqual(['start', 'start', 'start', 'center', 'right']);
      expect(await widestGap(page), `${width} px`).toBeLessThan(2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });

  it('keeps justified text on a wide screen and in print, as the A4 sheet', async () => {
    const wide = await open(1280);
    expect(await aligns(wide)).toEqual(['justify', 'justify', 'justify', 'center', 'right']);
    await wide.context().close();
    const printed = await open(320);
    await printed.emulateMedia({ media: 'print' });
    expect(await aligns(printed)).toEqual(['justify', 'justify', 'justify', 'center', 'right']);
    await printed.context().close();
  });
});
