import type { DuplicateCandidate } from '../../catalog/index.ts';

/** The stable code of a row that repeats an item of the organ or another row (docs/errors.md). */
export const POSSIBLE_DUPLICATE = 'WARN_TRANSFER_POSSIBLE_DUPLICATE';

/** A row the import takes for a second copy of an item, with what it repeats. */
export type DuplicateRow = { at: string; title: string; code: typeof POSSIBLE_DUPLICATE; message: string };

/** What of a row the rule compares. */
export type DuplicateKeyRow = { at: string; title: string; documentNumber: string; formedOn: string; publishedOn: string | null; indexNumber: string | null };

/** A title as the portal reads it: full-width letters and digits as half-width, no spaces. */
const titleKey = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
/** A 文号 in any bracket spelling (岚建〔2026〕3号, 岚建[2026]3号, 岚建（2026）3号 are one). */
const numberKey = (n: string) => n.normalize('NFKC').replace(/\s+/g, '').replace(/[〔〕[\]()（）【】［］]/g, '');

/**
 * The rule (docs/import-export.md, "Suspected duplicates"): the same title, the same 文号 (or none on
 * both) and the same 成文日期, and — when both have one — the same 发布日期. A draft has no 发布日期 yet;
 * an item republished on another day is a choice an officer makes in the editor, not by a second upload.
 */
const same = (a: DuplicateKeyRow, b: Omit<DuplicateKeyRow, 'at'>) =>
  // The same 索引号 is refused by the 索引号 check alone (docs/import-export.md): no second problem.
  !(a.indexNumber !== null && a.indexNumber === b.indexNumber) && a.formedOn === b.formedOn && titleKey(a.title) === titleKey(b.title) && numberKey(a.documentNumber) === numberKey(b.documentNumber)
  && (a.publishedOn === null || b.publishedOn === null || a.publishedOn === b.publishedOn);

const described = (c: DuplicateCandidate) =>
  `《${c.title}》（编号 ${c.id}${c.indexNumber ? `，索引号 ${c.indexNumber}` : ''}，${c.status === 'published' && c.publishedOn ? `${c.publishedOn}发布` : '尚未发布'}）`;

/**
 * Each row that repeats an item the organ has (withdrawn ones aside) or an earlier row of the file,
 * in the file's order: the item it repeats when there is one, else the earlier row.
 */
export function duplicateRows(rows: DuplicateKeyRow[], existing: DuplicateCandidate[]): DuplicateRow[] {
  const out: DuplicateRow[] = [];
  for (const [i, row] of rows.entries()) {
    const item = existing.find((c) => same(row, c));
    const earlier = item ? undefined : rows.slice(0, i).find((r) => same(row, r));
    if (!item && !earlier) continue;
    const message = item
      ? `疑似重复：本机关已有标题、文号、成文日期和发布日期相同的信息${described(item)}`
      : `疑似重复：与${earlier!.at}的标题、文号、成文日期和发布日期相同`;
    out.push({ at: row.at, title: row.title, code: POSSIBLE_DUPLICATE, message });
  }
  return out;
}

/** The refusal of a suspected duplicate the officer has not confirmed. */
export const unconfirmedDuplicate = (d: DuplicateRow) => `${d.message}。确属另一条信息、需要导入的，请选择“仍导入疑似重复的行”后重新导入`;
