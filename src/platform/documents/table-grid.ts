import type { TableCell } from './document-model.ts';

/** A cell placed on the table's grid: where it starts and how far it reaches. */
export type PlacedCell = { cell: TableCell; row: number; col: number; rowSpan: number; colSpan: number };

export type TableGrid = {
  rowCount: number;
  columnCount: number;
  /** Cells in reading order (by starting row, then column). */
  cells: PlacedCell[];
  /** owner[row][col] is the cell covering that slot. */
  owner: PlacedCell[][];
};

/**
 * Places the rows of a table on a grid the way HTML does (a cell takes the next free slot), but
 * strictly: every row must cover the same number of columns, spans may not overlap and a row span
 * may not reach past the last row. DOCX and PDF draw from the grid, so a malformed table is an error
 * here rather than a broken file.
 */
export function layoutTable(rows: TableCell[][], columnCount?: number): TableGrid {
  const owner: PlacedCell[][] = rows.map(() => []);
  const cells: PlacedCell[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (owner[r][c]) c++;
      const placed: PlacedCell = { cell, row: r, col: c, rowSpan: span(cell.rowSpan), colSpan: span(cell.colSpan) };
      if (r + placed.rowSpan > rows.length) {
        throw new Error(`表格第 ${r + 1} 行的单元格“${cell.text}”跨 ${placed.rowSpan} 行，超出表格末行`);
      }
      for (let dr = 0; dr < placed.rowSpan; dr++) {
        for (let dc = 0; dc < placed.colSpan; dc++) {
          if (owner[r + dr][c + dc]) throw new Error(`表格第 ${r + dr + 1} 行第 ${c + dc + 1} 列被两个单元格占用`);
          owner[r + dr][c + dc] = placed;
        }
      }
      cells.push(placed);
      c += placed.colSpan;
    }
  });
  const widths = owner.map((slots) => slots.length);
  const expected = columnCount ?? Math.max(0, ...widths);
  widths.forEach((w, r) => {
    // A sparse row (a slot left empty under a row span) is as wrong as a short one.
    const filled = Array.from({ length: w }, (_, c) => owner[r][c]).filter(Boolean).length;
    if (w !== expected || filled !== w) throw new Error(`表格第 ${r + 1} 行占 ${filled} 列，应为 ${expected} 列`);
  });
  return { rowCount: rows.length, columnCount: expected, cells, owner };
}

function span(n: number | undefined): number {
  if (n === undefined) return 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`单元格跨行/跨列数必须是正整数，得到 ${n}`);
  return n;
}

/**
 * crossings[b] counts the merged cells that a page break before row b would cut (b = 0…rowCount).
 * A break where the count is 0 cuts none.
 */
export function rowCrossings(grid: TableGrid): number[] {
  const crossings = Array.from({ length: grid.rowCount + 1 }, () => 0);
  for (const c of grid.cells) for (let b = c.row + 1; b < c.row + c.rowSpan; b++) crossings[b]++;
  return crossings;
}

/** Column widths as fractions summing to 1, from relative weights (equal when absent). */
export function columnFractions(columnCount: number, weights?: number[]): number[] {
  if (weights && weights.length !== columnCount) {
    throw new Error(`columnWidths 有 ${weights.length} 项，表格有 ${columnCount} 列`);
  }
  const w = weights ?? Array.from({ length: columnCount }, () => 1);
  if (w.some((x) => !(x > 0))) throw new Error('columnWidths 必须都是正数');
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}
