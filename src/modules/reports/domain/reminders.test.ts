import { describe, expect, it } from 'vitest';
import { reminderFor, reportDueOn, yearsToRemind } from './reminders.ts';

describe('reminders ahead of the deadline (条例第四十九条)', () => {
  it('a department publishes by 31 January, a people’s government by 31 March', () => {
    expect(reportDueOn('department', 2020)).toBe('2021-01-31');
    expect(reportDueOn('government', 2020)).toBe('2021-03-31');
  });

  it.each([
    ['2020-11-30', false, null],
    ['2020-12-01', false, 'upcoming', 61],
    ['2021-01-21', false, 'due_soon', 10],
    ['2021-01-31', false, 'due_soon', 0],
    ['2021-02-03', false, 'overdue', -3],
    ['2021-01-15', true, null],
  ] as const)('on %s (published: %s) → %s', (today, published, level, daysLeft?: number) => {
    const r = reminderFor('department', 2020, today, published);
    if (level === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ level, daysLeft, dueOn: '2021-01-31' });
  });

  it('words an overdue report in Chinese', () => {
    expect(reminderFor('department', 2020, '2021-02-03', false)!.message).toBe('2020年度报告应最迟于2021-01-31（含当日）公布，已逾期3天（条例第四十九条）');
  });

  it('counts the due day itself as in time (含当日): on it, 今日到期, never overdue', () => {
    const r = reminderFor('department', 2020, '2021-01-31', false)!;
    expect(r).toMatchObject({ level: 'due_soon', daysLeft: 0 });
    expect(r.message).toBe('2020年度报告应最迟于2021-01-31（含当日）公布，今日到期（条例第四十九条）');
    expect(reminderFor('department', 2020, '2021-01-20', false)!.message).toBe('2020年度报告应最迟于2021-01-31（含当日）公布，还有11天（条例第四十九条）');
  });

  it('reminds about last year, and from 1 December about this year too', () => {
    expect(yearsToRemind('2021-01-10')).toEqual([2020]);
    expect(yearsToRemind('2021-12-01')).toEqual([2020, 2021]);
  });
});
