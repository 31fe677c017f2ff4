import { describe, expect, it } from 'vitest';
import { daysUntilLapse, validityByDate, type DatedStanding } from './validity-by-date.ts';

const item = (over: Partial<DatedStanding> = {}): DatedStanding => ({
  status: 'published', validity: 'valid', validThroughOn: '2026-12-05', endedOn: null, lapsedByDate: false, ...over,
});

describe('有效期至: what the date alone says of an item’s 效力 on a China day (ADR 0027)', () => {
  it('lapses a published 有效 item from the day after its last day, its end dated by that day', () => {
    expect(validityByDate(item(), '2026-12-05')).toBeNull();
    expect(validityByDate(item(), '2026-12-06')).toEqual({ validity: 'expired', endedOn: '2026-12-05' });
    expect(validityByDate(item({ validThroughOn: null }), '2030-01-01')).toBeNull();
  });

  it('leaves drafts, withdrawn items, 已修改 and 已废止 alone, and an item an officer made 已失效', () => {
    for (const status of ['draft', 'in_review', 'approved', 'scheduled', 'withdrawn']) expect(validityByDate(item({ status }), '2027-01-01')).toBeNull();
    for (const validity of ['amended', 'repealed']) expect(validityByDate(item({ validity }), '2027-01-01')).toBeNull();
    expect(validityByDate(item({ validity: 'expired', validThroughOn: null }), '2027-01-01')).toBeNull();
    expect(validityByDate(item({ validity: 'expired', validThroughOn: '2030-01-01' }), '2027-01-01')).toBeNull();
  });

  it('restores 有效 to an item its date made 已失效 once the date is later than yesterday or cleared', () => {
    const lapsed = item({ validity: 'expired', lapsedByDate: true, endedOn: '2026-12-05' });
    expect(validityByDate({ ...lapsed, validThroughOn: '2027-12-31' }, '2026-12-10')).toEqual({ validity: 'valid', endedOn: null });
    expect(validityByDate({ ...lapsed, validThroughOn: '2026-12-10' }, '2026-12-10')).toEqual({ validity: 'valid', endedOn: null });
    expect(validityByDate({ ...lapsed, validThroughOn: null }, '2026-12-10')).toEqual({ validity: 'valid', endedOn: null });
    // Still past, a later day: still 已失效, its end the new last day; the same day: nothing to do.
    expect(validityByDate({ ...lapsed, validThroughOn: '2026-12-08' }, '2026-12-10')).toEqual({ validity: 'expired', endedOn: '2026-12-08' });
    expect(validityByDate(lapsed, '2026-12-10')).toBeNull();
  });
});

describe('有效期至: how soon an item in force lapses, for the staff list', () => {
  it('counts to the day after the last day, within 30 days, for 有效 items only', () => {
    const on = (validThroughOn: string | null, validity = 'valid') => daysUntilLapse({ validity, validThroughOn }, '2026-12-10');
    expect(on('2026-12-10')).toBe(1);
    expect(on('2026-12-31')).toBe(22);
    expect(on('2027-01-08')).toBe(30);
    expect(on('2027-01-09')).toBeNull();
    expect(on('2026-12-09')).toBeNull();
    expect(on(null)).toBeNull();
    expect(on('2026-12-20', 'amended')).toBeNull();
  });
});
