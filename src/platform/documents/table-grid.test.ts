import { describe, expect, it } from 'vitest';
import { columnFractions, layoutTable, rowCrossings } from './table-grid.ts';
import { annualReportApplicationsTable } from './testing/annual-report-table.ts';

describe('layoutTable', () => {
  const table = annualReportApplicationsTable();

  it('places the annual report header on ten columns with 申请人情况 over seven of them', () => {
    const header = layoutTable(table.header);
    expect(header.columnCount).toBe(10);
    const applicants = header.cells.find((c) => c.cell.text === '申请人情况')!;
    expect([applicants.row, applicants.col, applicants.colSpan]).toEqual([0, 3, 7]);
    const enterprises = header.cells.find((c) => c.cell.text === '商业企业')!;
    expect([enterprises.row, enterprises.col]).toEqual([2, 4]);
  });

  it('lets 三、本年度办理结果 cover 22 rows of the first column', () => {
    const body = layoutTable(table.rows, 10);
    const results = body.cells.find((c) => c.cell.text === '三、本年度办理结果')!;
    expect(results.rowSpan).toBe(22);
    for (let r = 2; r < 24; r++) expect(body.owner[r][0]).toBe(results);
    expect(body.owner[24][0].cell.text).toBe('四、结转下年度继续办理');
  });

  it('refuses a row that covers fewer columns than the others', () => {
    expect(() => layoutTable([[{ text: 'a' }, { text: 'b' }], [{ text: 'c' }]])).toThrow(/第 2 行/);
  });

  it('refuses a slot left empty under a row span', () => {
    expect(() => layoutTable([[{ text: 'a' }, { text: 'b', rowSpan: 2 }], []])).toThrow(/第 2 行/);
  });

  it('refuses a row span past the last row and overlapping spans', () => {
    expect(() => layoutTable([[{ text: 'a', rowSpan: 3 }], []])).toThrow(/超出表格末行/);
    expect(() => layoutTable([[{ text: 'a' }, { text: 'b', rowSpan: 2 }], [{ text: 'c', colSpan: 2 }]])).toThrow(/第 2 行第 2 列被两个单元格占用/);
    expect(() => layoutTable([[{ text: 'a', colSpan: 0 }]])).toThrow(/正整数/);
  });

  it('refuses a body whose width differs from the header', () => {
    expect(() => layoutTable([[{ text: 'a' }]], 2)).toThrow(/应为 2 列/);
  });
});

describe('rowCrossings', () => {
  it('counts the merged cells a break before each row would cut', () => {
    const body = layoutTable(annualReportApplicationsTable().rows, 10);
    const crossings = rowCrossings(body);
    expect(crossings[2]).toBe(0); // before 三: nothing merged is cut
    expect(crossings[3]).toBe(1); // inside 三 only
    expect(crossings[6]).toBe(2); // inside 三 and （三）不予公开
    expect(crossings[12]).toBe(1); // between （三） and （四）
    expect(crossings[24]).toBe(0);
  });
});

describe('columnFractions', () => {
  it('turns relative widths into fractions and refuses a wrong count', () => {
    expect(columnFractions(3, [1, 1, 2])).toEqual([0.25, 0.25, 0.5]);
    expect(columnFractions(2)).toEqual([0.5, 0.5]);
    expect(() => columnFractions(3, [1, 2])).toThrow(/3 列/);
    expect(() => columnFractions(2, [1, 0])).toThrow(/正数/);
  });
});
