import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { publishImported } from '../../review/index.ts';

const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
/** The options of one select of the results page's form: value, label, selected. */
const optionsOf = (body: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(mainOf(body));
  if (!select) return null;
  return [...select[1]!.matchAll(/<option value(?:="([^"]*)")?( selected(?:="")?)?[^>]*>([^<]*)<\/option>/g)].map((m) => ({ value: m[1] ?? '', label: m[3], selected: !!m[2] }));
};
const selectedOf = (body: string, name: string) => optionsOf(body, name)?.filter((o) => o.selected).map((o) => o.value);

/**
 * An outside tester: the form offered only 范围, 排序 and 发布日期, and 效力, 年份 and 体裁 were facet links counted over the
 * newest 1,000 matches — so 已废止 and the older years of an organ of more than 1,000 items could not be reached. The form
 * now offers them (and 五公开) in its 检索选项, each preselected from the address and dropped when sent empty.
 */
describeEachDialect('the search form offers every filter', (db) => {
  it('offers 效力, 年份 (the years that have items), 体裁 and 五公开, preselected from the address, dropped when empty', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于公租房配租的公告', genre: '公告' });
      for (const [title, on] of [['二〇一九年的旧通知', '2019-05-06'], ['二〇二四年的通知', '2024-03-02']] as const) {
        const d = await createDraft(deps, bureau.id, [node], { title, formedOn: on, validity: 'repealed' });
        await publishImported(deps, system, d.id, { backdatedPublishedOn: on });
      }
      const page = await app.inject(`/search?organ=${bureau.code}&validity=repealed&year=2019&genre=${encodeURIComponent('通知')}&stage=execution`);
      expect(page.statusCode).toBe(200);
      expect(optionsOf(page.body, 'validity')!.map((o) => o.label)).toEqual(['不限', '有效', '已修改', '已废止', '已失效']);
      expect(selectedOf(page.body, 'validity')).toEqual(['repealed']);
      // The years that have items, newest first — not every year between (2025 has none).
      // (The first: the year the test clock publishes in.)
      expect(optionsOf(page.body, 'year')!.map((o) => o.value)).toEqual(['', expect.stringMatching(/^20(2[6-9]|[3-9]\d)$/), '2024', '2019']);
      expect(selectedOf(page.body, 'year')).toEqual(['2019']);
      const genres = optionsOf(page.body, 'genre')!.map((o) => o.value);
      expect(genres).toEqual(expect.arrayContaining(['', '通知', '公告', '函']));
      expect(selectedOf(page.body, 'genre')).toEqual(['通知']);
      expect(optionsOf(page.body, 'stage')!.map((o) => o.label)).toEqual(['不限', '决策公开', '执行公开', '管理公开', '服务公开', '结果公开']);
      expect(selectedOf(page.body, 'stage')).toEqual(['execution']);
      // Each has its label, and is not sent twice (no hidden copy beside the select).
      for (const name of ['validity', 'year', 'genre', 'stage']) {
        expect(mainOf(page.body).match(new RegExp(`name="${name}"`, 'g'))).toHaveLength(1);
        expect(mainOf(page.body)).toMatch(new RegExp(`<label for="search-${name}">`));
      }
      expect(textOf(mainOf(page.body))).toContain('二〇一九年的旧通知');

      // Nothing chosen: 不限 selected.
      const plain = await app.inject(`/search?q=${encodeURIComponent('公租房')}`);
      for (const name of ['validity', 'year', 'genre', 'stage']) expect(selectedOf(plain.body, name), name).toEqual([]);
      // An indexed 体裁 that is not on the list (an import's) is offered when it is the one asked for.
      const other = await createPublished(deps, bureau.id, [node], { title: '一份导入的信息', genre: '简报' });
      expect(other.id).toBeGreaterThan(0);
      const imported = await app.inject(`/search?genre=${encodeURIComponent('简报')}`);
      expect(imported.statusCode).toBe(200);
      expect(selectedOf(imported.body, 'genre')).toEqual(['简报']);

      // Sent empty, they are dropped as the other empty fields are.
      const sent = await app.inject(`/search?q=&organ=${bureau.code}&validity=&year=&genre=&stage=&from=&to=&sort=relevance`);
      expect(sent.statusCode).toBe(302);
      expect(sent.headers.location).toBe(`/search?q=&organ=${bureau.code}`);
    } finally {
      await app.close();
    }
  });

  it('a listing shows 按发布日期 chosen in the form, as it lists', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      await createPublished(deps, bureau.id, [node], { title: '关于公租房配租的公告' });
      const listing = await app.inject(`/search?organ=${bureau.code}`);
      expect(textOf(mainOf(listing.body))).toContain('按发布日期排列');
      expect(selectedOf(listing.body, 'sort')).toEqual(['newest']);
      // A search of words keeps its default, relevance.
      expect(selectedOf((await app.inject(`/search?q=${encodeURIComponent('公租房')}`)).body, 'sort')).toEqual(['relevance']);
    } finally {
      await app.close();
    }
  });

  it('everything, newest first (sort=newest and no word, no filter) is a listing, page and API', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, bureau.id);
      const d = await createDraft(deps, bureau.id, [node], { title: '较早的公告', formedOn: '2024-03-02' });
      await publishImported(deps, system, d.id, { backdatedPublishedOn: '2024-03-02' });
      await createPublished(deps, bureau.id, [node], { title: '最新的公告' });
      const page = await app.inject('/search?sort=newest');
      expect(page.statusCode).toBe(200);
      const text = textOf(mainOf(page.body));
      // Every item of the catalog (the file's other tests' too), newest first.
      expect(text).toMatch(/共找到 \d+ 条，按发布日期排列/);
      expect(text.indexOf('最新的公告')).toBeGreaterThan(-1);
      expect(text.indexOf('最新的公告')).toBeLessThan(text.indexOf('较早的公告'));
      expect(text).not.toContain('请输入检索词：');
      expect(page.body).toContain('<title>全部公开信息');
      const api = (await app.inject('/api/v1/search?sort=newest')).json();
      expect(api).toMatchObject({ listing: true, sort: 'newest' });
      expect(api.items[0].title).toBe('最新的公告');
      expect(api.total).toBe(Number(/共找到 (\d+) 条/.exec(text)![1]));
      expect(api.items.findIndex((i: { title: string }) => i.title === '较早的公告')).toBeGreaterThan(0);
      // The home page's 最新公开信息 leads to it.
      const home = await app.inject('/');
      expect(home.body).toMatch(/<a href="\/search\?sort=newest">更多公开信息<\/a>/);
      // Neither a word, a filter nor an order: still asks for a word.
      expect(textOf(mainOf((await app.inject('/search?q=')).body))).toContain('请输入检索词');
      expect((await app.inject('/api/v1/search')).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
