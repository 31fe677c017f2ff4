import { APPLICANT_TYPES, TOTAL_COLUMN, columnLabel, isAmountColumn } from './report-format.ts';

export type EnteredCell = { row: string; column: string };
export type FieldError = { field: string; message: string };

const WHOLE = /^\d{1,9}$/;
const AMOUNT = /^\d{1,9}(\.\d{1,4})?$/;

/** Reads one entered figure: '' is “not entered” (null); counts are whole numbers, 万元 amounts may have 4 decimals. */
export function readFigure(raw: unknown, column: string): number | null | FieldError['message'] {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim().replace(/,/g, '') : '';
  if (text === '') return null;
  if (isAmountColumn(column)) return AMOUNT.test(text) ? Number(text) : '应为不小于 0 的金额（万元），最多四位小数';
  return WHOLE.test(text) ? Number(text) : '应为不小于 0 的整数';
}

/**
 * Table 二 figures as staff enter them (keyed by row label): the cells given, the ones cleared,
 * and every error at once. Rows not among `cells` are refused, so a typo never becomes a new row.
 */
export function parseEnteredFigures(raw: Record<string, unknown>, cells: EnteredCell[]): { values: Record<string, number | null>; errors: FieldError[] } {
  const values: Record<string, number | null> = {};
  const errors: FieldError[] = [];
  for (const [row, v] of Object.entries(raw)) {
    const cell = cells.find((c) => c.row === row);
    if (!cell) {
      errors.push({ field: row, message: `表二没有“${row}”这一项` });
      continue;
    }
    const n = readFigure(v, cell.column);
    if (typeof n === 'string') errors.push({ field: row, message: `“${row}”${n}` });
    else values[row] = n;
  }
  return { values, errors };
}

/** Row 四 of a year's table 三 entered by hand: the six applicant columns, 总计 computed. */
export function parseCarriedOut(raw: Record<string, unknown>): { values: Record<string, number>; errors: FieldError[] } {
  const values: Record<string, number> = {};
  const errors: FieldError[] = [];
  for (const c of APPLICANT_TYPES) {
    const n = readFigure(raw[c] ?? '', c);
    if (typeof n === 'string') errors.push({ field: c, message: `“${columnLabel(c)}”${n}` });
    else if (n === null) errors.push({ field: c, message: `请填写“${columnLabel(c)}”（没有则填 0）` });
    else values[c] = n;
  }
  values[TOTAL_COLUMN] = APPLICANT_TYPES.reduce((s, c) => s + (values[c] ?? 0), 0);
  return { values, errors };
}
