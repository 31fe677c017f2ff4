import type { AppDeps } from '../../../platform/app-deps.ts';
import { contentChanged } from '../../../platform/db/content-version.ts';
import type { ChunkRow } from '../domain/index-entry.ts';
import { TOKENIZER_VERSION } from '../domain/tokenize.ts';
import { fullTextIndexFor } from '../storage/full-text-index.ts';
import { clearDocs, loadIndexSources, publicationStamps, publishedIds, stampOf, saveRebuiltState, staleDocIds } from '../storage/search-repository.ts';
import { indexEntryOf, indexPartsOf, indexPublication, isIndexable, writeIndexEntries } from './index-publication.ts';
import { TokenizePool } from './tokenize-pool.ts';

const BATCH = 200;

type Prepared = { id: number; stamp: string | undefined; entry: { src: NonNullable<Awaited<ReturnType<typeof loadIndexSources>>[number]>; rows: ChunkRow[] } | null }[];

/**
 * Rebuilds the index for every published item (or those of some organs), on every core: worker
 * threads cut and segment one batch of items while the previous batch is written. Each batch is
 * written in its own short transaction, so the server keeps serving: a reader sees each item's old
 * entry or its new one, never none. Items no longer published lose their entry.
 */
export async function reindex(
  deps: AppDeps,
  opts: { organIds?: number[] | null; onProgress?: (done: number, total: number) => void | Promise<void>; onCompact?: () => void; threads?: number; batchSize?: number } = {},
) {
  const organIds = opts.organIds ?? null;
  const index = fullTextIndexFor(deps.dialect);
  const ids = [...new Set([...(await publishedIds(deps.db, organIds)), ...(await staleDocIds(deps.db, organIds))])];
  const pool = new TokenizePool(opts.threads);
  try {
    await rewriteEntries(deps, pool, ids, opts);
  } finally {
    await pool.close();
  }
  // A whole rebuild wrote the index batch by batch; merging its pieces makes every later search read
  // less. One organ's rebuild leaves it as publishing does (FTS5's own merging), instead of merging the
  // index of every organ.
  if (!organIds) {
    opts.onCompact?.();
    await index.compact(deps.db, () => new Promise((resolve) => setImmediate(resolve)));
  }
  if (!organIds) await saveRebuiltState(deps.db, TOKENIZER_VERSION, deps.clock.now().toISOString());
  // Searches answered while the rebuild ran may have seen items' old entries (another tokenizer's):
  // the results kept per content version (search-cache.ts) are dropped.
  await contentChanged(deps.db, deps.clock.now().toISOString());
  return { items: ids.length };
}

/**
 * Writes the entries of these items again, batch by batch, each batch in its own transaction: a published item's entry
 * from its current text, an item no longer published taken out. The pool's threads cut and segment the next batch while
 * one is written.
 */
export async function rewriteEntries(
  deps: AppDeps,
  pool: TokenizePool,
  ids: number[],
  opts: { onProgress?: (done: number, total: number) => void | Promise<void>; batchSize?: number } = {},
): Promise<void> {
  const prepare = async (batch: number[]): Promise<Prepared> => {
    const sources = await loadIndexSources(deps.db, batch);
    const kept = sources.filter(isIndexable);
    const rows = await pool.tokenize(await Promise.all(kept.map((src) => indexPartsOf(deps, src))));
    const entryOf = new Map(kept.map((src, i) => [src.row.id, { src, rows: rows[i] }]));
    const stamps = new Map(sources.filter((x) => x !== null).map((x) => [x.row.id, stampOf(x.row)]));
    return batch.map((id) => ({ id, stamp: stamps.get(id), entry: entryOf.get(id) ?? null }));
  };
  const batches: number[][] = [];
  const size = opts.batchSize ?? BATCH;
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  let done = 0;
  let next = batches.length ? prepare(batches[0]) : null;
  for (let b = 0; b < batches.length; b++) {
    const prepared = await next!;
    // The next batch is read and handed to the threads before this one is written.
    next = b + 1 < batches.length ? prepare(batches[b + 1]) : null;
    next?.catch(() => {}); // awaited in the next round; a failure there is reported there
    await deps.db.transaction().execute(async (trx) => {
      // An item changed since its batch was read (published, withdrawn, amended meanwhile) is
      // indexed again here, from what the transaction sees, as a single publish would be.
      const now = await publicationStamps(trx, prepared.map((p) => p.id));
      const changed = prepared.filter((p) => now.get(p.id) !== p.stamp);
      const unchanged = prepared.filter((p) => now.get(p.id) === p.stamp);
      await clearDocs(trx, fullTextIndexFor(deps.dialect), unchanged.map((p) => p.id));
      await writeIndexEntries(trx, deps, unchanged.flatMap((p) => (p.entry ? [indexEntryOf(deps, p.entry.src, p.entry.rows)] : [])));
      for (const p of changed) await indexPublication(trx, deps, p.id);
    });
    done += prepared.length;
    await opts.onProgress?.(done, ids.length);
  }
}
