import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { migration } from '../../../platform/db/migrations/052-search-docs-title-grams.ts';

describeEachDialect('the title tokens of an item’s search_docs row (PostgreSQL)', (db) => {
  it('are written when an item is indexed, the title chunk’s own, and filled by migration 052 for rows indexed before it', async () => {
    if (db().dialect !== 'postgres') return; // SQLite answers title questions from its search_titles table (migration 035)
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '关于农村危房改造补助资金的公示' });
    const both = async () => (await sql<{ doc: string; chunk: string }>`select d.title_grams::text as doc, c.grams::text as chunk
      from search_docs d join search_chunks c on c.publication_id = d.publication_id and c.field = 'title' where d.publication_id = ${item.id}`.execute(deps.db)).rows[0];
    const written = await both();
    expect(written.doc).toContain(`'危房':`);
    expect(written.doc).toBe(written.chunk);

    // The table as it was before migration 052: no title tokens, the title chunks' own GIN index.
    await sql`drop index search_docs_title_grams`.execute(deps.db);
    await sql`alter table search_docs drop column title_grams`.execute(deps.db);
    await sql`create index search_chunks_title_grams on search_chunks using gin (grams) where field = 'title'`.execute(deps.db);
    await deps.db.transaction().execute((trx) => migration.up(trx, { dialect: 'postgres', id: { type: 'serial', build: (c) => c.primaryKey() } }));
    expect(await both()).toEqual(written);
    const indexes = await sql<{ name: string }>`select indexname as name from pg_indexes where indexname in ('search_docs_title_grams', 'search_chunks_title_grams')`.execute(deps.db);
    expect(indexes.rows.map((r) => r.name)).toEqual(['search_docs_title_grams']);
  });
});
