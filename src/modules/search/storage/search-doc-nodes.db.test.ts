import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { migration } from '../../../platform/db/migrations/056-search-doc-nodes.ts';
import { searchPublications } from '../use-cases/search-publications.ts';
import { fullTextIndexFor } from './full-text-index.ts';
import { clearDocs } from './search-repository.ts';

describeEachDialect('the 目录栏目 facet follows the items’ placements', (db) => {
  it('counts an item under the nodes it is placed in now: placed, moved, placed twice, unplaced, withdrawn from the index', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const [n1, n2] = [await createNode(deps, organ.id), await createNode(deps, organ.id)];
    const item = await createPublished(deps, organ.id, [n1], { title: '关于农村危房改造补助资金的公示' });
    await createPublished(deps, organ.id, [n1], { title: '危房鉴定结果' });
    const nodes = async () => (await searchPublications(deps, { q: '危房', sort: 'newest', page: 1, pageSize: 10, filters: { scopeOrganId: null } })).facets.node.map((f) => [Number(f.value), f.count]);
    expect(await nodes()).toEqual([[n1, 2]]);
    // Moved between nodes as the catalog moves items (its placements rewritten), without indexing the item again.
    await sql`delete from publication_placements where publication_id = ${item.id}`.execute(deps.db);
    await sql`insert into publication_placements (publication_id, node_id) values (${item.id}, ${n2})`.execute(deps.db);
    expect(await nodes()).toEqual([[n1, 1], [n2, 1]].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))));
    await sql`insert into publication_placements (publication_id, node_id) values (${item.id}, ${n1})`.execute(deps.db);
    expect(await nodes()).toEqual([[n1, 2], [n2, 1]]);
    await sql`delete from publication_placements where publication_id = ${item.id} and node_id = ${n1}`.execute(deps.db);
    expect(await nodes()).toEqual([[n1, 1], [n2, 1]].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))));
    await sql`update publication_placements set node_id = ${n1} where publication_id = ${item.id} and node_id = ${n2}`.execute(deps.db);
    expect(await nodes()).toEqual([[n1, 2]]);
    // Out of the index as a withdrawal takes it out (indexPublication's clearDocs: the full-text engine's rows, the
    // chunks, the search_docs row): its nodes leave the facet with its row, and no search, whole region or its organ,
    // finds it — nor do the engine's own tables (FTS5's, the organ-major rows; PostgreSQL's pieces) keep it.
    const { sort_key: sortKey } = await deps.db.selectFrom('search_docs').select('sort_key').where('publication_id', '=', item.id).executeTakeFirstOrThrow();
    const found = async (scopeOrganId: number | null) => (await searchPublications(deps, { q: '危房', sort: 'newest', page: 1, pageSize: 10, filters: { scopeOrganId } })).hits.map((h) => h.id);
    expect(await found(null)).toContain(item.id);
    await clearDocs(deps.db, fullTextIndexFor(deps.dialect), [item.id]);
    expect(await nodes()).toEqual([[n1, 1]]);
    expect(await found(null)).not.toContain(item.id);
    expect(await found(organ.id)).toHaveLength(1);
    expect(await found(organ.id)).not.toContain(item.id);
    const kept = deps.dialect === 'sqlite'
      ? ['search_items', 'search_titles', 'search_words'].map((t) => sql<{ n: number }>`select count(*) as n from ${sql.id(t)} where rowid = ${sortKey}`)
        // The organ-major row's key: the organ above the sort key (organBase in sqlite-fts5-index.ts).
        .concat(sql<{ n: number }>`select count(*) as n from search_organ_items where rowid = ${(BigInt(organ.id) << 48n) + BigInt(sortKey)}`)
      : [sql<{ n: number }>`select count(*) as n from search_item_pieces where sort_key = ${sortKey}`];
    for (const q of kept) expect(Number((await q.execute(deps.db)).rows[0]!.n)).toBe(0);
    expect(await deps.db.selectFrom('search_chunks').select('publication_id').where('publication_id', '=', item.id).execute()).toEqual([]);
    if (deps.dialect === 'sqlite') expect((await sql<{ n: number }>`select count(*) as n from search_doc_nodes where sort_key not in (select sort_key from search_docs)`.execute(deps.db)).rows[0].n).toBe(0);
  });

  it('on SQLite is filled by migration 056 from the items indexed before it', async () => {
    if (db().dialect !== 'sqlite') return; // PostgreSQL reads the nodes from publication_placements by id
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const [n1, n2] = [await createNode(deps, organ.id), await createNode(deps, organ.id)];
    await createPublished(deps, organ.id, [n1, n2], { title: '公共租赁住房配租结果' });
    await createPublished(deps, organ.id, [n2], { title: '公租房租金标准' });
    const rows = async () => (await sql<{ k: number; n: number }>`select sort_key as k, node_id as n from search_doc_nodes order by 1, 2`.execute(deps.db)).rows;
    const written = await rows();
    expect(written.filter((r) => r.n === n1 || r.n === n2)).toHaveLength(3);
    await sql`drop table search_doc_nodes`.execute(deps.db);
    for (const t of ['doc_in', 'doc_out', 'doc_change', 'placed', 'unplaced', 'replaced']) await sql.raw(`drop trigger if exists search_doc_nodes_${t}`).execute(deps.db);
    await deps.db.transaction().execute((trx) => migration.up(trx, { dialect: 'sqlite', id: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() } }));
    expect(await rows()).toEqual(written);
  });
});
