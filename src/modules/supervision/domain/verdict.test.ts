import { describe, expect, it } from 'vitest';
import { judge, type InspectionFacts } from './verdict.ts';

const clean: InspectionFacts = { today: '2026-03-10', homeLastUpdatedOn: '2026-03-01', staleNewsOrPolicyColumns: 0, staleColumns: 0, emptyColumns: 0, stalePolicyColumns: 0, lettersPastThreeMonths: 0 };
const failed = (f: Partial<InspectionFacts>) => judge({ ...clean, ...f }).vetoes.filter((v) => v.failed).map((v) => v.rule);

describe('inspection verdict', () => {
  it('passes a clean site with 100', () => {
    expect(judge(clean)).toMatchObject({ vetoed: false, score: 100, passed: true });
  });
  it('vetoes a home page without a new item for more than 2 weeks, or never updated', () => {
    expect(failed({ homeLastUpdatedOn: '2026-02-24' })).toEqual([]); // 14 days
    expect(failed({ homeLastUpdatedOn: '2026-02-23' })).toEqual(['home_not_updated']);
    expect(failed({ homeLastUpdatedOn: null })).toEqual(['home_not_updated']);
  });
  it('says how long ago the home page changed, never a negative number of days', () => {
    const measured = (on: string) => judge({ ...clean, homeLastUpdatedOn: on }).vetoes.find((v) => v.rule === 'home_not_updated')!.measured;
    expect(measured('2026-03-01')).toBe('最近更新 2026-03-01（9 天前）');
    expect(measured('2026-03-10')).toBe('最近更新 2026-03-10（今天）');
    // An item dated after the inspection day (a clock set back, an imported date): said as it is.
    expect(measured('2026-03-12')).toBe('最近更新 2026-03-12（晚于检查日 2026-03-10）');
  });
  it('vetoes at 5 stale news/policy columns, 10 unmaintained columns, 5 empty columns, one letter past three months', () => {
    expect(failed({ staleNewsOrPolicyColumns: 4, staleColumns: 9, emptyColumns: 4 })).toEqual([]);
    expect(failed({ staleNewsOrPolicyColumns: 5 })).toEqual(['columns_not_updated']);
    expect(failed({ staleColumns: 10 })).toEqual(['columns_unmaintained']);
    expect(failed({ emptyColumns: 5 })).toEqual(['columns_empty']);
    expect(failed({ lettersPastThreeMonths: 1 })).toEqual(['poor_interaction']);
  });
  it('scores nothing once vetoed, and deducts 5 for a stale policy column', () => {
    expect(judge({ ...clean, emptyColumns: 5, stalePolicyColumns: 1 })).toMatchObject({ vetoed: true, score: null, passed: false });
    expect(judge({ ...clean, stalePolicyColumns: 2 })).toMatchObject({ score: 95, passed: true, deductions: [{ points: 5 }] });
  });
  it('leaves the interaction rule out when the mailbox is not counted', () => {
    expect(judge({ ...clean, lettersPastThreeMonths: null }).vetoes.map((v) => v.rule)).not.toContain('poor_interaction');
  });
  it('vetoes one item with a serious wording error, and leaves the rule out when wording was not inspected', () => {
    expect(failed({ seriousWordingErrors: 0 })).toEqual([]);
    expect(failed({ seriousWordingErrors: 1 })).toEqual(['serious_wording_error']);
    expect(judge(clean).vetoes.map((v) => v.rule)).not.toContain('serious_wording_error');
  });
  it('deducts 1 point per broken link, at most 10', () => {
    expect(judge({ ...clean, brokenLinks: 3 })).toMatchObject({ score: 97, deductions: [{ item: '断链 3 个', points: 3 }] });
    expect(judge({ ...clean, brokenLinks: 25, stalePolicyColumns: 1 })).toMatchObject({ score: 85 });
    expect(judge({ ...clean, brokenLinks: 0 }).deductions).toEqual([]);
  });
});
