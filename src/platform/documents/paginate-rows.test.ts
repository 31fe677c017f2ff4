import { describe, expect, it } from 'vitest';
import { fitRowHeights, pageUnits, paginateRows, rowCutCosts } from './paginate-rows.ts';
import { layoutTable, rowCrossings } from './table-grid.ts';
import { annualReportApplicationsTable } from './testing/annual-report-table.ts';

describe('fitRowHeights', () => {
  it('gives a tall merged cell the height it needs, spread over its rows', () => {
    const grid = layoutTable([[{ text: 'tall', rowSpan: 2 }, { text: 'a' }], [{ text: 'b' }]]);
    const heights = fitRowHeights(grid, 10, (c) => (c.cell.text === 'tall' ? 50 : 12));
    expect(heights).toEqual([25, 25]);
  });

  it('keeps the rows as they are when they already hold the merged cell', () => {
    const grid = layoutTable([[{ text: 'short', rowSpan: 2 }, { text: 'a' }], [{ text: 'b' }]]);
    expect(fitRowHeights(grid, 10, (c) => (c.cell.text === 'short' ? 15 : 12))).toEqual([12, 12]);
  });
});

describe('pageUnits', () => {
  const body = layoutTable(annualReportApplicationsTable().rows, 10);
  const heights = Array.from({ length: body.rowCount }, () => 10);

  it('keeps the 22 rows under 三、本年度办理结果 together when a page holds them', () => {
    const units = pageUnits(heights, rowCrossings(body), 1000);
    expect(units).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 24 }, { start: 24, end: 25 }]);
  });

  it('cuts that band between its groups, not inside them, when a page cannot hold it', () => {
    const units = pageUnits(heights, rowCrossings(body), 100);
    expect(units.slice(2, 9)).toEqual([
      { start: 2, end: 3 }, { start: 3, end: 4 }, { start: 4, end: 12 }, { start: 12, end: 15 },
      { start: 15, end: 20 }, { start: 20, end: 23 }, { start: 23, end: 24 },
    ]);
  });
});

describe('paginateRows', () => {
  const heights = [10, 10, 10, 10, 10, 10];
  const units = [{ start: 0, end: 2 }, { start: 2, end: 5 }, { start: 5, end: 6 }];

  it('moves a unit that does not fit to the next page', () => {
    expect(paginateRows(heights, units, 35, 40)).toEqual([
      { start: 0, end: 2, freshPage: false },
      { start: 2, end: 6, freshPage: true },
    ]);
  });

  it('starts the table on a new page when not even its first unit fits', () => {
    expect(paginateRows(heights, units, 15, 100)).toEqual([{ start: 0, end: 6, freshPage: true }]);
  });

  it('lets a single row taller than a page overflow its own page instead of looping', () => {
    expect(paginateRows([10, 80, 10], [{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 3 }], 50, 50)).toEqual([
      { start: 0, end: 1, freshPage: false },
      { start: 1, end: 2, freshPage: true },
      { start: 2, end: 3, freshPage: true },
    ]);
  });
});

describe('rowCutCosts', () => {
  it('makes a break that would leave a merged cell too short for its text cost far more than one cutting it', () => {
    const grid = layoutTable([[{ text: 'tall', rowSpan: 3 }, { text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]]);
    const costs = rowCutCosts(grid, [10, 10, 10], rowCrossings(grid), (c) => (c.cell.text === 'tall' ? 15 : 10));
    expect(costs).toEqual([0, 1001, 1, 0]);
    // So a page that cannot hold all three rows is cut after b, not after a.
    expect(pageUnits([10, 10, 10], costs, 25)).toEqual([{ start: 0, end: 2 }, { start: 2, end: 3 }]);
  });
});
