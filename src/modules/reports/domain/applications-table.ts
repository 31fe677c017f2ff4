import { APPLICANT_TYPES, FIGURE_ROWS, OUTCOME_KEYS, ROW_CARRIED_IN, ROW_CARRIED_OUT, ROW_RECEIVED, ROW_RESULTS_TOTAL, TOTAL_COLUMN } from './report-format.ts';
import type { ApplicationRow, CountTable } from './report-types.ts';
import { placeApplication } from './year-rules.ts';

/** A table 三 of zeros: every figure row × every applicant column and 总计. */
export function emptyApplicationsTable(): CountTable {
  return Object.fromEntries(FIGURE_ROWS.map((r) => [r.key, Object.fromEntries([...APPLICANT_TYPES, TOTAL_COLUMN].map((c) => [c, 0]))]));
}

/**
 * Table 三 of `year` from applications (one row each, or aggregated with `count`), by the year
 * rules of year-rules.ts. An application closed in the year with no outcome, or with an unknown
 * type, is left out of 三 so that the consistency check names the cells it breaks.
 */
export function computeApplicationsTable(rows: ApplicationRow[], year: number): CountTable {
  const t = emptyApplicationsTable();
  const add = (row: string, type: string, n: number) => {
    t[row][type] += n;
    t[row][TOTAL_COLUMN] += n;
  };
  for (const a of rows) {
    if (!APPLICANT_TYPES.includes(a.applicantType)) continue;
    const n = a.count ?? 1;
    const p = placeApplication(a, year);
    if (p.received) add(ROW_RECEIVED, a.applicantType, n);
    if (p.carriedIn) add(ROW_CARRIED_IN, a.applicantType, n);
    if (p.closedAs !== null && OUTCOME_KEYS.includes(p.closedAs)) {
      add(p.closedAs, a.applicantType, n);
      add(ROW_RESULTS_TOTAL, a.applicantType, n);
    }
    if (p.carriedOut) add(ROW_CARRIED_OUT, a.applicantType, n);
  }
  return t;
}
