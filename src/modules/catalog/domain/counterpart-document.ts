import { bookTitle } from '../../../shared/sentences.ts';
import type { Reason } from '../../../shared/workflow.ts';

/**
 * The document named by 标记已修改 (the amending document) or by 标记废止 (the 替代文件): what the law asks of it
 * (docs/adr/0048-amending-and-replacing-documents.md). A 政策解读 explains a document and has no force of its own, so it
 * neither amends nor repeals one; and a document is amended or replaced only by one made on or after it (the later act
 * of the organ, 立法法: 新的规定与旧的规定不一致的，适用新的规定). An outside tester marked an item 成文 2026-12-05
 * 已修改 by a 政策解读 published 2026-11-27, and the portal said so.
 *
 * The catalog's, so that every place an item names such a document asks the one rule (ADR 0054): the review's verbs
 * 标记已修改 and 标记废止, the item form's and the API's 替代文件 (save-publication.ts), and the content import's 替代文件
 * and 修改文件 columns. The codes stay the review's, as its verbs first gave them (docs/errors.md).
 */

/** When a document was made: its 成文日期 when one was entered (formedOnSet), and its publication date. */
export type DocumentDates = { formedOn: string | null; publishedOn: string | null };
export type CounterpartDocument = DocumentDates & { itemKind: 'document' | 'interpretation'; title: string };
export type CounterpartRole = 'amending' | 'replacement';

export const COUNTERPART_ERROR_CODES = {
  amending: { interpretation: 'ERR_REVIEW_AMENDING_INTERPRETATION', earlier: 'ERR_REVIEW_AMENDING_EARLIER' },
  replacement: { interpretation: 'ERR_REVIEW_REPLACEMENT_INTERPRETATION', earlier: 'ERR_REVIEW_REPLACEMENT_EARLIER' },
} as const;

const WORD: Record<CounterpartRole, { what: string; act: string }> = {
  amending: { what: '修改文件', act: '修改' },
  replacement: { what: '替代文件', act: '废止并替代' },
};

/**
 * Which dates are compared: both 成文日期 when both were entered; otherwise both publication dates (an imported or
 * older item may have none entered). Null: nothing to compare (a date is missing on either side).
 */
export function comparedDates(self: DocumentDates, other: DocumentDates): { label: '成文日期' | '发布日期'; own: string; theirs: string } | null {
  if (self.formedOn && other.formedOn) return { label: '成文日期', own: self.formedOn, theirs: other.formedOn };
  if (self.publishedOn && other.publishedOn) return { label: '发布日期', own: self.publishedOn, theirs: other.publishedOn };
  return null;
}

/** Every reason the named document cannot amend (or replace) the item; empty when it can, or when none is named. */
export function counterpartReasons(role: CounterpartRole, self: DocumentDates, other: CounterpartDocument | null | undefined): Reason[] {
  if (!other) return [];
  const reasons: Reason[] = [];
  const { what, act } = WORD[role];
  if (other.itemKind === 'interpretation') {
    reasons.push({
      code: COUNTERPART_ERROR_CODES[role].interpretation,
      message: `${bookTitle(other.title)}是政策解读，不能作为${what}：政策解读只解读文件，不能${act}文件；请填写${role === 'amending' ? '作出修改的决定或文件' : '替代本文件的现行文件'}`,
    });
  }
  const dates = comparedDates(self, other);
  if (dates && dates.theirs < dates.own) {
    reasons.push({
      code: COUNTERPART_ERROR_CODES[role].earlier,
      message: `${bookTitle(other.title)}的${dates.label}（${dates.theirs}）早于本文件的${dates.label}（${dates.own}），不能作为${what}：文件只能被在其之后制发的文件${act}`,
    });
  }
  return reasons;
}

/** A document's dates as the rule compares them: its 成文日期 only when one was entered (formedOnSet). */
export const documentDatesOf = (p: { formedOn: string; formedOnSet: boolean; publishedOn: string | null }): DocumentDates => ({
  formedOn: p.formedOnSet ? p.formedOn : null, publishedOn: p.publishedOn,
});
