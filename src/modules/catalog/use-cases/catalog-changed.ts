import type { Executor } from '../storage/executor.ts';
import { bumpCatalogVersion } from '../storage/catalog-versions-repository.ts';
import { contentChanged } from '../../../platform/db/content-version.ts';

/**
 * Records, in the caller's transaction, that what an organ's public catalog shows has changed: its
 * tree, its nodes' item counts, its item lists. Every instance then rebuilds its cached tree with
 * counts on the next request (docs/performance.md "Catalog counts"). Callers: the review verbs that
 * change what the public sees, the publication of imported items, and every change of a node.
 *
 * It also raises the site's content version, so every instance's rendered pages are rebuilt
 * (docs/adr/0021-rendered-page-cache.md).
 */
export async function catalogChanged(trx: Executor, organId: number, at: string): Promise<void> {
  await bumpCatalogVersion(trx, organId, at);
  await contentChanged(trx, at);
}
