import { APPEAL_GROUPS, APPEAL_PENDING, APPEAL_RESULTS, TOTAL_COLUMN } from './report-format.ts';
import type { AppealRow, CountTable } from './report-types.ts';
import { appealColumnOn, inYear } from './year-rules.ts';

export function emptyAppealsTable(): CountTable {
  return Object.fromEntries(APPEAL_GROUPS.map((g) => [g.key, Object.fromEntries([...APPEAL_RESULTS, TOTAL_COLUMN].map((c) => [c, 0]))]));
}

/**
 * Table 四 of `year`: the reconsideration and litigation cases filed in the year, by kind, each in
 * the column of its result as known on 31 December — decided later, or not yet, is 尚未审结.
 */
export function computeAppealsTable(rows: AppealRow[], year: number): CountTable {
  const t = emptyAppealsTable();
  for (const a of rows) {
    if (!inYear(a.filedOn, year) || !t[a.kind]) continue;
    const column = appealColumnOn(a, year, APPEAL_PENDING);
    if (!APPEAL_RESULTS.includes(column)) continue;
    const n = a.count ?? 1;
    t[a.kind][column] += n;
    t[a.kind][TOTAL_COLUMN] += n;
  }
  return t;
}
