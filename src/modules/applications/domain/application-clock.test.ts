import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../calendar/index.ts';
import type { Pause } from './application.ts';
import { applicationClock, correctionNoticeDueOn } from './application-clock.ts';

/**
 * 条例第三十三条第二款: "行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长
 * 答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。"
 * 条例第三十条: "…答复期限自行政机关收到补正的申请之日起计算。"
 * 条例第三十三条第三款: "行政机关征求第三方和其他机关意见所需时间不计算在前款规定的期限内。"
 *
 * The receipt day is not counted (民法典第二百零一条; docs/rules/working-days.md). Each row: received on → due on.
 * The dates were worked out by hand from the State Council notices (docs/rules/working-days.md) and cross-checked
 * with chinese-days 1.5.7.
 */
const calendar = WorkingDayCalendar.withBuiltinYears();

type Case = { received: string; corrected?: string; pauses?: [string, string | null, string?][]; extension?: number; due: string; why: string };

const clockOf = (c: Case) =>
  applicationClock(
    { receivedOn: c.received, state: 'in_progress', correctedOn: c.corrected ?? null, correctionDueOn: null, extensionWorkingDays: c.extension ?? 0 },
    (c.pauses ?? []).map(([startedOn, endedOn, expectedEndOn], i): Pause => ({
      id: i + 1, kind: 'third_party', party: '某公司', startedOn, endedOn, expectedEndOn: expectedEndOn ?? null, note: '',
    })),
    calendar,
  );

const dueOf = (c: Case) => {
  const clock = clockOf(c);
  if (clock.kind !== 'running') throw new Error('clock not running');
  return clock.result.dueOn;
};

describe('reply deadline, 20 working days after receipt (条例第三十三条第二款)', () => {
  it.each<Case>([
    { received: '2019-01-28', due: '2019-02-28', why: '2019 春节 02-04…02-08 off; 调休 Saturday 02-02 and Sunday 02-03 count' },
    { received: '2019-09-20', due: '2019-10-23', why: '2019 国庆 10-01…10-07 off; 调休 09-29 (Sun) and 10-12 (Sat) count' },
    { received: '2020-01-15', due: '2020-02-19', why: '2020 春节 extended to 01-31; 调休 01-19 (Sun) counts; 02-01 workday cancelled' },
    { received: '2020-09-25', due: '2020-10-29', why: '2020 国庆与中秋 10-01…10-08 off; 调休 09-27 and 10-10 count' },
    { received: '2021-02-05', due: '2021-03-10', why: '2021 春节 02-11…02-17 off; 调休 02-07 (Sun) and 02-20 (Sat) count' },
    { received: '2021-09-17', due: '2021-10-21', why: '2021 中秋 09-20/21 and 国庆 10-01…10-07 off; 调休 09-18, 09-26, 10-09 count' },
    { received: '2022-01-21', due: '2022-02-23', why: '2022 春节 01-31…02-04 off; 调休 01-29 and 01-30 (weekend) count' },
    { received: '2022-09-30', due: '2022-11-02', why: '2022 国庆 10-03…10-07 off; 调休 10-08 and 10-09 (weekend) count' },
    { received: '2023-01-13', due: '2023-02-15', why: '2023 春节 01-23…01-27 off; 调休 01-28 and 01-29 (weekend) count' },
    { received: '2023-04-28', due: '2023-05-30', why: '2023 劳动节 05-01…05-03 off; 调休 04-23 before and 05-06 (Sat) count' },
    { received: '2023-09-22', due: '2023-10-26', why: '2023 中秋国庆 09-29…10-06 off; 调休 10-07 and 10-08 (weekend) count' },
    { received: '2024-02-02', due: '2024-03-06', why: '2024 春节 02-12…02-16 off; 调休 02-04 (Sun) and 02-18 (Sun) count' },
    { received: '2024-04-30', due: '2024-05-30', why: '2024 劳动节 05-01…05-03 off; 调休 05-11 (Sat) counts' },
    { received: '2024-09-27', due: '2024-10-30', why: '2024 国庆 10-01…10-07 off; 调休 09-29 (Sun) and 10-12 (Sat) count' },
    { received: '2025-01-24', due: '2025-02-27', why: '2025 春节 01-28…02-04 off (new 4-day 春节); 调休 01-26 (Sun) and 02-08 (Sat) count' },
    { received: '2025-09-26', due: '2025-10-30', why: 'docs/rules/working-days.md: 09-28 (Sun) counts; 10-01…10-08 off; 10-11 (Sat) counts' },
    { received: '2026-01-30', due: '2026-03-05', why: 'docs/rules/working-days.md: across the 9-day 春节 2026' },
    { received: '2026-02-13', due: '2026-03-19', why: 'docs/rules/working-days.md: received just before the 9-day 春节 2026 (02-14 Sat is a 调休 workday)' },
    { received: '2026-09-25', due: '2026-10-29', why: '2026 国庆 10-01…10-07 off; 调休 10-10 (Sat) counts' },
  ])('received $received → due $due ($why)', (c) => {
    expect(dueOf(c)).toBe(c.due);
  });
});

describe('extension: at most 20 more working days counted on from the original deadline (条例第三十三条第二款)', () => {
  it.each<Case>([
    { received: '2025-09-26', extension: 20, due: '2025-11-27', why: 'docs/rules/working-days.md worked example' },
    { received: '2024-09-27', extension: 20, due: '2024-11-27', why: '40 working days across 国庆 2024' },
    { received: '2026-02-13', extension: 20, due: '2026-04-17', why: '40 working days across 春节 and 清明 2026 (04-06 off)' },
    { received: '2025-09-26', extension: 5, due: '2025-11-06', why: 'a shorter extension: 5 working days after 10-30' },
  ])('received $received, extended $extension → due $due ($why)', (c) => {
    const clock = clockOf(c);
    if (clock.kind !== 'running') throw new Error('clock not running');
    expect(clock.result.dueOn).toBe(c.due);
    expect(clock.result.originalDueOn).not.toBe(c.due);
    expect(clock.result.trace.some((s) => s.kind === 'extension')).toBe(true);
  });
});

describe('consultation time does not count (条例第三十二条、第三十三条第三款)', () => {
  it.each<Case>([
    {
      received: '2025-09-26', pauses: [['2025-10-09', '2025-10-20']], due: '2025-11-11',
      why: 'docs/rules/working-days.md: letter sent 10-09 (4 WD used), answered 10-20: the 8 working days in (10-09, 10-20] are excluded, 调休 10-11 included',
    },
    { received: '2025-09-26', pauses: [['2025-10-09', '2025-10-09']], due: '2025-10-30', why: 'answered the day it was sent: nothing excluded' },
    {
      received: '2026-02-13', pauses: [['2026-02-24', '2026-03-03']], due: '2026-03-27',
      why: 'sent 02-24, answered 03-03: 02-25, 02-26, 02-27, 02-28 (调休 Saturday), 03-02, 03-03 = 6 WD excluded; 03-19 + 6 WD',
    },
    {
      received: '2025-09-26', pauses: [['2025-10-09', '2025-10-13'], ['2025-10-20', '2025-10-22']], due: '2025-11-06',
      why: 'two consultations: (10-09, 10-13] excludes 10-10, 10-11 (调休 Saturday) and 10-13; (10-20, 10-22] excludes 10-21 and 10-22',
    },
  ])('received $received, paused $pauses → due $due', (c) => {
    expect(dueOf(c)).toBe(c.due);
  });

  it('an open consultation is counted to its 15-working-day limit and reported as pending', () => {
    const clock = clockOf({ received: '2025-09-26', pauses: [['2025-10-09', null, '2025-10-31']], due: '', why: '' });
    if (clock.kind !== 'running') throw new Error('clock not running');
    expect(clock.pending[0]).toContain('尚未结束，暂按2025-10-31结束计算');
    // 4 WD used before; (10-09, 10-31] excluded; 16 WD after 10-31 → 2025-11-24.
    expect(clock.result.dueOn).toBe('2025-11-24');
  });
});

describe('补正 restarts the clock from the corrected application (条例第三十条)', () => {
  it.each<Case>([
    { received: '2026-01-30', corrected: '2026-03-02', due: '2026-03-30', why: 'docs/rules/working-days.md worked example' },
    { received: '2024-02-02', corrected: '2024-02-08', due: '2024-03-13', why: '20 WD after 02-08 across 春节 2024 (02-09 counts, 02-12…02-16 off, 02-18 调休 counts)' },
    {
      received: '2025-09-26', corrected: '2025-10-13', pauses: [['2025-10-09', '2025-10-10']], due: '2025-11-10',
      why: 'a pause before the restart belongs to the abandoned count and changes nothing after it',
    },
  ])('received $received, corrected $corrected → due $due', (c) => {
    const clock = clockOf(c);
    if (clock.kind !== 'running') throw new Error('clock not running');
    expect(clock.result.dueOn).toBe(c.due);
    expect(clock.result.trace.find((s) => s.kind === 'restart')?.on).toBe(c.corrected);
  });

  it('while the applicant corrects, the clock is stopped and shows the correction period', () => {
    const clock = applicationClock(
      { receivedOn: '2026-01-30', state: 'awaiting_correction', correctedOn: null, correctionDueOn: '2026-03-02', extensionWorkingDays: 0 },
      [],
      calendar,
    );
    expect(clock).toEqual({ kind: 'stopped', note: expect.stringContaining('补正期限至2026-03-02') });
  });

  it('the 7-working-day notice limit counts from the original receipt: 2026-01-30 → 2026-02-10', () => {
    expect(correctionNoticeDueOn('2026-01-30', calendar)).toBe('2026-02-10');
    expect(correctionNoticeDueOn('2021-02-05', calendar)).toBe('2021-02-20');
    expect(correctionNoticeDueOn('2022-01-21', calendar)).toBe('2022-01-30');
    expect(correctionNoticeDueOn(null, calendar)).toBeNull();
  });
});

describe('clock not yet started (条例第三十一条)', () => {
  it('an online application awaiting confirmation has no due date', () => {
    const clock = applicationClock({ receivedOn: null, state: 'awaiting_confirmation', correctedOn: null, correctionDueOn: null, extensionWorkingDays: 0 }, [], calendar);
    expect(clock.kind).toBe('not_started');
  });
});

describe('a year without a published notice', () => {
  it('received 2026-12-15: 2027-01-13 (元旦 skipped by the statutory holidays), provisional with a warning; once 2027 is entered, firm', () => {
    const clock = clockOf({ received: '2026-12-15', due: '', why: '' });
    if (clock.kind !== 'running') throw new Error('clock not running');
    expect(clock.result.dueOn).toBe('2027-01-13');
    expect(clock.result.warnings.map((w) => w.code)).toEqual(['WARN_CALENDAR_YEAR_UNKNOWN']);
    const with2027 = WorkingDayCalendar.withBuiltinYears([{ year: 2027, holidays: ['2027-01-01'], workdays: [], source: 'admin' }]);
    const known = applicationClock({ receivedOn: '2026-12-15', state: 'in_progress', correctedOn: null, correctionDueOn: null, extensionWorkingDays: 0 }, [], with2027);
    if (known.kind !== 'running') throw new Error('clock not running');
    expect(known.result.dueOn).toBe('2027-01-13');
    expect(known.result.warnings).toEqual([]);
  });
});

describe('a consultation excludes at most its 15 working days (条例第三十二条、第三十三条第三款)', () => {
  it('counts an answer that comes after the 15 working days against the reply period', () => {
    // Received 2026-03-02; consultation sent 03-09, answered 05-29. Only 03-10…03-30 (15 WD) are excluded.
    const late = dueOf({ received: '2026-03-02', pauses: [['2026-03-09', '2026-05-29']], due: '', why: '' });
    const onTime = dueOf({ received: '2026-03-02', pauses: [['2026-03-09', '2026-03-30']], due: '', why: '' });
    expect(late).toBe(onTime);
    const clock = clockOf({ received: '2026-03-02', pauses: [['2026-03-09', '2026-05-29']], due: '', why: '' });
    expect(clock.kind === 'running' && clock.pending.join('')).toContain('超过15个工作日的部分');
  });
});
