import { describe, expect, it } from 'vitest';
import { computeAppealsTable } from './appeals-table.ts';
import type { AppealRow } from './report-types.ts';

const filed = (kind: string, filedOn: string, result: string, decidedOn: string | null): AppealRow => ({ kind, filedOn, result, decidedOn });

describe('table 四: cases filed in the year, with their result as known on 31 December', () => {
  it.each<[string, AppealRow, string | null]>([
    ['upheld in the year', filed('reconsideration', '2020-05-20', 'upheld', '2020-07-10'), 'upheld'],
    ['corrected in the year', filed('litigation_direct', '2020-03-01', 'corrected', '2020-10-01'), 'corrected'],
    ['decided on 31 December', filed('reconsideration', '2020-11-01', 'other', '2020-12-31'), 'other'],
    ['decided next year: 尚未审结', filed('litigation_after_reconsideration', '2020-09-01', 'other', '2021-02-03'), 'pending'],
    ['not decided yet: 尚未审结', filed('litigation_direct', '2020-12-15', 'pending', null), 'pending'],
    ['filed the year before: not in this year', filed('reconsideration', '2019-12-30', 'upheld', '2020-02-01'), null],
    ['filed the year after: not in this year', filed('reconsideration', '2021-01-02', 'upheld', '2021-02-01'), null],
  ])('%s', (_name, row, column) => {
    const t = computeAppealsTable([row], 2020);
    const group = t[row.kind];
    const counted = Object.entries(group).filter(([c, n]) => c !== 'total' && n > 0).map(([c]) => c);
    expect(counted).toEqual(column ? [column] : []);
    expect(group.total).toBe(column ? 1 : 0);
  });

  it('keeps the three groups apart: a reconsideration upheld, then a lawsuit after it dismissed (其他结果)', () => {
    const t = computeAppealsTable([
      filed('reconsideration', '2020-05-20', 'upheld', '2020-07-10'),
      { ...filed('litigation_after_reconsideration', '2020-07-22', 'other', '2020-11-18'), count: 2 },
    ], 2020);
    expect(t.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(t.litigation_direct.total).toBe(0);
    expect(t.litigation_after_reconsideration).toEqual({ upheld: 0, corrected: 0, other: 2, pending: 0, total: 2 });
  });
});
