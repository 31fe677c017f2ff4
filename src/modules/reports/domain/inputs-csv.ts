import type { EnteredCell, FieldError } from './entered-figures.ts';
import { readFigure } from './entered-figures.ts';

export const CSV_ORGAN = '机关代码';
export const CSV_YEAR = '年度';

export type CsvInputRow = { line: number; organCode: string | null; year: number; values: Record<string, number | null> };

/** Splits CSV text (RFC 4180 quotes, comma or tab, BOM tolerated) into trimmed cells per line. */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  const sep = src.split('\n', 1)[0].includes('\t') && !src.split('\n', 1)[0].includes(',') ? '\t' : ',';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(cell.trim()), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      (row = []), (cell = '');
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell.trim()]);
  return rows.filter((r) => r.some((c) => c !== ''));
}

/**
 * Table 二 figures from another system as CSV: a header naming 年度, optionally 机关代码, and any of
 * the entered rows by their label in annual-report-format.json (行政许可, 行政处罚, 行政强制,
 * 行政事业性收费); then one line per organ-year. Every error is reported with its line.
 */
export function parseInputsCsv(text: string, cells: EnteredCell[], maxYear: number): { rows: CsvInputRow[]; errors: FieldError[] } {
  const [header, ...lines] = splitCsv(text);
  const errors: FieldError[] = [];
  if (!header) return { rows: [], errors: [{ field: 'csv', message: 'CSV 文件为空' }] };
  const yearAt = header.indexOf(CSV_YEAR);
  const organAt = header.indexOf(CSV_ORGAN);
  if (yearAt < 0) errors.push({ field: 'csv', message: `第 1 行（表头）缺少“${CSV_YEAR}”列` });
  const columns = header.map((h, i) => ({ i, cell: cells.find((c) => c.row === h) })).filter((c) => c.cell);
  const unknown = header.filter((h, i) => i !== yearAt && i !== organAt && !cells.some((c) => c.row === h) && h !== '');
  if (unknown.length) errors.push({ field: 'csv', message: `第 1 行（表头）有不认识的列：${unknown.join('、')}；可用的列为 ${[CSV_ORGAN, CSV_YEAR, ...cells.map((c) => c.row)].join('、')}` });
  if (!columns.length) errors.push({ field: 'csv', message: `第 1 行（表头）没有可导入的项目（${cells.map((c) => c.row).join('、')}）` });
  if (errors.length) return { rows: [], errors };
  const rows: CsvInputRow[] = [];
  lines.forEach((cellsOfLine, n) => {
    const line = n + 2;
    const year = Number(cellsOfLine[yearAt]);
    if (!Number.isInteger(year) || year < 2008 || year > maxYear) errors.push({ field: 'csv', message: `第 ${line} 行：年度“${cellsOfLine[yearAt] ?? ''}”无效` });
    const values: Record<string, number | null> = {};
    for (const c of columns) {
      const v = readFigure(cellsOfLine[c.i] ?? '', c.cell!.column);
      if (typeof v === 'string') errors.push({ field: 'csv', message: `第 ${line} 行“${c.cell!.row}”${v}` });
      else values[c.cell!.row] = v;
    }
    rows.push({ line, organCode: organAt >= 0 ? cellsOfLine[organAt] || null : null, year, values });
  });
  return { rows: errors.length ? [] : rows, errors };
}
