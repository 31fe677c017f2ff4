import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain-error.ts';
import { computeDeadline } from './compute-deadline.ts';
import type { DeadlineInput } from './deadline-input.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

const calendar = WorkingDayCalendar.withBuiltinYears();

function refusal(input: DeadlineInput): DomainError {
  try {
    computeDeadline(input, calendar);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the input to be refused');
}

const received = '2025-09-26';

describe('deadline input that breaks a rule is refused, naming the rule', () => {
  it.each<[string, DeadlineInput, string, string]>([
    ['an impossible receipt date', { receivedOn: '2026-02-30' }, 'ERR_CALENDAR_INVALID_DATE', '收到申请日期“2026-02-30”'],
    ['a receipt date not written YYYY-MM-DD', { receivedOn: '2026/1/5' }, 'ERR_CALENDAR_INVALID_DATE', '“2026/1/5”'],
    ['a negative period', { receivedOn: received, workingDays: -1 }, 'ERR_DEADLINE_INVALID_INPUT', '期限工作日数“-1”'],
    ['a period of no days', { receivedOn: received, workingDays: 0 }, 'ERR_DEADLINE_INVALID_INPUT', '1至250'],
    ['a period of half days', { receivedOn: received, workingDays: 1.5 }, 'ERR_DEADLINE_INVALID_INPUT', '“1.5”'],
    ['a period of more than 250 working days', { receivedOn: received, workingDays: 251 }, 'ERR_DEADLINE_INVALID_INPUT', '“251”'],
    ['an extension of 21 working days', { receivedOn: received, extensionWorkingDays: 21 }, 'ERR_DEADLINE_EXTENSION_TOO_LONG', '不得超过20个工作日（条例第三十三条第二款）'],
    ['a negative extension', { receivedOn: received, extensionWorkingDays: -1 }, 'ERR_DEADLINE_INVALID_INPUT', '延长工作日数“-1”'],
    ['an extension of half days', { receivedOn: received, extensionWorkingDays: 2.5 }, 'ERR_DEADLINE_INVALID_INPUT', '“2.5”'],
    [
      'a pause that ends before it starts',
      { receivedOn: received, pauses: [{ from: '2025-10-20', to: '2025-10-10' }] },
      'ERR_DEADLINE_PAUSE_REVERSED',
      '第1段暂停的结束日期2025-10-10早于开始日期2025-10-20',
    ],
    [
      'a pause that starts before receipt',
      { receivedOn: received, pauses: [{ from: '2025-09-25', to: '2025-10-10' }] },
      'ERR_DEADLINE_PAUSE_BEFORE_RECEIPT',
      '2025-09-25早于收到申请日期2025-09-26',
    ],
    [
      'a pause with an impossible date',
      { receivedOn: received, pauses: [{ from: '2025-10-10', to: '2025-10-32' }] },
      'ERR_CALENDAR_INVALID_DATE',
      '第1段暂停的结束日期“2025-10-32”',
    ],
    [
      'a corrected application received before the application',
      { receivedOn: received, restartedOn: '2025-09-25' },
      'ERR_DEADLINE_RESTART_BEFORE_RECEIPT',
      '条例第三十条',
    ],
    ['an impossible restart date', { receivedOn: received, restartedOn: '2025-02-29' }, 'ERR_CALENDAR_INVALID_DATE', '收到补正申请日期“2025-02-29”'],
  ])('%s → %s', (_case, input, code, words) => {
    const error = refusal(input);
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
  });

  it('lists every problem with its field, the first one giving the code', () => {
    const error = refusal({
      receivedOn: received,
      workingDays: 0,
      extensionWorkingDays: 30,
      restartedOn: '2025-01-01',
      pauses: [{ from: '2025-12-01', to: '2025-11-01' }],
    });
    expect(error.code).toBe('ERR_DEADLINE_INVALID_INPUT');
    expect(error.reasons.map((r) => [r.code, r.field])).toEqual([
      ['ERR_DEADLINE_INVALID_INPUT', 'workingDays'],
      ['ERR_DEADLINE_EXTENSION_TOO_LONG', 'extensionWorkingDays'],
      ['ERR_DEADLINE_RESTART_BEFORE_RECEIPT', 'restartedOn'],
      ['ERR_DEADLINE_PAUSE_REVERSED', 'pauses.0.to'],
    ]);
  });

  it('accepts the limits themselves: 20 working days of extension, a pause of one day, a pause on the receipt day', () => {
    const result = computeDeadline(
      { receivedOn: received, extensionWorkingDays: 20, pauses: [{ from: received, to: received }, { from: '2025-11-03', to: '2025-11-03' }] },
      calendar,
    );
    expect(result.dueOn).toBe('2025-11-28');
  });
});
