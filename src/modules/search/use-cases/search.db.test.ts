import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { fillReviewForm, performReviewVerb } from '../../review/index.ts';
import { publicationInput } from '../../../../test/support/factories.ts';
import { indexPublication, reindex, searchPublications, type SearchRequest } from '../index.ts';

const req = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({ q, filters: { scopeOrganId: null }, sort: 'relevance', page: 1, pageSize: 20, ...over });

describeEachDialect('search', (db) => {
  it('finds two-character words and words inside compounds, whole words first', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const compound = await createPublished(deps, organ.id, [node], { title: '农村危房改造补助资金发放公示', bodyHtml: '<p>危房改造补助对象名单。</p>' });
    const whole = await createPublished(deps, organ.id, [node], { title: '关于房改房上市交易的通知', bodyHtml: '<p>已购公有住房（房改房）上市交易有关事项。</p>' });
    const dust = await createPublished(deps, organ.id, [node], { title: '建筑工地扬尘治理通报', documentNumber: '岚建〔2026〕63号' });
    await reindex(deps);
    const ids = async (q: string) => (await searchPublications(deps, req(q))).hits.map((h) => h.id);
    expect(await ids('房改')).toEqual([whole.id, compound.id]);
    expect(await ids('危房')).toEqual([compound.id]);
    expect(await ids('扬尘')).toEqual([dust.id]);
    expect(await ids('岚建[２０２６]63号')).toEqual([dust.id]);
    expect(await ids('岚建(2026)第63号')).toEqual([dust.id]);
    expect(await ids('不存在的词语')).toEqual([]);
    const r = await searchPublications(deps, req('房改'));
    expect(r.total).toBe(2);
    expect(r.facets.organ).toEqual([{ value: organ.code, count: 2 }]);
    expect(r.hits[0].snippet.some((p) => p.hit && p.text === '房改')).toBe(true);
  });

  it('indexes and finds text written with radical characters, as PDF text layers often have it', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    // U+2ED8 (⻘, CJK Radicals Supplement) for 青, U+2F45 (⽅, Kangxi Radicals) for 方, and U+2E80, which stands for no character.
    const item = await createPublished(deps, organ.id, [node], { title: '实施方案公示', bodyHtml: '<p>\u2ED8岚县老旧小区改造实施\u2F45案\u2E80附件</p>' });
    await indexPublication(deps.db, deps, item.id);
    const ids = async (q: string) => (await searchPublications(deps, req(q, { filters: { scopeOrganId: organ.id } }))).hits.map((h) => h.id);
    expect(await ids('青岚县')).toEqual([item.id]);
    expect(await ids('实施方案')).toEqual([item.id]);
    expect(await ids('\u2ED8岚')).toEqual([item.id]);
  });

  it('updates the index with the status change: withdrawn items are gone at once', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '预售许可证核发公告' });
    await indexPublication(deps.db, deps, item.id);
    expect((await searchPublications(deps, req('预售许可', { filters: { scopeOrganId: organ.id } }))).total).toBe(1);
    await performReviewVerb(deps, system, item.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
    expect((await searchPublications(deps, req('预售许可', { filters: { scopeOrganId: organ.id } }))).total).toBe(0);
  });

  it('follows an amendment and a repeal in the same transaction as the verb', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '城市绿化养护办法' });
    await indexPublication(deps.db, deps, item.id);
    await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, system, item.id, 'amend', { changeNote: '更名', amended: publicationInput([node], { title: '城市园林绿化养护管理办法' }) });
    const scoped = (q: string) => searchPublications(deps, req(q, { filters: { scopeOrganId: organ.id } }));
    // A pending amendment is not public: the index shows the published text until it is approved.
    expect((await scoped('园林')).total).toBe(0);
    await performReviewVerb(deps, system, item.id, 'approve_amendment');
    expect((await scoped('园林')).hits.map((h) => h.id)).toEqual([item.id]);
    expect((await scoped('园林')).facets.validity).toEqual([{ value: 'valid', count: 1 }]);
    await performReviewVerb(deps, system, item.id, 'repeal', {});
    expect((await scoped('园林')).facets.validity).toEqual([{ value: 'repealed', count: 1 }]);
  });

  it('finds what the system published from an import, in the same transaction as the publication', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const { createDraft } = await import('../../../../test/support/factories.ts');
    const { publishImported } = await import('../../review/index.ts');
    const draft = await createDraft(deps, organ.id, [node], { title: '青岚县城区燃气管道老化更新改造计划', formedOn: '2024-04-28' });
    await publishImported(deps, system, draft.id, { backdatedPublishedOn: '2024-05-06' });
    const found = await searchPublications(deps, req('燃气管道', { filters: { scopeOrganId: organ.id } }));
    expect(found.hits.map((h) => [h.id, h.publishedOn])).toEqual([[draft.id, '2024-05-06']]);
  });

  it('rebuilds on every core without bringing back an item withdrawn while the rebuild ran', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const items: { id: number }[] = [];
    for (const title of ['燃气安全检查通报（一）', '燃气安全检查通报（二）', '燃气安全检查通报（三）']) items.push(await createPublished(deps, organ.id, [node], { title }));
    const scoped = async () => (await searchPublications(deps, req('燃气安全', { filters: { scopeOrganId: organ.id }, sort: 'newest' }))).hits.map((h) => h.id);
    await reindex(deps, { batchSize: 1, threads: 2, async onProgress(done) {
      // The second batch has been read (and handed to the threads) before the first was written.
      if (done === 1) await performReviewVerb(deps, system, items[1].id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
    } });
    expect(await scoped()).toEqual([items[2].id, items[0].id]);
  });
});

describeEachDialect('the index after a rebuild', (db) => {
  it('is merged into as few pieces as FTS5 can make, and answers as before', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    // Each publication indexes its item in its own transaction: on SQLite each leaves FTS5 segments of its own.
    for (let i = 0; i < 30; i++) await createPublished(deps, organ.id, [node], { title: `危房改造补助第${i}批公示`, bodyHtml: `<p>第${i}批农村危房改造对象名单，扬尘治理。</p>` });
    const ids = async (q: string) => (await searchPublications(deps, req(q, { filters: { scopeOrganId: organ.id } }))).hits.map((h) => h.id);
    const before = [await ids('危房'), await ids('扬尘 名单'), await ids('第7批')];
    await reindex(deps, { batchSize: 4 });
    expect([await ids('危房'), await ids('扬尘 名单'), await ids('第7批')]).toEqual(before);
    if (deps.dialect !== 'sqlite') return;
    const pages = async (table: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.id(`${table}_data`)}`.execute(deps.db)).rows[0].n);
    for (const table of ['search_items', 'search_titles', 'search_words']) {
      const afterRebuild = await pages(table);
      await sql`insert into ${sql.id(table)} (${sql.id(table)}) values ('optimize')`.execute(deps.db);
      expect(afterRebuild, table).toBe(await pages(table));
    }
  });
});

describeEachDialect('search: an organ is its own items', (db) => {
  it('limits an organ to its own items (and its internal units’), so each organ facet counts exactly what its click finds', async () => {
    const deps = buildDeps(db());
    const county = await createOrgan(deps, { kind: 'government', name: '青岚县人民政府', shortName: '县政府' });
    const bureau = await createOrgan(deps, { kind: 'department', parentCode: county.code, name: '青岚县住房和城乡建设局', shortName: '县住建局' });
    const unit = await createOrgan(deps, { kind: 'unit', parentCode: bureau.code, name: '村镇建设股' });
    const countyNode = await createNode(deps, county.id);
    const bureauNode = await createNode(deps, bureau.id);
    const unitNode = await createNode(deps, unit.id);
    const own = await createPublished(deps, county.id, [countyNode], { title: '县政府2026年工作报告' });
    await createPublished(deps, bureau.id, [bureauNode], { title: '2026年危房改造计划' });
    await createPublished(deps, bureau.id, [bureauNode], { title: '2026年保障房配租公告' });
    await createPublished(deps, unit.id, [unitNode], { title: '2026年村镇建设通知' });
    await reindex(deps);
    const all = await searchPublications(deps, req('2026'));
    expect(all.total).toBe(4);
    // The facet's value is the organ's code (what organ= takes); an internal unit's items count under its organ.
    expect(all.facets.organ).toEqual([{ value: bureau.code, count: 3 }, { value: county.code, count: 1 }]);
    for (const f of all.facets.organ) {
      const organ = [county, bureau].find((o) => o.code === f.value)!;
      expect((await searchPublications(deps, req('2026', { filters: { scopeOrganId: organ.id } }))).total, f.value).toBe(f.count);
    }
    expect((await searchPublications(deps, req('2026', { filters: { scopeOrganId: county.id } }))).hits.map((h) => h.id)).toEqual([own.id]);
  });
});
