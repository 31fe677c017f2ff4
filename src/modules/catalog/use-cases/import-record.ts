import { auditEventsFor } from '../../audit/index.ts';
import type { Executor } from '../storage/executor.ts';

/**
 * How an item came in by a content import (docs/import-export.md "Published history or drafts"), as
 * its `publication.import` audit entry recorded it: when, by whom, from which file, as published
 * history or a draft, and the old site's addresses (原网址) it had. Null for an item made here.
 */
export type ImportRecord = { at: string; by: string; from: string; mode: 'published' | 'draft' | null; oldUrls: string[] };

export async function importRecordOf(db: Executor, publicationId: number): Promise<ImportRecord | null> {
  const entry = (await auditEventsFor(db, 'publication', String(publicationId))).find((e) => e.action === 'publication.import');
  if (!entry) return null;
  const after = (entry.after_json ? JSON.parse(entry.after_json) : {}) as { from?: unknown; mode?: unknown; oldUrls?: unknown };
  return {
    at: entry.occurred_at,
    by: entry.actor_label,
    from: typeof after.from === 'string' ? after.from : '',
    mode: after.mode === 'published' || after.mode === 'draft' ? after.mode : null,
    oldUrls: Array.isArray(after.oldUrls) ? after.oldUrls.filter((u): u is string => typeof u === 'string') : [],
  };
}
