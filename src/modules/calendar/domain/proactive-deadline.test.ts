import { describe, expect, it } from 'vitest';
import { correctionNoticeDeadline } from './correction-notice-deadline.ts';
import { proactiveDeadline } from './proactive-deadline.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

const calendar = WorkingDayCalendar.withBuiltinYears();

describe('proactive disclosure: publish within 20 working days of formation (条例第二十六条)', () => {
  it.each([
    ['2026-09-18', '2026-10-22'], // docs/rules/working-days.md: 09-20 (Sun) and 10-10 (Sat) count, 中秋 and 国庆 do not
    ['2025-09-26', '2025-10-30'],
  ])('formed %s → publish by %s', (formedOn, dueOn) => {
    expect(proactiveDeadline(formedOn, calendar).dueOn).toBe(dueOn);
  });

  it('explains itself from the formation date, citing 条例第二十六条', () => {
    const { trace } = proactiveDeadline('2026-09-18', calendar);
    expect(trace[0]).toMatchObject({ on: '2026-09-18', kind: 'start' });
    expect(trace[0].note).toContain('信息形成');
    expect(trace[0].note).toContain('条例第二十六条');
  });

  it('refuses an impossible formation date', () => {
    expect(() => proactiveDeadline('2026-13-01', calendar)).toThrow(expect.objectContaining({ code: 'ERR_CALENDAR_INVALID_DATE' }));
  });
});

describe('补正 notice: within 7 working days of the original receipt (条例第三十条)', () => {
  it('received 2026-01-30 → notify by 2026-02-10 (docs/rules/working-days.md)', () => {
    const result = correctionNoticeDeadline('2026-01-30', calendar);
    expect(result.dueOn).toBe('2026-02-10');
    expect(result.trace[0].note).toContain('条例第三十条');
    expect(result.trace.at(-1)).toMatchObject({ kind: 'due', count: 7 });
  });
});
