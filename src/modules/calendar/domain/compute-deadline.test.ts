import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/iso-date.ts';
import { computeDeadline } from './compute-deadline.ts';
import { consultationPauses } from './consultation-pause.ts';
import type { DeadlineInput } from './deadline-input.ts';
import type { HolidayYear } from './holiday-year.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * 条例第三十三条第二款: reply within 20 working days of receipt; the receipt day does not count
 * (民法典第二百零一条, docs/rules/working-days.md rule 1). Rows are the worked examples of docs/rules/working-days.md and
 * the holiday seasons of 2019–2024, each checked against the State Council notices.
 */
const calendar = WorkingDayCalendar.withBuiltinYears();
const due = (input: DeadlineInput, cal = calendar) => computeDeadline(input, cal).dueOn;

describe('the reply deadline: the 20th working day after receipt (条例第三十三条第二款)', () => {
  it.each([
    // docs/rules/working-days.md
    ['2025-09-26', '2025-10-30', '09-28 (Sun) and 10-11 (Sat) count; 10-01…10-08 are off'],
    ['2026-01-30', '2026-03-05', 'across the 2026 Spring Festival, 02-14 and 02-28 (Sat) count'],
    ['2026-02-13', '2026-03-19', 'received the day before the nine-day Spring Festival 2026'],
    // National Day and its 调休 weekends, 2019–2024
    ['2019-09-27', '2019-10-30', '2019: 09-29 (Sun) and 10-12 (Sat) count'],
    ['2020-09-25', '2020-10-29', '2020: National Day with 中秋, eight days off; 09-27 and 10-10 count'],
    ['2021-09-17', '2021-10-21', '2021: 中秋 and National Day, three 调休 weekends'],
    ['2022-09-30', '2022-11-02', '2022: 10-08 and 10-09 (weekend) count'],
    ['2023-09-28', '2023-11-01', '2023: 09-29…10-06 off; 10-07 and 10-08 count'],
    ['2024-09-27', '2024-10-30', '2024: 09-29 (Sun) and 10-12 (Sat) count'],
    // Other seasons
    ['2019-04-26', '2019-05-27', '2019 劳动节 as amended: 04-28 and 05-05 (Sun) count'],
    ['2020-01-22', '2020-02-27', '2020 Spring Festival as extended; 02-01 (Sat) no longer a workday'],
    ['2024-02-08', '2024-03-13', '2024 Spring Festival: 02-04 and 02-18 (Sun) count'],
    ['2023-01-20', '2023-02-22', '2023 Spring Festival: 01-28 and 01-29 (weekend) count'],
  ])('received %s → due %s (%s)', (receivedOn, dueOn) => {
    const result = computeDeadline({ receivedOn }, calendar);
    expect(result.dueOn).toBe(dueOn);
    expect(result.originalDueOn).toBe(dueOn);
    expect(result.warnings).toEqual([]);
  });

  it('gives, for every receipt day of 2019–2026, the date chinese-days 1.5.7 gives (its data is [V] for these years)', () => {
    const disagreements: string[] = [];
    for (let receivedOn = '2019-01-01'; receivedOn <= '2026-11-30'; receivedOn = addDays(receivedOn, 1)) {
      const expected = chineseDays.findWorkday(20, receivedOn);
      if (due({ receivedOn }) !== expected) disagreements.push(receivedOn);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('a year whose holiday notice is not loaded', () => {
  const admin2027: HolidayYear = { year: 2027, source: 'admin', holidays: ['2027-01-01'], workdays: [] };

  it('warns and treats 2027 as Mon–Fri minus the statutory holidays (元旦): received 2026-12-15 → 2027-01-13 provisional', () => {
    const result = computeDeadline({ receivedOn: '2026-12-15' }, calendar);
    expect(result.dueOn).toBe('2027-01-13');
    expect(result.warnings).toEqual([
      {
        code: 'WARN_CALENDAR_YEAR_UNKNOWN',
        message: '2027年节假日安排尚未录入，已按《全国年节及纪念日放假办法》规定的法定节假日计算（不含调休），截止日期为暂定，请在录入当年放假通知后复核',
      },
    ]);
    expect(result.trace.at(-1)?.note).toContain('暂定');
  });

  it('once an admin enters 2027 with 元旦 on 2027-01-01, gives 2027-01-13 without warning', () => {
    const result = computeDeadline({ receivedOn: '2026-12-15' }, WorkingDayCalendar.withBuiltinYears([admin2027]));
    expect(result.dueOn).toBe('2027-01-13');
    expect(result.warnings).toEqual([]);
  });

  it('warns when only the extension reaches into the unknown year', () => {
    const result = computeDeadline({ receivedOn: '2026-11-20', extensionWorkingDays: 20 }, calendar);
    expect(result.originalDueOn).toBe('2026-12-18');
    expect(result.dueOn).toBe('2027-01-18');
    expect(result.warnings.map((w) => w.code)).toEqual(['WARN_CALENDAR_YEAR_UNKNOWN']);
  });

  it('warns once for each unknown year reached, in order', () => {
    const result = computeDeadline({ receivedOn: '2027-12-20' }, calendar);
    expect(result.warnings.map((w) => w.message.slice(0, 5))).toEqual(['2027年', '2028年']);
  });

  it('does not warn about a count that stays inside known years', () => {
    expect(computeDeadline({ receivedOn: '2026-11-02' }, calendar).warnings).toEqual([]);
  });
});

describe('extension: at most 20 more working days from the original due date (条例第三十三条第二款)', () => {
  it.each([
    [{ receivedOn: '2025-09-26', extensionWorkingDays: 20 }, '2025-10-30', '2025-11-27'], // docs/rules/working-days.md
    [{ receivedOn: '2025-09-26', extensionWorkingDays: 5 }, '2025-10-30', '2025-11-06'],
    [{ receivedOn: '2025-09-26', extensionWorkingDays: 0 }, '2025-10-30', '2025-10-30'],
    // A consultation during the extension stops the clock as well (docs/rules/working-days.md rule 5).
    [
      { receivedOn: '2025-09-26', extensionWorkingDays: 20, pauses: [{ from: '2025-11-03', to: '2025-11-07' }] },
      '2025-10-30',
      '2025-12-04',
    ],
  ])('%o → original %s, extended %s', (input, originalDueOn, dueOn) => {
    const result = computeDeadline(input, calendar);
    expect(result.originalDueOn).toBe(originalDueOn);
    expect(result.dueOn).toBe(dueOn);
  });
});

describe('consultation time is not counted (条例第三十二条、第三十三条第三款)', () => {
  it.each([
    // docs/rules/working-days.md: sent 10-09 (4 WD used), reply 10-20 (8 WD paused) → the pause covers 10-10…10-20
    [{ receivedOn: '2025-09-26', pauses: [{ from: '2025-10-10', to: '2025-10-20' }] }, '2025-11-11'],
    // Across National Day 2024: the holidays inside are off anyway; 9 working days paused
    [{ receivedOn: '2024-09-20', pauses: [{ from: '2024-09-27', to: '2024-10-14' }] }, '2024-11-05'],
    // Overlapping pauses stop each working day once
    [
      { receivedOn: '2025-11-03', pauses: [{ from: '2025-11-05', to: '2025-11-07' }, { from: '2025-11-06', to: '2025-11-10' }] },
      '2025-12-05',
    ],
    // A pause of holidays and weekends only changes nothing
    [{ receivedOn: '2025-09-26', pauses: [{ from: '2025-10-01', to: '2025-10-08' }] }, '2025-10-30'],
    // The first day of a pause is itself excluded: 10-09 no longer counts
    [{ receivedOn: '2025-09-26', pauses: [{ from: '2025-10-09', to: '2025-10-20' }] }, '2025-11-12'],
  ])('%o → %s', (input, dueOn) => {
    expect(due(input)).toBe(dueOn);
  });

  it('models the worked example as sent 10-09, answered 10-20 with consultationPauses', () => {
    const pauses = consultationPauses('2025-10-09', '2025-10-20', '征求第三方意见');
    expect(pauses).toEqual([{ from: '2025-10-10', to: '2025-10-20', reason: '征求第三方意见' }]);
    expect(due({ receivedOn: '2025-09-26', pauses })).toBe('2025-11-11');
  });
});

describe('补正: a corrected application restarts the count (条例第三十条)', () => {
  it.each([
    // docs/rules/working-days.md: received 2026-01-30, corrected application received 2026-03-02
    [{ receivedOn: '2026-01-30', restartedOn: '2026-03-02' }, '2026-03-30', '2026-03-30'],
    // Pauses before the restart belong to the abandoned count
    [
      { receivedOn: '2026-01-30', restartedOn: '2026-03-02', pauses: [{ from: '2026-02-02', to: '2026-02-06' }] },
      '2026-03-30',
      '2026-03-30',
    ],
    // Extension goes on from the restarted due date, over 清明 (2026-04-06)
    [{ receivedOn: '2026-01-30', restartedOn: '2026-03-02', extensionWorkingDays: 20 }, '2026-03-30', '2026-04-28'],
    // Corrected on the day of receipt: the same as no correction
    [{ receivedOn: '2025-09-26', restartedOn: '2025-09-26' }, '2025-10-30', '2025-10-30'],
  ])('%o → original %s, due %s', (input, originalDueOn, dueOn) => {
    const result = computeDeadline(input, calendar);
    expect(result.originalDueOn).toBe(originalDueOn);
    expect(result.dueOn).toBe(dueOn);
  });
});

describe('the trace explains the deadline step by step', () => {
  const { trace } = computeDeadline(
    { receivedOn: '2025-09-26', pauses: [{ from: '2025-10-10', to: '2025-10-20', reason: '征求第三方意见' }], extensionWorkingDays: 2 },
    calendar,
  );

  it('starts at receipt, citing the articles, and ends at the due date', () => {
    expect(trace[0]).toMatchObject({ on: '2025-09-26', kind: 'start' });
    expect(trace[0].note).toContain('条例第三十三条第二款');
    expect(trace[0].note).toContain('民法典第二百零一条');
    expect(trace.at(-1)).toEqual({ on: '2025-11-13', kind: 'due', count: 22, note: '2025-11-13 截止日期（第22个工作日，含延长的2个工作日）' });
  });

  it('shows each day examined, one step a day, in order', () => {
    const days = trace.filter((s) => s.kind !== 'start' && s.kind !== 'extension' && s.kind !== 'due').map((s) => s.on);
    const expected: string[] = [];
    for (let d = '2025-09-27'; d <= '2025-11-13'; d = addDays(d, 1)) expected.push(d);
    expect(days).toEqual(expected);
  });

  it.each([
    { on: '2025-09-27', kind: 'skipped_weekend', note: '2025-09-27 周六，不计' },
    { on: '2025-09-28', kind: 'counted_adjusted_workday', count: 1, note: '2025-09-28 周日，国庆节调休上班，计第1个工作日' },
    { on: '2025-09-29', kind: 'counted', count: 2, note: '2025-09-29 周一，计第2个工作日' },
    { on: '2025-10-01', kind: 'skipped_holiday', note: '2025-10-01 国庆节放假，不计' },
    { on: '2025-10-04', kind: 'skipped_weekend', note: '2025-10-04 周六，国庆节放假，不计' },
    { on: '2025-10-06', kind: 'skipped_holiday', note: '2025-10-06 中秋节放假，不计' },
    { on: '2025-10-10', kind: 'paused', note: '2025-10-10 周五，征求第三方意见期间，不计' },
    { on: '2025-10-11', kind: 'paused', note: '2025-10-11 周六（调休上班日），征求第三方意见期间，不计' },
    { on: '2025-11-11', kind: 'counted', count: 20, note: '2025-11-11 周二，计第20个工作日' },
    { on: '2025-11-11', kind: 'extension', note: '2025-11-11 原截止日期；延长答复期限2个工作日，自次日起继续计算（条例第三十三条第二款）' },
    { on: '2025-11-12', kind: 'counted', count: 21, note: '2025-11-12 周三，计第21个工作日' },
  ])('has the step $on $kind', (step) => {
    expect(trace).toContainEqual(step);
  });

  it('counts 1, 2, … up to the due count without gaps', () => {
    const counts = trace.filter((s) => s.kind === 'counted' || s.kind === 'counted_adjusted_workday').map((s) => s.count);
    expect(counts).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('records the restart with its article', () => {
    const restarted = computeDeadline({ receivedOn: '2026-01-30', restartedOn: '2026-03-02' }, calendar).trace;
    expect(restarted.slice(0, 3)).toEqual([
      expect.objectContaining({ on: '2026-01-30', kind: 'start' }),
      {
        on: '2026-03-02',
        kind: 'restart',
        note: '2026-03-02 收到补正后的申请，当日不计，自次日起重新计算20个工作日（条例第三十条）',
      },
      { on: '2026-03-03', kind: 'counted', count: 1, note: '2026-03-03 周二，计第1个工作日' },
    ]);
  });

  it('says on each day of an unknown year that it was judged by the week and the statutory holidays', () => {
    const provisional = computeDeadline({ receivedOn: '2026-12-15' }, calendar).trace;
    expect(provisional).toContainEqual({
      on: '2027-01-01',
      kind: 'skipped_holiday',
      note: '2027-01-01 元旦放假，不计（2027年节假日安排未录入，按周一至周五及法定节假日推定，暂定）',
    });
    expect(provisional).toContainEqual({
      on: '2027-01-04',
      kind: 'counted',
      count: 13,
      note: '2027-01-04 周一，计第13个工作日（2027年节假日安排未录入，按周一至周五及法定节假日推定，暂定）',
    });
  });
});
