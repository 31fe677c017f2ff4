import { PROACTIVE_BLOCKS } from './report-format.ts';
import type { ProactiveTable, RegulatoryDocRow } from './report-types.ts';
import { inYear, yearEnd } from './year-rules.ts';

/** The rows of table 二 whose figures come from other systems and are entered by staff (行政许可 …). */
export function enteredProactiveRows(documentRowLabels: string[]): { row: string; column: string }[] {
  return PROACTIVE_BLOCKS.flatMap((b) => b.rows.filter((r) => !documentRowLabels.includes(r)).map((row) => ({ row, column: b.columns[1] })));
}

/**
 * Table 二 of `year` (条例第二十条第（一）（五）（六）（八）项). The 规章 and 行政规范性文件 rows
 * (`documentRowLabels`, matched to the catalog's document types) are counted from published
 * documents: issued = formed (成文) in the year; repealed = 废止 with its end date in the year; in
 * force = formed by 31 December and not ended by then. Every other row is the figure staff entered
 * (null when not entered yet).
 */
export function computeProactiveTable(
  docs: RegulatoryDocRow[], entered: Record<string, number | null | undefined>, year: number, documentRowLabels: string[],
): ProactiveTable {
  const end = yearEnd(year);
  const t: ProactiveTable = {};
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      if (!documentRowLabels.includes(row)) {
        t[row] = { [block.columns[1]]: entered[row] ?? null };
        continue;
      }
      if (block.columns.length !== 4) throw new Error(`表二“${row}”应有 本年制发/本年废止/现行有效 三列`);
      const mine = docs.filter((d) => d.docTypeLabel === row && d.formedOn <= end);
      const [, issued, repealed, inForce] = block.columns;
      t[row] = {
        [issued]: mine.filter((d) => inYear(d.formedOn, year)).length,
        [repealed]: mine.filter((d) => d.repealed && inYear(d.endedOn, year)).length,
        [inForce]: mine.filter((d) => d.inForce || (d.endedOn !== null && d.endedOn > end)).length,
      };
    }
  }
  return t;
}
