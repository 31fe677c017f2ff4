import { describe, expect, it } from 'vitest';
import { freshnessText } from './node-cadences-page.tsx';

describe('a column’s freshness in words', () => {
  it('gives the update’s due day as in time (含当日), never “…前”, as every deadline on the platform', () => {
    expect(freshnessText({ state: 'fresh', lastUpdatedOn: '2026-03-01', dueOn: '2026-03-15' })).toBe('正常，最迟于 2026-03-15（含当日）应有更新');
    expect(freshnessText({ state: 'stale', lastUpdatedOn: '2026-03-01', dueOn: '2026-03-15', daysLate: 3 })).toBe('逾期 3 天（更新期限 2026-03-15，含当日）');
    expect(freshnessText({ state: 'fresh', lastUpdatedOn: '2026-03-01', dueOn: null })).toBe('正常（不按周期检查）');
  });
});
