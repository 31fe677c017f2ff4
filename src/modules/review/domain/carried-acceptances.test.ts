import { describe, expect, it } from 'vitest';
import { carryIntoRevision, sentenceAround } from './carried-acceptances.ts';

const by = { reason: '系本局值班手机', byLabel: '王审核', at: '2026-03-10T02:00:00.000Z' };
type F = { source: string; type: string; text: string; start: number; end: number; severity: string; suggestion: string; before?: string; after?: string; accepted?: typeof by };
const phone = (before: string, after: string, start = 30): F =>
  ({ source: '正文', type: 'mobile_phone', text: '13912345678', start, end: start + 11, severity: 'block', suggestion: '139****5678', before, after });

describe('the acceptances a revision keeps', () => {
  it('reads the finding’s own sentence out of the context the page showed', () => {
    expect(sentenceAround('届时城区停水。 停水期间值班手机', '，由局办公室全天值守。 联系人李某')).toEqual({ before: '停水期间值班手机', after: '，由局办公室全天值守。' });
    expect(sentenceAround('值班手机', '')).toEqual({ before: '值班手机', after: '' });
  });

  it('keeps an acceptance whose finding moved but whose sentence is unchanged, as it was given, marked with when it was carried', () => {
    const was = { ...phone('停水。 值班手机', '，全天值守。 联系人李某', 10), accepted: by };
    const r = carryIntoRevision([was], [phone('调整。 值班手机', '，全天值守。 联系人王某', 40)], '2026-03-20T03:00:00.000Z');
    expect(r.findings[0].accepted).toEqual({ ...by, carriedAt: '2026-03-20T03:00:00.000Z' });
    expect(r.carried).toEqual([{ source: '正文', type: 'mobile_phone', suggestion: '139****5678', ...by }]);
    expect(r.notCarried).toEqual([]);
  });

  it('judges again a finding whose sentence changed, at the same offsets or not, and one in another field', () => {
    const was = { ...phone('联系人李某，手机', '。'), accepted: by };
    for (const now of [phone('联系人王某，手机', '。'), { ...phone('联系人李某，手机', '。'), source: '内容概述' }]) {
      const r = carryIntoRevision([was], [now], '2026-03-20T03:00:00.000Z');
      expect(r.findings[0].accepted).toBeUndefined();
      expect(r.notCarried).toEqual([{ source: '正文', type: 'mobile_phone', suggestion: '139****5678', reason: by.reason }]);
    }
  });

  it('judges again an unreadable attachment: nothing read around it says the file is the same', () => {
    const unreadable: F = { source: '附件：名单.doc', type: 'unreadable_attachment', text: '名单.doc', start: 0, end: 0, severity: 'block', suggestion: '无法读取附件内容' };
    const r = carryIntoRevision([{ ...unreadable, accepted: by }], [unreadable], '2026-03-20T03:00:00.000Z');
    expect(r.findings[0].accepted).toBeUndefined();
  });

  it('drops an acceptance the new scan brought along but the revision does not keep', () => {
    const r = carryIntoRevision([], [{ ...phone('a', 'b'), accepted: by }], '2026-03-20T03:00:00.000Z');
    expect(r.findings[0]).not.toHaveProperty('accepted');
  });
});
