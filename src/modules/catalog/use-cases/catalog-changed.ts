import type { Executor } from '../storage/executor.ts';
import { bumpCatalogVersion } from '../storage/catalog-versions-repository.ts';

/**
 * Records, in the caller's transaction, that what an organ's public catalog shows has changed: its
 * tree, its nodes' item counts, its item lists. Every instance then rebuilds its cached tree with
 * counts on the next request (docs/performance.md "Catalog counts"). Callers: the review verbs that
 * change what the public sees, the publication of imported items, and every change of a node.
 */
export const catalogChanged = (trx: Executor, organId: number, at: string) => bumpCatalogVersion(trx, organId, at);
