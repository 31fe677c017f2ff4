import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, system } from '../../../../test/support/factories.ts';
import { migration } from '../../../platform/db/migrations/068-search-organ-items.ts';
import { performReviewVerb } from '../../review/index.ts';
import { reindex } from '../use-cases/reindex.ts';
import { searchPublications } from '../use-cases/search-publications.ts';
import { phraseOf } from '../domain/tokenize.ts';
import { sortKeyOf } from '../domain/sort-key.ts';
import { fullTextIndexFor } from './full-text-index.ts';

/**
 * SQLite's organ-major copy of the pieces (migration 068, docs/adr/0028-organ-major-search-index.md):
 * written and taken out with every entry, read for a search within an organ once it is complete, and
 * not before an index built without it has been rebuilt.
 */
describeEachDialect('the organ-major search rows', (db) => {
  // Answered from the organ's range of the organ-major rows, not the organ tags of search_items.
  const fromOrganRows = (statements: string[]) => statements.some((s) => /from search_organ_items/.test(s)) && !statements.some((s) => /from "search_items"/.test(s));
  // Answered from the organ tags of search_items; the organ-major rows read at most by the first question, the one
  // that says whether they are complete (search_state's flag is asked beside it, not on its own).
  const fromOrganTags = (statements: string[]) =>
    statements.some((s) => /from "search_items"/.test(s)) && statements.filter((s) => /from search_organ_items/.test(s)).every((s) => /search_state/.test(s));

  it('follow every entry in and out of the index, and answer a search within the organ', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const otherNode = await createNode(deps, other.id);
    const kept = await createPublished(deps, organ.id, [node], { title: '关于农村危房改造补助资金的公示' });
    const gone = await createPublished(deps, organ.id, [node], { title: '危房鉴定结果公告' });
    await createPublished(deps, other.id, [otherNode], { title: '危房排查工作简报' });
    const ids = async () => (await searchPublications(deps, { q: '危房', sort: 'newest', page: 1, pageSize: 10, filters: { scopeOrganId: organ.id } })).hits.map((h) => h.id).sort();
    expect(await ids()).toEqual([kept.id, gone.id].sort());
    await performReviewVerb(deps, system, gone.id, 'withdraw', { withdrawReason: 'published_in_error', withdrawNote: '内容有误' });
    expect(await ids()).toEqual([kept.id]);
    if (deps.dialect !== 'sqlite') return;
    // The rows themselves: one per indexed item, under its organ's range, none left for the withdrawn one.
    const rowOf = (organId: number, on: string, id: number) => (BigInt(organId) << 48n) + BigInt(sortKeyOf(on, id));
    const match = async (rowid: bigint) => (await sql<{ n: number }>`select count(*) as n from search_organ_items where search_organ_items match '"危房"' and rowid = ${rowid}`.execute(deps.db)).rows[0].n;
    expect(await match(rowOf(organ.id, kept.publishedOn!, kept.id))).toBe(1);
    expect(await match(rowOf(organ.id, gone.publishedOn!, gone.id))).toBe(0);
  });

  it('on SQLite are read for a search within an organ only when complete: an index from before migration 068 until its rebuild', async () => {
    if (db().dialect !== 'sqlite') return; // PostgreSQL answers an organ filter inside its item-level index
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const items = [];
    for (const title of ['危房改造补助资金公示', '农村危房鉴定结果', '城镇燃气安全检查通知']) items.push(await createPublished(deps, organ.id, [node], { title }));
    const statements: string[] = [];
    const watched = deps.db.withPlugin({
      transformQuery: ({ node: n, queryId }) => (statements.push(deps.db.getExecutor().compileQuery(n, queryId).sql), n),
      transformResult: async ({ result }) => result,
    });
    const index = fullTextIndexFor('sqlite');
    const m = { keywords: [[phraseOf('危房')!]] };
    const want = items.slice(0, 2).map((p) => sortKeyOf(p.publishedOn!, p.id)).sort((a, b) => b - a);
    expect(await index.newest(watched, m, { organIds: [organ.id] }, 10)).toEqual(want);
    expect(fromOrganRows(statements)).toBe(true);

    // As an index built before the migration: no organ-major rows, and the migration marks it not ready.
    await sql`drop table search_organ_items`.execute(deps.db);
    await sql`alter table search_state drop column organ_items_ready`.execute(deps.db);
    await deps.db.transaction().execute((trx) => migration.up(trx, { dialect: 'sqlite', id: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() } }));
    statements.length = 0;
    expect(await index.newest(watched, m, { organIds: [organ.id] }, 10)).toEqual(want);
    expect(await index.countUpTo(watched, m, { organIds: [organ.id] }, 10)).toBe(2);
    expect(fromOrganTags(statements)).toBe(true);
    // A listing without a word too: the organ's items from its tags (its organ-major range is empty here).
    statements.length = 0;
    expect(await index.listed(watched, { organIds: [organ.id] }, 10)).toEqual(items.map((p) => sortKeyOf(p.publishedOn!, p.id)).sort((a, b) => b - a));
    expect(fromOrganTags(statements)).toBe(true);

    // A rebuild of one organ does not make the table complete; a whole rebuild does.
    await reindex(deps, { organIds: [organ.id] });
    statements.length = 0;
    await index.newest(watched, m, { organIds: [organ.id] }, 10);
    expect(fromOrganTags(statements)).toBe(true);
    await reindex(deps);
    statements.length = 0;
    expect(await index.newest(watched, m, { organIds: [organ.id] }, 10)).toEqual(want);
    expect(await index.countUpTo(watched, m, { organIds: [organ.id] }, 10)).toBe(2);
    expect(fromOrganRows(statements)).toBe(true);
  });

  it('a search or a listing within an organ sends no statement of its own for whether the organ-major rows are complete', async () => {
    // Issue 13: each search within an organ asked search_state twice (newest and count), one statement each.
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '危房改造补助资金公示' });
    const statements: string[] = [];
    const watched = deps.db.withPlugin({
      transformQuery: ({ node: n, queryId }) => (statements.push(deps.db.getExecutor().compileQuery(n, queryId).sql), n),
      transformResult: async ({ result }) => result,
    });
    const search = (q: string, sort: 'relevance' | 'newest', filters = {}) =>
      searchPublications({ ...deps, db: watched }, { q, sort, page: 1, pageSize: 10, filters: { scopeOrganId: organ.id, ...filters } });
    const ownStatements = () => statements.filter((s) => /search_state/.test(s) && !/search_organ_items/.test(s));
    for (const [q, sort, filters] of [['危房', 'relevance', {}], ['危房', 'newest', {}], ['', 'newest', {}], ['', 'newest', { validity: 'valid' }]] as const) {
      statements.length = 0;
      expect((await search(q, sort, filters)).hits.map((h) => h.id)).toEqual([item.id]);
      expect(ownStatements()).toEqual([]);
    }
  });

  it('on SQLite is ready at once on a database with nothing indexed yet', async () => {
    if (db().dialect !== 'sqlite') return;
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    // This file's last test: the entries of the tests above are cleared, as on a new database.
    await sql`delete from search_docs`.execute(deps.db);
    await sql`drop table search_organ_items`.execute(deps.db);
    await sql`alter table search_state drop column organ_items_ready`.execute(deps.db);
    await deps.db.transaction().execute((trx) => migration.up(trx, { dialect: 'sqlite', id: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() } }));
    const state = await sql<{ ready: number }>`select organ_items_ready as ready from search_state`.execute(deps.db);
    expect(state.rows.map((r) => r.ready)).toEqual([1]);
  });
});
