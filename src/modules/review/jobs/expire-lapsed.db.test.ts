import { CompiledQuery, sql } from 'kysely';
import { expect, it } from 'vitest';
import pino from 'pino';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';
import { searchPublications } from '../../search/index.ts';
import { contentVersionReader } from '../../../platform/db/content-version.ts';
import { databaseJobClaims } from '../../../platform/jobs/job-claims.ts';
import { startJobs } from '../../../platform/jobs/job-runner.ts';
import { expireLapsedPublications } from './expire-lapsed.ts';

describeEachDialect('有效期至: an item lapses the China day after its last day (ADR 0027)', (db) => {
  async function world() {
    const deps = buildDeps(db(), '2026-12-05T08:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    return { deps, organ, node };
  }
  const search = (deps: ReturnType<typeof buildDeps>, q: string, validity?: string) =>
    searchPublications(deps, { q, sort: 'newest', page: 1, pageSize: 20, filters: { scopeOrganId: null, ...(validity ? { validity } : {}) } });

  it('stays 有效 through China 23:59 of its last day and is 已失效 from 00:00 the next, in the index, its facet and the content version', async () => {
    const { deps, organ, node } = await world();
    const word = '住房租赁补贴暂行办法甲';
    const p = await createPublished(deps, organ.id, [node], { title: `${word}实施细则`, formedOn: '2021-06-07', docType: 'normative_document', validThroughOn: '2026-12-05' });
    const version = contentVersionReader(deps.db);
    // 2026-12-05 23:59 in China (15:59 UTC): the last day, still in force.
    deps.clock.set('2026-12-05T15:59:00Z');
    expect((await expireLapsedPublications(deps)).expired).not.toContain(p.id);
    expect((await findPublication(deps.db, p.id))!.validity).toBe('valid');
    const before = (await version()).version;
    // 00:00 on 2026-12-06 in China is 16:00 UTC on 12-05: the UTC date has not changed, the China one has.
    deps.clock.set('2026-12-05T16:00:00Z');
    expect((await expireLapsedPublications(deps)).expired).toContain(p.id);
    expect((await findPublication(deps.db, p.id))!.validity).toBe('expired');
    // The annual report's table 二 dates its end by its last day in force.
    expect((await deps.db.selectFrom('publications').select('repealed_on').where('id', '=', p.id).executeTakeFirstOrThrow()).repealed_on).toBe('2026-12-05');
    expect((await version()).version).toBeGreaterThan(before);
    expect((await search(deps, word, 'expired')).hits.map((h) => h.id)).toEqual([p.id]);
    expect((await search(deps, word, 'valid')).hits).toEqual([]);
    expect((await search(deps, word)).facets.validity).toEqual([expect.objectContaining({ value: 'expired', count: 1 })]);
    const audited = await deps.db.selectFrom('audit_events').select(['action']).where('entity_type', '=', 'publication').where('entity_id', '=', String(p.id)).execute();
    expect(audited.map((a) => a.action)).toContain('publication.lapse');
    // Run again the same day: nothing more to do, and the version stays.
    const after = (await version()).version;
    expect((await expireLapsedPublications(deps)).expired).toEqual([]);
    expect((await version()).version).toBe(after);
  });

  it('leaves 已修改, 已废止, drafts and items without a date alone', async () => {
    const { deps, organ, node } = await world();
    // Published while in force: one already past its date would lapse at publishing.
    deps.clock.set('2025-11-01T02:00:00Z');
    const amended = await createPublished(deps, organ.id, [node], { title: '办法乙一', formedOn: '2020-11-08', validThroughOn: '2025-11-07' });
    await deps.db.updateTable('publications').set({ validity: 'amended' }).where('id', '=', amended.id).execute();
    const repealed = await createPublished(deps, organ.id, [node], { title: '办法乙二', formedOn: '2020-11-08', validThroughOn: '2025-11-07' });
    await deps.db.updateTable('publications').set({ validity: 'repealed' }).where('id', '=', repealed.id).execute();
    const draft = await createDraft(deps, organ.id, [node], { title: '办法乙三', formedOn: '2020-11-08', validThroughOn: '2025-11-07' });
    const open = await createPublished(deps, organ.id, [node], { title: '办法乙四', formedOn: '2020-11-08' });
    deps.clock.set('2026-12-06T02:00:00Z');
    const run = await expireLapsedPublications(deps);
    for (const p of [amended, repealed, draft, open]) expect(run.expired).not.toContain(p.id);
    expect((await findPublication(deps.db, amended.id))!.validity).toBe('amended');
    expect((await findPublication(deps.db, repealed.id))!.validity).toBe('repealed');
    expect((await findPublication(deps.db, draft.id))!.validity).toBe('valid');
    expect((await findPublication(deps.db, open.id))!.validity).toBe('valid');
  });

  it('lapses an item once when two instances run at the same moment', async () => {
    const { deps, organ, node } = await world();
    // Published on its last day (China 16:00), still in force; a date already past would lapse at publishing.
    const p = await createPublished(deps, organ.id, [node], { title: '办法丙', formedOn: '2021-06-07', validThroughOn: '2026-12-05' });
    deps.clock.set('2026-12-06T02:00:00Z');
    const runs = await Promise.all([expireLapsedPublications(deps), expireLapsedPublications(deps)]);
    expect(runs.flatMap((r) => r.expired).filter((id) => id === p.id)).toEqual([p.id]);
    const audited = await deps.db.selectFrom('audit_events').select('action').where('action', '=', 'publication.lapse').where('entity_id', '=', String(p.id)).execute();
    expect(audited).toHaveLength(1);
  });

  it('is run by one of two instances sharing the database (the job window is claimed)', async () => {
    const { deps } = await world();
    let runs = 0;
    const job = { name: `expire-lapsed-test-${Math.random().toString(36).slice(2)}`, everySeconds: 600, run: async () => { runs++; } };
    const now = () => new Date('2026-12-05T16:00:30Z');
    const a = startJobs([job], pino({ level: 'silent' }), now, databaseJobClaims(deps.db, 'a'));
    const b = startJobs([job], pino({ level: 'silent' }), now, databaseJobClaims(deps.db, 'b'));
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([a.stop(), b.stop()]);
    expect(runs).toBe(1);
  });
});

describeEachDialect('有效期至: what the lapse job reads every ten minutes', (db) => {
  it('reads only the items still 有效 with a 有效期至 (a partial index), not every item that lapsed before', async () => {
    const deps = buildDeps(db(), '2026-12-05T08:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    await createPublished(deps, organ.id, [node], { formedOn: '2020-01-01', validThroughOn: '2025-01-01' });
    await expireLapsedPublications(deps);
    const text = db().dialect === 'postgres' ? 'explain (format text) ' : 'explain query plan ';
    const q = deps.db.selectFrom('publications').select(['id', 'organ_id', 'valid_through_on'])
      .where('valid_through_on', '<', '2026-12-05').where('validity', '=', 'valid').where('status', '=', 'published').orderBy('id').compile();
    // One connection: on PostgreSQL a full scan is priced out (as the portal's plan test does), so what is left is the index it can use.
    const plan = await deps.db.transaction().execute(async (trx) => {
      if (db().dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      return (await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(text + q.sql, [...q.parameters]))).rows.map((x) => x['QUERY PLAN'] ?? x.detail).join('\n');
    });
    expect(plan).toContain('publications_lapsing');
  });
});
