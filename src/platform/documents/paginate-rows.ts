import type { PlacedCell, TableGrid } from './table-grid.ts';

export type RowRange = { start: number; end: number };

/**
 * Row heights that fit every cell: a one-row cell sets its row's minimum; a cell spanning rows that
 * needs more than its rows give spreads the difference evenly over them.
 */
export function fitRowHeights(grid: TableGrid, minRowHeight: number, need: (cell: PlacedCell) => number): number[] {
  const heights = Array.from({ length: grid.rowCount }, () => minRowHeight);
  for (const c of grid.cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row], need(c));
  const spanning = grid.cells.filter((c) => c.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan);
  for (const c of spanning) {
    const have = sumRange(heights, c.row, c.row + c.rowSpan);
    const missing = need(c) - have;
    if (missing > 0) for (let r = c.row; r < c.row + c.rowSpan; r++) heights[r] += missing / c.rowSpan;
  }
  return heights;
}

/** What cutting a cell's text off from its cell costs, against 1 per merged cell cut. */
const CUT_TEXT_COST = 1000;

/**
 * The cost of a page break before each row: the merged cells it cuts (rowCrossings), plus a heavy
 * cost where a cut cell's text would not fit in the part left above the break (its text is drawn
 * there; see pdf-table.ts).
 */
export function rowCutCosts(grid: TableGrid, heights: number[], crossings: number[], need: (cell: PlacedCell) => number): number[] {
  const costs = [...crossings];
  for (const c of grid.cells) {
    let above = 0;
    for (let b = c.row + 1; b < c.row + c.rowSpan; b++) {
      above += heights[b - 1];
      if (above < need(c)) costs[b] += CUT_TEXT_COST;
    }
  }
  return costs;
}

/**
 * The runs of rows that stay together on a page. The table is first cut where no merged cell is
 * cut (bands); a band taller than a page is cut again where the fewest merged cells are cut
 * (in the annual report: between the （三）（四）（五） groups under "三、本年度办理结果"), and so on
 * down to single rows. `costs` is rowCrossings or rowCutCosts.
 */
export function pageUnits(heights: number[], costs: number[], pageRoom: number): RowRange[] {
  const units: RowRange[] = [];
  const cutAt = (start: number, end: number, level: number, recurse: (s: number, e: number) => void) => {
    let from = start;
    for (let b = start + 1; b < end; b++) {
      if (costs[b] === level) {
        recurse(from, b);
        from = b;
      }
    }
    recurse(from, end);
  };
  const split = (start: number, end: number): void => {
    if (end - start === 1 || sumRange(heights, start, end) <= pageRoom) {
      units.push({ start, end });
      return;
    }
    let level = Infinity;
    for (let b = start + 1; b < end; b++) level = Math.min(level, costs[b]);
    cutAt(start, end, level, split);
  };
  if (heights.length) cutAt(0, heights.length, 0, split);
  return units;
}

/** Rows [start, end) drawn on one page; `freshPage` says a page break comes before them. */
export type PageSlice = RowRange & { freshPage: boolean };

/**
 * Packs the units onto pages: a unit that does not fit in what is left of the page starts the
 * next one. `firstRoom` is the height left for body rows on the current page, `pageRoom` on a
 * fresh page (both after the repeated header). A single row taller than a page overflows it.
 */
export function paginateRows(heights: number[], units: RowRange[], firstRoom: number, pageRoom: number): PageSlice[] {
  const pages: PageSlice[] = [];
  let start = units.length ? units[0].start : 0;
  let room = firstRoom;
  let used = 0;
  let freshPage = false;
  for (const unit of units) {
    const h = sumRange(heights, unit.start, unit.end);
    if (used + h > room && (used > 0 || room < pageRoom)) {
      if (unit.start > start) pages.push({ start, end: unit.start, freshPage });
      start = unit.start;
      room = pageRoom;
      used = 0;
      freshPage = true;
    }
    used += h;
  }
  const end = units.length ? units[units.length - 1].end : start;
  if (end > start) pages.push({ start, end, freshPage });
  return pages;
}

export function sumRange(xs: number[], start: number, end: number): number {
  let s = 0;
  for (let i = start; i < end; i++) s += xs[i];
  return s;
}
