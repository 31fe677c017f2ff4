import type { ItemKind } from '../domain/interpretation.ts';
import type { DocumentNumberHolder } from '../domain/document-number-taken.ts';
import type { Executor } from './executor.ts';

/**
 * The organ's items, withdrawn ones aside, whose 文号 is one of `spellings` (storedSpellingsOf: the spellings one key
 * can have once stored in the standard spelling), with the policies each interpretation among them explains. Read by
 * equality on publications_organ_document_number (migration 078): a handful of rows, never the organ's catalog.
 */
export async function documentNumberHolders(db: Executor, organId: number, spellings: readonly string[], exceptId: number | null = null): Promise<DocumentNumberHolder[]> {
  const wanted = [...new Set(spellings)];
  const rows: { id: number; title: string; status: string; item_kind: string; document_number: string | null }[] = [];
  // An import asks for every row's spellings at once: in slices, as a statement's parameters are bounded.
  for (let i = 0; i < wanted.length; i += 500) {
    let q = db.selectFrom('publications').select(['id', 'title', 'status', 'item_kind', 'document_number'])
      .where('organ_id', '=', organId).where('document_number', 'in', wanted.slice(i, i + 500)).where('status', '!=', 'withdrawn');
    if (exceptId !== null) q = q.where('id', '!=', exceptId);
    rows.push(...await q.orderBy('id').execute());
  }
  const interpretationIds = rows.filter((r) => r.item_kind === 'interpretation').map((r) => r.id);
  const links: { interpretation_id: number; policy_id: number }[] = [];
  for (let i = 0; i < interpretationIds.length; i += 500) {
    links.push(...await db.selectFrom('policy_interpretations').select(['interpretation_id', 'policy_id']).where('interpretation_id', 'in', interpretationIds.slice(i, i + 500)).execute());
  }
  return rows.map((r) => ({
    id: r.id, title: r.title, status: r.status, itemKind: r.item_kind as ItemKind, documentNumber: r.document_number ?? '',
    interprets: links.filter((l) => l.interpretation_id === r.id).map((l) => l.policy_id),
  }));
}
