/**
 * A 文号 cell that says "none": spreadsheets and pages saved from older sites write —, －, ——, -, /,
 * 无 or 暂无 where a document has no 文号. The import reads such a mark as an empty 文号 and tells the
 * row (never silently); any other 文号 of punctuation only (？？, 〔〕) is left to the item schema,
 * which refuses it. The staff form and the items API take no such marks: a person there leaves it empty.
 */

/** Dashes of every width (-, －, —, –, ―, ‐, ─) in a run, or one or two slashes. */
const MARK = /^(?:[-－—–―‐‑‒─━]+|[/／]{1,2})$/u;
const WORDS = new Set(['无', '暂无', '无文号', '没有']);

/** Whether a 文号 as written (spaces, full-width ones too, ignored) only says there is none. */
export function isNoneDocumentNumber(value: string): boolean {
  const v = value.replace(/[\s\u3000]+/gu, '');
  return v !== '' && (MARK.test(v) || WORDS.has(v));
}

/** What the import tells of such a row: 文号“—”表示无文号，已按无文号导入. */
export const noneDocumentNumberNotice = (value: string): string => `文号“${value.trim()}”表示无文号，已按无文号导入`;
