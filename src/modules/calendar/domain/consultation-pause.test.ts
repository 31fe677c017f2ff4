import { describe, expect, it } from 'vitest';
import { consultationPauses } from './consultation-pause.ts';

describe('a consultation stops the clock for the working days in (sent, ended] (条例第三十三条第三款; docs/rules/working-days.md, rule 3)', () => {
  it('pauses from the day after sending to the day of the answer, inclusive', () => {
    expect(consultationPauses('2025-10-09', '2025-10-20')).toEqual([{ from: '2025-10-10', to: '2025-10-20', reason: '征求意见' }]);
  });

  it('pauses nothing when the answer comes the same day', () => {
    expect(consultationPauses('2025-10-09', '2025-10-09')).toEqual([]);
  });

  it.each([
    ['2025-10-20', '2025-10-09', 'ERR_DEADLINE_PAUSE_REVERSED'],
    ['2025-10-32', '2025-11-01', 'ERR_CALENDAR_INVALID_DATE'],
    ['2025-10-09', 'soon', 'ERR_CALENDAR_INVALID_DATE'],
  ])('refuses sent %s, ended %s with %s', (sentOn, endedOn, code) => {
    expect(() => consultationPauses(sentOn, endedOn)).toThrow(expect.objectContaining({ code }));
  });
});
