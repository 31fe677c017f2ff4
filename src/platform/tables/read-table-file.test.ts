import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../../test/corpus/privacy/factories/build-xlsx.ts';
import { renderXlsxSheets } from '../documents/render-xlsx.ts';
import { parseCsv, readTableFile, readXlsx } from './read-table-file.ts';

const gb18030 = (s: string) => {
  // Encode by round-tripping through the characters' GB18030 bytes for the few we use.
  const table: Record<string, number[]> = { 张: [0xd5, 0xc5], 某: [0xc4, 0xb3], 自: [0xd7, 0xd4], 然: [0xc8, 0xbb], 人: [0xc8, 0xcb] };
  return Uint8Array.from([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
};

describe('ledger files', () => {
  it('parses quoted CSV fields with commas, quotes and line breaks, keeping the starting line of each row and the row a spreadsheet shows', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line1\nline2"\n3,4\n\n5,6\n')).toEqual([
      { line: 1, row: 1, cells: ['a', 'b'] },
      { line: 2, row: 2, cells: ['x, "y"', 'line1\nline2'] },
      { line: 4, row: 3, cells: ['3', '4'] },
      { line: 5, row: 4, cells: [''] },
      { line: 6, row: 5, cells: ['5', '6'] },
    ]);
  });

  it('reads UTF-8 with a BOM, and GB18030 when the bytes are not UTF-8', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name\n张某\n')]);
    expect(readTableFile('a.csv', withBom)).toMatchObject({ encoding: 'utf-8', rows: [{ cells: ['name'] }, { cells: ['张某'] }] });
    const gbk = readTableFile('a.csv', gb18030('name,type\n张某,自然人\n'));
    expect(gbk).toMatchObject({ encoding: 'gb18030', rows: [{ line: 1, cells: ['name', 'type'] }, { line: 2, cells: ['张某', '自然人'] }] });
  });

  it('reads the first worksheet of an .xlsx with shared and inline strings and numbers', () => {
    const shared = buildXlsx({ sheets: [{ name: '台账', rows: [['tracking_no', 'received_on'], ['A&1', 45719], [null, '空首列']] }] });
    expect(readTableFile('ledger.xlsx', shared).rows).toEqual([
      { line: 1, cells: ['tracking_no', 'received_on'] },
      { line: 2, cells: ['A&1', '45719'] },
      { line: 3, cells: ['', '空首列'] },
    ]);
    const inline = buildXlsx({ inlineStrings: true, sheets: [{ name: 's', rows: [['甲', '乙']] }] });
    expect(readTableFile('x.xlsx', inline).rows).toEqual([{ line: 1, cells: ['甲', '乙'] }]);
  });

  it('refuses an old .xls and a broken .xlsx', () => {
    expect(() => readTableFile('old.xls', Uint8Array.from([0xd0, 0xcf]))).toThrow(/另存为 .xlsx/);
    expect(() => readTableFile('bad.xlsx', Uint8Array.from([0x50, 0x4b, 0, 0]))).toThrow(/无法读取 .xlsx/);
  });

  it('reads a worksheet by its name, and answers null for a name the workbook does not have', () => {
    const book = renderXlsxSheets([{ name: '信息', rows: [['标题'], ['甲']] }, { name: '目录', rows: [['目录'], ['政策文件/规范性文件']] }]);
    expect(readXlsx(book, 'ERR_X', '目录')).toEqual([{ line: 1, cells: ['目录'] }, { line: 2, cells: ['政策文件/规范性文件'] }]);
    expect(readTableFile('book.xlsx', book).rows).toEqual([{ line: 1, cells: ['标题'] }, { line: 2, cells: ['甲'] }]);
    expect(readXlsx(book, 'ERR_X', '附件')).toBeNull();
    expect(() => readTableFile('bad.xlsx', Uint8Array.from([0x50, 0x4b, 0, 0]), 'ERR_X')).toThrow(expect.objectContaining({ code: 'ERR_X' }));
  });
});
