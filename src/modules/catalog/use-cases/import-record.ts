import { auditEventsFor } from '../../audit/index.ts';
import { addressKey, oldAddressOf } from '../domain/redirect-address.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { findPublication } from '../storage/publications-repository.ts';

const isPage = (url: string, page: string) => {
  const a = oldAddressOf(url);
  return a !== null && addressKey(a) === page;
};

/**
 * How an item came in by a content import (docs/import-export.md "Published history or drafts"), as
 * its `publication.import` audit entry recorded it: when, by whom, from which file, as published
 * history or a draft, and the old site's addresses (原网址) it had — not its own page, which an
 * export names and the item kept. Null for an item made here.
 */
export type ImportRecord = {
  at: string; by: string; from: string; mode: 'published' | 'draft' | null; oldUrls: string[];
  /** Published history the import's privacy and secrecy scan held back as a draft: what it found where (正文：手机号码). */
  heldForReview: string[];
};

export async function importRecordOf(db: Executor, publicationId: number): Promise<ImportRecord | null> {
  const entry = (await auditEventsFor(db, 'publication', String(publicationId))).find((e) => e.action === 'publication.import');
  if (!entry) return null;
  const item = await findPublication(db, publicationId);
  const organ = item ? await findOrganById(db, item.organId) : null;
  const ownPage = organ ? `/organs/${encodeURIComponent(organ.code)}/items/${publicationId}` : null;
  const after = (entry.after_json ? JSON.parse(entry.after_json) : {}) as { from?: unknown; mode?: unknown; oldUrls?: unknown; heldForReview?: unknown };
  return {
    at: entry.occurred_at,
    by: entry.actor_label,
    from: typeof after.from === 'string' ? after.from : '',
    mode: after.mode === 'published' || after.mode === 'draft' ? after.mode : null,
    // Not the item's own page: an import before this rule recorded it when the item kept its number.
    oldUrls: Array.isArray(after.oldUrls) ? after.oldUrls.filter((u): u is string => typeof u === 'string' && !(ownPage && isPage(u, ownPage))) : [],
    heldForReview: Array.isArray(after.heldForReview) ? after.heldForReview.filter((h): h is string => typeof h === 'string') : [],
  };
}
