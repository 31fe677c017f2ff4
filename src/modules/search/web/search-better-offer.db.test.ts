import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const q = (s: string) => encodeURIComponent(s);
/** The results heading (the skip link's and the focus's target) as a screen reader reads it. */
const headingOf = (main: string) => /<h2 id="results-h"[^>]*>([\s\S]*?)<\/h2>/.exec(main)![1]!.replace(/<[^>]+>/g, '').trim();
const textOf = (main: string) => main.replace(/<[^>]+>/g, '');

/**
 * Issue 13, an outside tester: within one organ, an offer that lost a keyword (资金 for 危房改造资金 on 县政府's pages, 申请
 * for 公租房怎么申请 on 县财政局's) stood first with its items, the whole region's offer that keeps every word far below.
 */
describeEachDialect('a search within an organ that found nothing: the better offer first', (db) => {
  it('puts the whole region’s offer that keeps every keyword first, the in-scope fewer words as a link, no preview', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const gNode = await createNode(deps, county.id);
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, county.id, [gNode], { title: '关于下达2026年专项资金的通知' });
      await createPublished(deps, bureau.id, [node], { title: '2026年农村危房改造补助专项资金发放情况公示' });
      await createPublished(deps, bureau.id, [node], { title: '农村危房改造对象认定办法及资金补助标准' });

      const main = mainOf((await app.inject(`/search?q=${q('危房改造资金')}&organ=${county.code}`)).body);
      const after = main.slice(main.indexOf('</form>'));
      // The heading names the search and shows nothing in place of it (资金 alone is not what was asked).
      expect(headingOf(main)).toBe('在县政府范围内没有找到包含“危房改造资金”的公开信息');
      expect(main).not.toContain('offer-preview');
      expect(textOf(after)).not.toContain('以下是');
      // The whole region's words apart come first, right under the heading; the in-scope 资金 after it, as a link.
      const region = textOf(after).indexOf('在全站分开检索：危房改造 资金（2 条）');
      const fewer = textOf(after).indexOf('减少检索词：资金（1 条）');
      expect(region).toBeGreaterThan(-1);
      expect(fewer).toBeGreaterThan(region);
      expect(textOf(after).indexOf('关于下达2026年专项资金的通知')).toBe(-1);

      // Found over the whole region as typed: 在全站检索 first too, before the in-scope fewer words.
      await createPublished(deps, bureau.id, [node], { title: '危房改造资金使用管理办法' });
      const typed = mainOf((await app.inject(`/search?q=${q('危房改造资金')}&organ=${county.code}`)).body);
      const typedText = textOf(typed.slice(typed.indexOf('</form>')));
      expect(headingOf(typed)).toBe('在县政府范围内没有找到包含“危房改造资金”的公开信息');
      expect(typedText.indexOf('在全站检索“危房改造资金”（1 条）')).toBeGreaterThan(-1);
      expect(typedText.indexOf('在全站检索“危房改造资金”')).toBeLessThan(typedText.indexOf('减少检索词：资金'));

      // A question typed as a sentence on 县财政局's pages (the tester's 公租房怎么申请): 申请 alone matched its 年度报告
      // through 依申请公开; the whole region's words apart come first. 怎么申请 asks (ADR 0053): it is no keyword to keep
      // or leave out, so 公租房 is the one keyword, and leaving it out leaves nothing asked — no fewer keywords (申请 alone
      // was never what was asked, and is a generic word: domain/generic-words.ts).
      const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县财政局', shortName: '县财政局' });
      await createPublished(deps, finance.id, [await createNode(deps, finance.id)], { title: '青岚县财政局2025年政府信息公开工作年度报告', bodyHtml: '<p>本年度收到依申请公开3件。</p>' });
      await createPublished(deps, bureau.id, [node], { title: '公租房申请指南' });
      const asked = mainOf((await app.inject(`/search?q=${q('公租房怎么申请')}&organ=${finance.code}`)).body);
      const askedText = textOf(asked.slice(asked.indexOf('</form>')));
      expect(headingOf(asked)).toBe('在县财政局范围内没有找到包含“公租房怎么申请”的公开信息');
      expect(asked).not.toContain('offer-preview');
      expect(askedText).toMatch(/在全站(分开)?检索/);
      expect(askedText).not.toContain('年度报告');
      expect(askedText).toContain('在全站分开检索：公租房 怎么申请（1 条）');
      expect(askedText).not.toContain('减少检索词：');

      // Within the bureau, its own words apart keep every keyword: shown as before.
      const own = mainOf((await app.inject(`/search?q=${q('危房改造补助资金')}&organ=${bureau.code}`)).body);
      expect(headingOf(own)).toMatch(/^在县住建局范围内没有找到包含“危房改造补助资金”的公开信息；以下是分开检索/);
    } finally {
      await app.close();
    }
  });

  it('asks the organ whose 代字 a missing 文号 has, not the county, for the document', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于开展建筑工地扬尘治理检查的通知', documentNumber: '岚建〔2026〕2号' });

      const main = mainOf((await app.inject(`/search?q=${q('岚建〔2031〕999号')}`)).body);
      expect(main).toContain(`查看县住建局发布的全部信息`);
      expect(main).toContain(`href="/organs/${bureau.code}/apply"`);
      expect(textOf(main)).toContain('向县住建局申请政府信息公开');
      expect(textOf(main)).toContain('给县住建局写信');
      expect(textOf(main)).not.toContain('向县政府申请');
      // The heading names the number looked for (a screen reader landing on it hears what was searched).
      expect(headingOf(main)).toBe('没有找到文号为 岚建〔2031〕999号 的文件');
    } finally {
      await app.close();
    }
  });
});
