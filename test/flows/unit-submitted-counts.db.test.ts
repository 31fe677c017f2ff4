import { CompiledQuery, type KyselyPlugin, type QueryId, type RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished } from '../support/factories.ts';
import { fullScans } from '../support/query-plans.ts';
import { pageForStaff } from '../../src/modules/catalog/index.ts';
import { submittedCounts, submittedLateCountsSince } from '../../src/modules/catalog/storage/publications-repository.ts';
import { publishedAndOnTime } from '../../src/modules/supervision/storage/chart-figures-repository.ts';

/**
 * A unit's (股室) counts on the 工作台 and its 报送单位 filter in 信息管理 attribute items as the
 * supervision chart ranks an organ's units: the organ's items whose submitting unit is the unit. Both
 * read an index (migration 054), never the whole catalog.
 */
describeEachDialect('what a unit submitted', (db) => {
  it('is counted as the supervision chart counts it, from an index', async () => {
    const seen: { node: RootOperationNode; queryId: QueryId }[] = [];
    const capture: KyselyPlugin = { transformQuery: (a) => { seen.push({ node: a.node, queryId: a.queryId }); return a.node; }, transformResult: async (a) => a.result };
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    const bureau = await createOrgan(deps);
    const node = await createNode(deps, bureau.id);
    const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    const other = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit' });
    await createPublished(deps, bureau.id, [node], { submittingUnitCode: unit.code });
    await createPublished(deps, bureau.id, [node], { submittingUnitCode: unit.code });
    await createPublished(deps, bureau.id, [node], { submittingUnitCode: other.code });
    await createPublished(deps, bureau.id, [node]);
    await createDraft(deps, bureau.id, [node], { submittingUnitCode: unit.code });

    const watched = { ...deps, db: db().db.withPlugin(capture) };
    const counts = await submittedCounts(watched.db, [unit.id, other.id]);
    expect(counts.get(unit.id)).toEqual({ draft: 1, published: 2 });
    expect(counts.get(other.id)).toEqual({ draft: 0, published: 1 });
    const chart = await publishedAndOnTime(db().db, [bureau.id], '2026-01-01', '2026-12-31', 'unit');
    for (const u of [unit, other]) expect(chart.find((r) => r.key === u.id)?.published, u.code).toBe(counts.get(u.id)!.published);

    expect(await submittedLateCountsSince(watched.db, [unit.id], '2026-01-01')).toEqual(new Map());
    const listed = await pageForStaff(watched.db, { organIds: [bureau.id], status: 'draft', submittingUnitId: unit.id, page: 1, pageSize: 30 });
    expect(listed.total).toBe(1);
    expect(listed.items[0]!.submittingUnitId).toBe(unit.id);

    const kysely = db().db;
    const scans: string[] = [];
    for (const q of seen) {
      const compiled = kysely.getExecutor().compileQuery(q.node, q.queryId);
      scans.push(...await fullScans(db(), compiled.sql, compiled.parameters));
    }
    expect(seen.length).toBe(4);
    expect(scans).toEqual([]);
    // The count reads the submitting-unit index, not the organ-and-status one (which reads every item of the organ).
    const first = kysely.getExecutor().compileQuery(seen[0]!.node, seen[0]!.queryId);
    if (db().dialect === 'sqlite') {
      const plan = await kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${first.sql}`, [...first.parameters]));
      expect(plan.rows.map((r) => r.detail).join('\n')).toContain('publications_submitting_unit');
    }
  });
});
