import { lastRoundApprovals, type DecisionRecord, type SignedStep } from './forced-publication.ts';

/**
 * What the records say about an item a content import published (publish route `system_import`: the
 * demo data, the old-site importer, a bulk import of published history): the platform published it
 * without its review chain, so a stage shows as approved only when a signed decision here says so —
 * an import is no approval. Null when the item was not published by an import (an item imported as a
 * draft and then reviewed here has its chain like any other).
 */
export type ImportedPublication = {
  /** Stage position → a signed approval of it recorded on this platform (normally none). */
  approved: Map<number, SignedStep>;
};

export function importedPublicationOf(publishRoute: string | null, decisions: readonly DecisionRecord[]): ImportedPublication | null {
  if (publishRoute !== 'system_import') return null;
  return { approved: lastRoundApprovals(decisions) };
}
