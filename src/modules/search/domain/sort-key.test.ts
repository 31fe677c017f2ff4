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

  it('refuses ids it cannot hold and malformed dates', () => {
    expect(() => sortKeyOf('2026-01-01', 2 ** 32)).toThrow();
    expect(() => sortKeyOf('2026/01/01', 1)).toThrow();
  });
});
