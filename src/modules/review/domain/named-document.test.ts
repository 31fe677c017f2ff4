import { describe, expect, it } from 'vitest';
import { counterpartSentence, namedDocument } from './named-document.ts';

/** The amending or replacing document as a sign-off names it: by title and 文号, never the platform's internal number. */
describe('a document named in a sign-off', () => {
  it('is its title in 《》 with its 文号 when it has one', () => {
    expect(namedDocument({ title: '关于修改城区供水管理办法的决定', documentNumber: '岚水〔2026〕5号' })).toBe('《关于修改城区供水管理办法的决定》（岚水〔2026〕5号）');
    expect(namedDocument({ title: '关于城区停水的补充通知', documentNumber: null })).toBe('《关于城区停水的补充通知》');
    expect(namedDocument({ title: '关于城区停水的补充通知', documentNumber: '  ' })).toBe('《关于城区停水的补充通知》');
  });

  it('says which it is: the amending document of 标记已修改, the replacement of 废止', () => {
    expect(counterpartSentence('mark_amended', { title: '甲', documentNumber: null })).toBe('修改文件：《甲》');
    expect(counterpartSentence('repeal', { title: '乙', documentNumber: '岚政〔2026〕1号' })).toBe('替代文件：《乙》（岚政〔2026〕1号）');
    expect(counterpartSentence('repeal', null)).toBeNull();
  });
});
