import { describe, expect, it } from 'vitest';
import { parseCarriedOut, parseEnteredFigures } from './entered-figures.ts';
import { parseInputsCsv, splitCsv } from './inputs-csv.ts';
import { enteredProactiveRows } from './proactive-table.ts';

const CELLS = enteredProactiveRows(['规章', '行政规范性文件']);

describe('figures entered by staff and imported from CSV', () => {
  it('reads counts as whole numbers, the fee in 万元 with decimals, and blank as “not entered”', () => {
    expect(parseEnteredFigures({ 行政许可: '16', 行政处罚: '', 行政事业性收费: '1.25' }, CELLS)).toEqual({ values: { 行政许可: 16, 行政处罚: null, 行政事业性收费: 1.25 }, errors: [] });
    const bad = parseEnteredFigures({ 行政许可: '2.5', 行政强制: '-1', 行政事业性收费: 'abc', 行政征收: '3' }, CELLS);
    expect(bad.errors.map((e) => e.message)).toEqual([
      '“行政许可”应为不小于 0 的整数', '“行政强制”应为不小于 0 的整数', '“行政事业性收费”应为不小于 0 的金额（万元），最多四位小数', '表二没有“行政征收”这一项',
    ]);
  });

  it('takes last year’s row 四 by applicant type and adds the 总计', () => {
    const r = parseCarriedOut({ natural_person: '2', commercial_enterprise: '1', research_institution: '0', public_interest_org: '0', legal_service_org: '0', other_org: '0' });
    expect(r).toEqual({ errors: [], values: { natural_person: 2, commercial_enterprise: 1, research_institution: 0, public_interest_org: 0, legal_service_org: 0, other_org: 0, total: 3 } });
    expect(parseCarriedOut({ natural_person: '2' }).errors[0].message).toBe('请填写“商业企业”（没有则填 0）');
  });

  it('splits CSV with quotes, a BOM, CRLF and tabs', () => {
    expect(splitCsv('\uFEFF机关代码,年度\r\n"qlx-zjj","2020"\r\n"a ""b""",1\n')).toEqual([['机关代码', '年度'], ['qlx-zjj', '2020'], ['a "b"', '1']]);
    expect(splitCsv('年度\t行政许可\n2020\t16')).toEqual([['年度', '行政许可'], ['2020', '16']]);
  });

  it('imports lines per organ-year by the labels of the format', () => {
    const { rows, errors } = parseInputsCsv('机关代码,年度,行政许可,行政处罚,行政事业性收费\nqlx-zjj,2020,16,15,0.5\n,2021,3,,\n', CELLS, 2026);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, organCode: 'qlx-zjj', year: 2020, values: { 行政许可: 16, 行政处罚: 15, 行政事业性收费: 0.5 } },
      { line: 3, organCode: null, year: 2021, values: { 行政许可: 3, 行政处罚: null, 行政事业性收费: null } },
    ]);
  });

  it('reports every bad line and column, and imports nothing then', () => {
    const r = parseInputsCsv('年度,行政许可,许可数\n2020,x\n1999,1\n', CELLS, 2026);
    expect(r.errors.map((e) => e.message)).toEqual(['第 1 行（表头）有不认识的列：许可数；可用的列为 机关代码、年度、行政许可、行政处罚、行政强制、行政事业性收费']);
    const lines = parseInputsCsv('年度,行政许可\n2020,x\n1999,1\n', CELLS, 2026);
    expect(lines.rows).toEqual([]);
    expect(lines.errors.map((e) => e.message)).toEqual(['第 2 行“行政许可”应为不小于 0 的整数', '第 3 行：年度“1999”无效']);
  });
});
