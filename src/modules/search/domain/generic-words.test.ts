import { describe, expect, it } from 'vitest';
import { genericOnly, subjectFirst } from './generic-words.ts';

describe('a fewer-keywords offer of generic words only (issue 13, an outside tester)', () => {
  it('knows an offer whose every word is a generic word of 公文', () => {
    expect(genericOnly('发放')).toBe(true);
    expect(genericOnly('交易')).toBe(true);
    expect(genericOnly('名单')).toBe(true);
    expect(genericOnly('工作 情况')).toBe(true);
    expect(genericOnly('公租房')).toBe(false);
    expect(genericOnly('教师 招聘')).toBe(false);
    expect(genericOnly('养老金 发放')).toBe(false);
    expect(genericOnly('')).toBe(false);
  });

  it('puts the offers that keep a subject before those of generic words only, most found first within each', () => {
    expect(subjectFirst([{ q: '名单', total: 89 }, { q: '教师 招聘', total: 8 }]).map((o) => o.q)).toEqual(['教师 招聘', '名单']);
    expect(subjectFirst([{ q: '公租房', total: 263 }, { q: '物业费', total: 12 }]).map((o) => o.q)).toEqual(['公租房', '物业费']);
    expect(subjectFirst([{ q: '发放', total: 196 }, { q: '情况', total: 300 }]).map((o) => o.q)).toEqual(['发放', '情况']);
  });
});
