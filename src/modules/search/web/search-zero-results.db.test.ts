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
      expect(none).toContain('共找到 0 条');
      expect(none).not.toContain('在全站检索');
      expect(none).not.toContain('按相关度排列');
      expect(none).not.toContain('改为最新在前');
      expect(none).toContain(`<a href="/organs/${bureau.code}/apply">向县住建局申请政府信息公开</a>`);
      expect(none).toContain(`<a href="/organs/${bureau.code}/letters/new">给县住建局写信</a>`);

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

      // With results the sort is still offered.
      const found = mainOf((await app.inject(`/search?q=${encodeURIComponent('危房改造')}`)).body);
      expect(found).toContain('改为最新在前');
      expect(found).not.toContain('/apply"');
    } finally {
      await app.close();
    }
  });
});
