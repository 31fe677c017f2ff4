import { documentNumberKey } from '../../../shared/document-number.ts';
import { PUBLICATION_STATUS_LABELS, type PublicationStatus } from './labels.ts';
import type { ItemKind } from './interpretation.ts';

/**
 * One 文号, one document (docs/rules/proactive-disclosure.md, "文号"): GB/T 9704-2012 7.2.4 makes the 发文字号 the
 * organ's 代字, the year and the serial it gives each document it issues, so two items of one organ with one 文号 are
 * one document filed twice or a 文号 typed wrong. The code of the refusal (docs/errors.md).
 */
export const DOCUMENT_NUMBER_TAKEN = 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN';

/** Another item of the organ holding a 文号: what the refusal names. */
export type DocumentNumberHolder = { id: number; title: string; status: string; itemKind: ItemKind; documentNumber: string; interprets: number[] };

/** The item being saved (or an import's row): its id once it has one, its kind and the policies it explains. */
export type DocumentNumberClaimant = { id: number | null; itemKind: ItemKind; policyIds: readonly number[] };

/**
 * The spellings a stored 文号 of this key can have once stored in the standard spelling (shared/document-number.ts):
 * 岚建〔2026〕56号, and the 年 forms the key takes as the same (岚建2026年56号, 岚建2026年第56号). Any other key: the
 * standard spelling itself. Compared by equality (an index), never by pattern.
 */
export function storedSpellingsOf(standard: string): string[] {
  const m = /^(.+)\|(\d{4})\|(\d+)$/u.exec(documentNumberKey(standard));
  if (!m) return [standard];
  const [, prefix, year, serial] = m;
  return [...new Set([standard, `${prefix}〔${year}〕${serial}号`, `${prefix}${year}年${serial}号`, `${prefix}${year}年第${serial}号`])];
}

/**
 * Whether `holder` may keep the 文号 `claimant` has: only an interpretation and the policy it explains, or two
 * interpretations of one policy (each quotes the policy's 文号; an interpretation has none of its own). A revision is the same item (its own id is never a holder);
 * a withdrawn item is never a holder (the storage leaves it out: a document withdrawn and issued again is one).
 */
export function sharesLegitimately(claimant: DocumentNumberClaimant, holder: DocumentNumberHolder): boolean {
  if (claimant.itemKind === 'interpretation' && claimant.policyIds.includes(holder.id)) return true;
  if (holder.itemKind === 'interpretation' && claimant.id !== null && holder.interprets.includes(claimant.id)) return true;
  // Two interpretations of one policy (a 文字解读 and its 图解) quote the same 文号.
  if (claimant.itemKind === 'interpretation' && holder.itemKind === 'interpretation' && holder.interprets.some((p) => claimant.policyIds.includes(p))) return true;
  return false;
}

/** The first holder of the same key that may not share it, or null. */
export function documentNumberConflict(claimant: DocumentNumberClaimant, documentNumber: string, holders: readonly DocumentNumberHolder[]): DocumentNumberHolder | null {
  const key = documentNumberKey(documentNumber);
  if (!key) return null;
  return holders.find((h) => h.id !== claimant.id && documentNumberKey(h.documentNumber) === key && !sharesLegitimately(claimant, h)) ?? null;
}

const statusLabel = (s: string) => PUBLICATION_STATUS_LABELS[s as PublicationStatus] ?? s;

/** The refusal's words, the same in the form, the API and the import (after 第N行：); the 文号 as the other item writes it. */
export const documentNumberTakenMessage = (holder: Pick<DocumentNumberHolder, 'id' | 'title' | 'status' | 'documentNumber'>) =>
  `文号“${holder.documentNumber}”已用于本机关的《${holder.title}》（编号 ${holder.id}，${statusLabel(holder.status)}）。一个文号只对应一份文件，请核对文号；如是同一文件，请修改或修订该信息，不要另建`;

/** An import's row repeating the 文号 of an earlier row of the same file. */
export const documentNumberRepeatedMessage = (documentNumber: string, earlierAt: string, earlierTitle: string) =>
  `文号“${documentNumber}”与${earlierAt}《${earlierTitle}》的文号相同。一个文号只对应一份文件，请核对文号`;
