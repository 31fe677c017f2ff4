import { describe, expect, it } from 'vitest';
import { idOfSortKey, keyRange, sortKeyOf } from './sort-key.ts';

describe('search sort key', () => {
  it('orders by day, then id, and gives the id back', () => {
    const a = sortKeyOf('2026-03-10', 7);
    const b = sortKeyOf('2026-03-10', 8);
    const c = sortKeyOf('2026-03-11', 1);
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
    expect(idOfSortKey(b)).toBe(8);
    expect(idOfSortKey(sortKeyOf('2099-12-31', 2 ** 32 - 1))).toBe(2 ** 32 - 1);
    expect(Number.isSafeInteger(sortKeyOf('2099-12-31', 2 ** 32 - 1))).toBe(true);
  });

  it('turns a date range into a key range that includes both ends', () => {
    const { minKey, maxKey } = keyRange('2026-01-01', '2026-12-31');
    expect(sortKeyOf('2026-01-01', 1)).toBeGreaterThanOrEqual(minKey!);
    expect(sortKeyOf('2025-12-31', 2 ** 32 - 1)).toBeLessThan(minKey!);
    expect(sortKeyOf('2026-12-31', 2 ** 32 - 1)).toBeLessThanOrEqual(maxKey!);
    expect(sortKeyOf('2027-01-01', 0)).toBeGreaterThan(maxKey!);
    expect(keyRange()).toEqual({ minKey: undefined, maxKey: undefined });
  });

  it('keeps every key within [0, 2^48): days before 1900 and after 2079-06-06 (day 2^16 − 1) are held at the ends', () => {
    // The organ-major rows (migration 068) put an organ's keys at organ × 2^48 + key: a key outside
    // the span would land in a neighbour organ's range.
    expect(sortKeyOf('1899-12-31', 5)).toBe(sortKeyOf('1900-01-01', 5));
    expect(sortKeyOf('0202-03-02', 5)).toBe(5);
    expect(sortKeyOf('0099-03-02', 5)).toBe(5);
    expect(sortKeyOf('2079-06-06', 5)).toBe((2 ** 16 - 1) * 2 ** 32 + 5);
    expect(sortKeyOf('2099-12-31', 2 ** 32 - 1)).toBe(2 ** 48 - 1);
    expect(keyRange('1800-01-01', '2100-01-01')).toEqual({ minKey: 0, maxKey: 2 ** 48 - 1 });
  });

  it('refuses ids it cannot hold and malformed dates', () => {
    expect(() => sortKeyOf('2026-01-01', 2 ** 32)).toThrow();
    expect(() => sortKeyOf('2026/01/01', 1)).toThrow();
  });
});
