/**
 * A 文号 that says "none": spreadsheets and pages saved from older sites write —, －, ——, -, /, 一 (a dash
 * typed as the character), 无, 暂无, 暂无文号, （无）, 空 or N/A where a document has no 文号. The import reads
 * such a mark as an empty 文号 and tells the row (never silently, transfer's parse-item); the staff form and
 * the items API refuse it with 没有文号的请留空 (publication-input.ts), so the two never disagree on what a
 * none mark is. Any other 文号 of punctuation only (？？, 〔〕) is refused by the item schema everywhere.
 */

/** Dashes of every width (-, －, —, –, ―, ‐, ─, and 一 typed for one) in a run, or one or two slashes. */
const MARK = /^(?:[-－—–―‐‑‒─━一]+|[/／]{1,2})$/u;
const WORDS = new Set(['无', '暂无', '无文号', '暂无文号', '没有', '空', 'n/a', 'na', 'none']);

/** Whether a 文号 as written (spaces, full-width ones too, and brackets around it ignored: （无）) only says there is none. */
export function isNoneDocumentNumber(value: string): boolean {
  const v = value.replace(/[\s\u3000]+/gu, '').replace(/^[（(【[〔](.*)[）)】\]〕]$/u, '$1').toLowerCase();
  return v !== '' && (MARK.test(v) || WORDS.has(v));
}

