import type { AppDeps } from '../../../platform/app-deps.ts';
import { contentChanged } from '../../../platform/db/content-version.ts';
import { TOKENIZER_VERSION } from '../domain/tokenize.ts';
import { fullTextIndexFor } from '../storage/full-text-index.ts';
import { anyDocWithOtherVersion, otherVersionDocIds, saveRebuiltState, tokenizerState } from '../storage/search-repository.ts';
import { rewriteEntries } from './reindex.ts';
import { TokenizePool } from './tokenize-pool.ts';

/**
 * What the index is to this version of the code: `unbuilt` (a new database, or a rebuild that never finished), `outdated`
 * (built, but entries of another tokenizer version remain: an upgrade changed what an entry holds), or `current`.
 */
export type IndexCondition = 'unbuilt' | 'outdated' | 'current';

export async function indexCondition(deps: AppDeps): Promise<IndexCondition> {
  const state = await tokenizerState(deps.db);
  if (state === null) return 'unbuilt';
  if (state !== TOKENIZER_VERSION) return 'outdated';
  return (await anyDocWithOtherVersion(deps.db, TOKENIZER_VERSION)) ? 'outdated' : 'current';
}

/** Items a round of the upgrade takes: five of a rebuild's batches, so the threads are kept busy while one is written. */
const ROUND = 1_000;

/**
 * One turn of the background upgrade of an outdated index (docs/search.md, "Keeping the index current"): the entries of
 * another tokenizer version are written again, a round of items at a time, oldest first, until none is left or, after a
 * round, `budgetMs` has passed since the turn began (the next turn goes on). The last turn merges the index's pieces and records the new
 * version. Meanwhile a search answers from each item's old entry or its new one, as during `gongkai reindex`. A stop
 * (`signal`) ends the turn between two batches, leaving nothing half written.
 */
export async function upgradeIndexStep(
  deps: AppDeps,
  opts: { budgetMs?: number; round?: number; batchSize?: number; threads?: number; signal?: AbortSignal; now?: () => number } = {},
): Promise<{ rewritten: number; finished: boolean }> {
  const condition = await indexCondition(deps);
  // Never built: the start builds it before serving (bootstrap), as the first start of the demo does.
  if (condition !== 'outdated') return { rewritten: 0, finished: condition === 'current' };
  const now = opts.now ?? (() => performance.now());
  const began = now();
  const budget = opts.budgetMs ?? Infinity;
  let rewritten = 0;
  let pool: TokenizePool | null = null;
  try {
    let last = '';
    for (;;) {
      opts.signal?.throwIfAborted();
      const ids = await otherVersionDocIds(deps.db, TOKENIZER_VERSION, opts.round ?? ROUND);
      if (!ids.length) break;
      // At least one round a turn, so every turn moves the upgrade on.
      if (rewritten > 0 && now() - began >= budget) return { rewritten, finished: false };
      // Each round must leave its items at this version; the same items twice would be a loop.
      const key = ids.join(',');
      if (key === last) throw new Error(`检索索引升级未能改写这些信息的索引：${ids.slice(0, 10).join('、')}`);
      last = key;
      pool ??= new TokenizePool(opts.threads);
      await rewriteEntries(deps, pool, ids, { batchSize: opts.batchSize, onProgress: () => opts.signal?.throwIfAborted() });
      rewritten += ids.length;
    }
  } finally {
    await pool?.close();
  }
  await fullTextIndexFor(deps.dialect).compact(deps.db, () => new Promise((resolve) => setImmediate(resolve)));
  await saveRebuiltState(deps.db, TOKENIZER_VERSION, deps.clock.now().toISOString());
  // Searches kept from before answered from old entries.
  await contentChanged(deps.db, deps.clock.now().toISOString());
  return { rewritten, finished: true };
}

/**
 * The background job's run: a turn of the upgrade while the index is outdated; once this process has seen it current, nothing
 * more (only a new version of the code, which starts a new process, makes it outdated again).
 */
export function indexUpgradeRun(deps: AppDeps, opts: { budgetMs: number }): (signal: AbortSignal) => Promise<{ rewritten: number; finished: boolean } | undefined> {
  let current = false;
  return async (signal) => {
    if (current) return undefined;
    const r = await upgradeIndexStep(deps, { budgetMs: opts.budgetMs, signal });
    if (r.finished) current = true;
    if (r.rewritten) deps.logger.info({ rewritten: r.rewritten, finished: r.finished }, r.finished ? '检索索引已按新版本重建完毕' : '检索索引正在后台按新版本重建');
    return r;
  };
}
