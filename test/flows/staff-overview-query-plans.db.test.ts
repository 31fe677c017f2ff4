import { CompiledQuery, sql, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../support/factories.ts';
import { latePublications, reviewQueue } from '../../src/modules/review/index.ts';
import { countOverdueInterpretations, pageForStaff } from '../../src/modules/catalog/index.ts';

/**
 * Issue 18: 工作台 and the supervision page ask two questions of the whole catalog — the review queue
 * with its force-published items still waiting for 补充审核, and this year's late publications. Each
 * must be answered by migration 042's small partial index, not by reading the organs' published
 * items (7 and 6 s on SQLite, 0.8 and 1.1 s on PostgreSQL at 1,000,000 items; docs/performance.md).
 */
describeEachDialect('query plans of the staff overviews', (db) => {
  it('answer the review queue, the late publications and the overdue 政策解读 from their partial indexes', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const sample = await createPublished(deps, organ.id, [node]);
    // A catalog of published items, neither force-published nor late: what the questions must not read.
    const row = await deps.db.selectFrom('publications').selectAll().where('id', '=', sample.id).executeTakeFirstOrThrow();
    const cols = Object.keys(row).filter((c) => c !== 'id' && c !== 'index_number');
    const series = db().dialect === 'postgres' ? sql`select generate_series(1, 3000) as k` : sql`with recursive s(k) as (select 1 union all select k + 1 from s where k < 3000) select k from s`;
    await sql`insert into publications (${sql.join(cols.map((c) => sql.ref(c)))}, index_number)
      select ${sql.join(cols.map((c) => sql.ref(`p.${c}`)))}, p.index_number || '-' || s.k from publications p, (${series}) s where p.id = ${sample.id}`.execute(deps.db);
    const forced = await createPublished(deps, organ.id, [node], { title: '紧急发布的通知' });
    await deps.db.updateTable('publications').set({ force_published: 1, retro_approved_by: null }).where('id', '=', forced.id).execute();
    const late = await createPublished(deps, organ.id, [node], { title: '逾期发布的通知' });
    await deps.db.updateTable('publications').set({ published_late: 1, published_on: '2026-03-09' }).where('id', '=', late.id).execute();
    if (db().dialect === 'postgres') await sql`analyze publications`.execute(deps.db);

    const seen: { node: RootOperationNode; queryId: QueryId }[] = [];
    const capture: KyselyPlugin = { transformQuery: (a) => { seen.push({ node: a.node, queryId: a.queryId }); return a.node; }, transformResult: async (a) => a.result };
    const watched = deps.db.withPlugin(capture);
    expect((await reviewQueue(watched, [organ.id])).map((q) => q.id)).toEqual([forced.id]);
    expect((await latePublications(watched, [organ.id], '2026-01-01')).map((l) => l.id)).toEqual([late.id]);
    // Every item also placed in a 政策文件 node (a policy node by default), published through the platform a month ago: all overdue.
    const policies = await createNode(deps, organ.id, { name: '政策文件' });
    await deps.db.updateTable('publications').set({ publish_route: 'review_chain', published_on: '2026-02-02' }).where('organ_id', '=', organ.id).execute();
    await sql`insert into publication_placements (publication_id, node_id) select id, ${policies} from publications where organ_id = ${organ.id}`.execute(deps.db);
    expect((await countOverdueInterpretations({ ...deps, db: watched }, [organ.id])).get(organ.id)?.overdue).toBe(3003);
    // 信息管理 for a system administrator: the whole catalog, the most recently changed first.
    await deps.db.updateTable('publications').set({ updated_at: '2026-03-10T05:00:00.000Z' }).where('id', '=', late.id).execute();
    const everything = await pageForStaff(watched, { organIds: null, page: 1, pageSize: 5 });
    expect(everything.total).toBeGreaterThanOrEqual(3003);
    expect(everything.items[0].id).toBe(late.id);

    const planOf = async (mark: string) => {
      const q = seen.map((x) => deps.db.getExecutor().compileQuery(x.node, x.queryId)).find((c) => c.sql.includes(mark))!;
      const text = db().dialect === 'postgres' ? `explain (format text) ${q.sql}` : `explain query plan ${q.sql}`;
      const r = await deps.db.executeQuery<Record<string, string>>(CompiledQuery.raw(text, [...q.parameters]));
      return r.rows.map((x) => x['QUERY PLAN'] ?? x.detail).join('\n');
    };
    expect(await planOf('"force_published"')).toContain('publications_awaiting_retro_review');
    expect(await planOf('"published_late"')).toContain('publications_published_late');
    // On SQLite the count must not read the items' rows (their bodies come first): the covering index answers it.
    if (db().dialect === 'sqlite') expect(await planOf('"item_kind"')).toContain('COVERING INDEX publications_policy_candidates');
    expect(await planOf('order by "p"."updated_at" desc')).toContain('publications_updated');
    await deps.db.deleteFrom('publication_placements').where('publication_id', 'in', (eb) => eb.selectFrom('publications').select('id').where('organ_id', '=', organ.id)).execute();
    await deps.db.deleteFrom('publications').where('organ_id', '=', organ.id).execute();
  });
});
