import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { TOKENIZER_VERSION } from '../domain/tokenize.ts';
import { reindex } from './reindex.ts';
import { searchPublications } from './search-publications.ts';
import { indexCondition, indexUpgradeRun, upgradeIndexStep } from './upgrade-index.ts';

type Deps = ReturnType<typeof buildDeps>;

/**
 * An index an earlier version built: every entry and the index's state of the version before this one, and the first
 * item's title changed underneath (what a rebuild by this version would write differently; the entries still hold the
 * old title).
 */
async function outdatedIndex(deps: Deps) {
  const organ = await createOrgan(deps);
  const node = await createNode(deps, organ.id);
  const items: number[] = [];
  for (const title of ['燃气安全检查通报（一）', '燃气安全检查通报（二）', '燃气安全检查通报（三）', '燃气安全检查通报（四）', '燃气安全检查通报（五）']) {
    items.push((await createPublished(deps, organ.id, [node], { title })).id);
  }
  await reindex(deps);
  await sql`update publications set title = ${'路灯维修工程竣工验收公示'} where id = ${items[0]}`.execute(deps.db);
  await sql`update search_docs set tokenizer_version = ${TOKENIZER_VERSION - 1}`.execute(deps.db);
  await sql`update search_state set tokenizer_version = ${TOKENIZER_VERSION - 1}`.execute(deps.db);
  const found = async (q: string) => (await searchPublications(deps, { q, filters: { scopeOrganId: organ.id }, sort: 'newest', page: 1, pageSize: 20 })).hits.map((h) => h.id);
  return { items, found };
}

describeEachDialect('an index built by an earlier version, rebuilt while the server serves', (db) => {
  it('is rewritten a round at a time, oldest first, each turn ending when its time is up, and then recorded current', async () => {
    const deps = buildDeps(db());
    const { items, found } = await outdatedIndex(deps);
    expect(await indexCondition(deps)).toBe('outdated');
    expect(await found('路灯维修')).toEqual([]);

    // A clock that has run past the budget after the first round: the turn rewrites two items and stops.
    let tick = 0;
    const turn = await upgradeIndexStep(deps, { round: 2, budgetMs: 1_000, now: () => (tick++ === 0 ? 0 : 5_000) });
    expect(turn).toEqual({ rewritten: 2, finished: false });
    expect(await indexCondition(deps)).toBe('outdated');
    // The oldest items first: the first item, renamed, is found by its new title; the rest answer from their old entries.
    expect(await found('路灯维修')).toEqual([items[0]]);
    expect((await found('燃气安全')).sort()).toEqual(items.slice(1).sort());

    expect(await upgradeIndexStep(deps, { round: 2 })).toEqual({ rewritten: 3, finished: true });
    expect(await indexCondition(deps)).toBe('current');
    const state = await deps.db.selectFrom('search_state').select('tokenizer_version').executeTakeFirstOrThrow();
    expect(state.tokenizer_version).toBe(TOKENIZER_VERSION);
    expect(await upgradeIndexStep(deps)).toEqual({ rewritten: 0, finished: true });
  });

  it('as a background job: turns until the index is current, then nothing more in this process; a stop ends a turn between batches', async () => {
    const deps = buildDeps(db());
    const { items, found } = await outdatedIndex(deps);
    const stopped = new AbortController();
    stopped.abort(new Error('服务停止'));
    await expect(upgradeIndexStep(deps, { signal: stopped.signal })).rejects.toThrow('服务停止');
    expect(await indexCondition(deps)).toBe('outdated');

    // (The database is the describe's: the first test's items are outdated again too.)
    const entries = (await deps.db.selectFrom('search_docs').select('publication_id').execute()).length;
    const run = indexUpgradeRun(deps, { budgetMs: 60_000 });
    expect(await run(new AbortController().signal)).toEqual({ rewritten: entries, finished: true });
    expect(await found('路灯维修')).toEqual([items[0]]);
    expect(await run(new AbortController().signal)).toBeUndefined();
  });

  it('leaves a never-built index to the start, which builds it before serving', async () => {
    const deps = buildDeps(db());
    await sql`delete from search_state`.execute(deps.db);
    expect(await indexCondition(deps)).toBe('unbuilt');
    expect(await upgradeIndexStep(deps)).toEqual({ rewritten: 0, finished: false });
  });
});
