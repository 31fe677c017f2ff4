import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;

/**
 * A search that finds nothing (found by an outside tester: /search?q=住房公积金&organ=qlx-zjj): no sort to
 * change, the whole region offered only when it finds something there, and the next steps — apply for the
 * information, or write to the organ in scope (the county's when the whole region was searched).
 */
describeEachDialect('a search that finds nothing', (db) => {
  it('offers the whole region only when it finds something, no sorting, and the organ’s application form and mailbox', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const finance = await createOrgan(deps, { parentCode: county.code, name: '青岚县财政局', shortName: '县财政局' });
      await createPublished(deps, finance.id, [await createNode(deps, finance.id)], { title: '关于下达2026年农村危房改造补助资金的通知' });

      // Nothing in the bureau nor anywhere: no whole-region link, no sort; apply to and write to the bureau.
      const none = mainOf((await app.inject(`/search?q=${encodeURIComponent('住房公积金')}&organ=${bureau.code}`)).body);
      // The heading a screen reader lands on names the words and the scope (an outside tester: 共找到 0 条 said neither).
      expect(/<h2 id="results-h"[^>]*>([\s\S]*?)<\/h2>/.exec(none)![1]!.replace(/<[^>]+>/g, '')).toBe('在县住建局范围内没有找到包含“住房公积金”的公开信息');
      expect(none).not.toContain('共找到 0 条');
      expect(none).not.toContain('在全站检索');
      expect(none).not.toContain('按相关度排列');
      expect(none).not.toContain('改为最新在前');
      expect(none).toContain(`<a href="/organs/${bureau.code}/apply">向县住建局申请政府信息公开</a>`);
      expect(none).toContain(`<a href="/organs/${bureau.code}/letters/new">给县住建局写信</a>`);
      // Nothing found and nothing offered: what to try next, said plainly (issue 13) — the words, fewer words, spaces,
      // the whole region (searched too here: said), a 文号 or 索引号, the catalog, and asking for what is not published.
      const text = none.replace(/<[^>]+>/g, '');
      expect(none).toContain('<p class="wrap-anywhere">全站范围内也没有找到。</p>');
      expect(text).toContain('可以这样再试：');
      for (const tip of ['检查用字：有没有错别字、同音字', '减少检索词，或换用更短、更常用的词语', '几个词语之间用空格分开：各词只须同时出现，不必相连',
        '查找某一文件，可以直接输入文号或索引号（信息页面上标有）']) expect(text).toContain(tip);
      expect(none).toContain(`按目录查看：<a href="/organs/${bureau.code}">县住建局的政府信息公开目录</a>`);
      expect(text).toContain('所需信息没有主动公开的，可以依申请公开（《中华人民共和国政府信息公开条例》第二十七条）：');
      expect(text).not.toContain('放宽或取消筛选条件');
      // The tips come before the application, and the page's order reads the same to a screen reader.
      expect(none.indexOf('可以这样再试')).toBeLessThan(none.indexOf('/apply"'));

      // Nothing in the bureau, something elsewhere: the whole region is offered with what it finds.
      const elsewhere = mainOf((await app.inject(`/search?q=${encodeURIComponent('危房改造')}&organ=${bureau.code}`)).body);
      expect(elsewhere).toContain(`<a href="/search?q=${encodeURIComponent('危房改造')}">在全站检索“危房改造”</a>（1 条）`);
      expect(elsewhere).toContain(`/organs/${bureau.code}/apply`);

      // The whole region searched: the county's form and mailbox.
      const region = mainOf((await app.inject(`/search?q=${encodeURIComponent('住房公积金')}`)).body);
      expect(region).not.toContain('在全站检索');
      expect(region).not.toContain('改为最新在前');
      expect(region).toContain(`<a href="/organs/${county.code}/apply">向县政府申请政府信息公开</a>`);
      expect(region).toContain(`<a href="/organs/${county.code}/letters/new">给县政府写信</a>`);
      // The whole region searched: its catalog is every organ's.
      expect(region).toContain('按目录查看：<a href="/organs">各机关的政府信息公开目录</a>');
      expect(region).not.toContain('全站范围内也没有找到');

      // With results the sort is still offered.
      const found = mainOf((await app.inject(`/search?q=${encodeURIComponent('危房改造')}`)).body);
      expect(found).toContain('改为最新在前');
      expect(found).not.toContain('/apply"');
    } finally {
      await app.close();
    }
  });
  it('offers the same search without its filters when they leave nothing, with its count (outside tester: 服务公开 kept, 申请补贴 found 0)', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
      const bureau = await createOrgan(deps, { parentCode: county.code, name: '青岚县民政局', shortName: '县民政局' });
      await createPublished(deps, bureau.id, [await createNode(deps, bureau.id)], { title: '关于发放2026年困难群众临时救助金的公告', stage: 'result' });
      const q = encodeURIComponent('临时救助');

      // A stage and a year that the item does not have: nothing, and the words without the filters (scope kept) find it.
      const none = mainOf((await app.inject(`/search?q=${q}&organ=${bureau.code}&stage=service&year=2020`)).body);
      expect(none.replace(/<[^>]+>/g, '')).toContain('在县民政局范围内、所选条件下没有找到包含“临时救助”的公开信息');
      expect(none).toContain(`<a href="/search?q=${q}&amp;organ=${bureau.code}">不限筛选条件检索“临时救助”</a>（1 条）`);
      // The filters are named among the things to try.
      expect(none.replace(/<[^>]+>/g, '')).toContain('放宽或取消筛选条件');

      // Nothing without the filters either: no such offer.
      const nowhere = mainOf((await app.inject(`/search?q=${encodeURIComponent('住房公积金')}&stage=service`)).body);
      expect(nowhere.replace(/<[^>]+>/g, '')).toContain('在所选条件下没有找到包含“住房公积金”的公开信息');
      expect(nowhere).not.toContain('不限筛选条件');

      // No filters: nothing to lift.
      const plain = mainOf((await app.inject(`/search?q=${encodeURIComponent('住房公积金')}`)).body);
      expect(plain).not.toContain('不限筛选条件');
    } finally {
      await app.close();
    }
  });
});
