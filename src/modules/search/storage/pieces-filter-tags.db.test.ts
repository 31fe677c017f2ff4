import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { migration } from '../../../platform/db/migrations/044-search-pieces-filter-tags.ts';
import { genreTag, organTag, stageTag, validityTag } from '../domain/filter-tags.ts';

describeEachDialect('the filter tags of an item’s pieces row (PostgreSQL)', (db) => {
  it('are written when an item is indexed, and added by migration 044 to rows indexed before it, the same tags', async () => {
    if (db().dialect !== 'postgres') return; // SQLite's FTS5 rows have carried the tags since migration 035
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { stage: 'result', genre: '公告', validity: 'valid' });
    const pieces = async () => (await sql<{ t: string }>`select pieces::text as t from search_item_pieces where publication_id = ${item.id}`.execute(deps.db)).rows[0].t;
    const written = await pieces();
    for (const tag of [organTag(organ.id), stageTag('result'), genreTag('公告'), validityTag('valid')]) expect(written).toContain(`'${tag}'`);

    // A row as it was before migration 044: the pieces alone.
    await sql`update search_item_pieces set pieces = array_to_tsvector(array(select u.lexeme from unnest(pieces) u where u.lexeme not like chr(57345) || '%'))
      where publication_id = ${item.id}`.execute(deps.db);
    expect(await pieces()).not.toContain('\uE001');
    await deps.db.transaction().execute((trx) => migration.up(trx, { dialect: 'postgres', id: { type: 'serial', build: (c) => c.primaryKey() } }));
    expect(await pieces()).toBe(written);
    const gin = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'search_item_pieces_gin'`.execute(deps.db);
    expect(gin.rows[0].n).toBe(1);
  });

  it('are never read by a parallel sequential scan: the pieces are stored out of line and each row read would be decompressed', async () => {
    if (db().dialect !== 'postgres') return;
    const r = await sql<{ options: string[] | null }>`select reloptions as options from pg_class where relname = 'search_item_pieces'`.execute(db().db);
    expect(r.rows[0].options).toContain('parallel_workers=0');
  });
});
