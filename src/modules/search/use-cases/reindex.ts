import type { AppDeps } from '../../../platform/app-deps.ts';
import { TOKENIZER_VERSION } from '../domain/tokenize.ts';
import { jiebaSegmenter } from '../segmenter/jieba-segmenter.ts';
import { docsWithOtherVersion, publishedIds, saveTokenizerState, staleDocIds, tokenizerState } from '../storage/search-repository.ts';
import { indexPublication } from './index-publication.ts';

const BATCH = 50;

/**
 * Rebuilds the index for every published item (or those of some organs). Each batch of items is
 * re-indexed in its own short transaction, so the server keeps serving: a reader sees each item's
 * old entry or its new one, never none. Items no longer published lose their entry.
 */
export async function reindex(deps: AppDeps, opts: { organIds?: number[] | null; onProgress?: (done: number, total: number) => void } = {}) {
  const organIds = opts.organIds ?? null;
  const segment = jiebaSegmenter();
  const ids = [...new Set([...(await publishedIds(deps.db, organIds)), ...(await staleDocIds(deps.db, organIds))])];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    await deps.db.transaction().execute(async (trx) => {
      for (const id of batch) await indexPublication(trx, deps, id, segment);
    });
    opts.onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  if (!organIds) await saveTokenizerState(deps.db, TOKENIZER_VERSION, deps.clock.now().toISOString());
  return { items: ids.length };
}

/** Whether the index was never built (a new or upgraded database) or built by another tokenizer version. */
export async function indexIsStale(deps: AppDeps): Promise<boolean> {
  const state = await tokenizerState(deps.db);
  if (state !== TOKENIZER_VERSION) return true;
  return (await docsWithOtherVersion(deps.db, TOKENIZER_VERSION)) > 0;
}
