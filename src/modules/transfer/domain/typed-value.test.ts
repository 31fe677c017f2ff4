import { describe, expect, it } from 'vitest';
import { quotedTyped, TYPED_SHOWN, withTyped } from './typed-value.ts';

describe('a typed value repeated in an import’s report', () => {
  it('quotes a short value as typed, its spaces and line breaks as one space', () => {
    expect(quotedTyped('？？')).toBe('“？？”');
    expect(quotedTyped(' 岚建\n〔2026〕  3号 ')).toBe('“岚建 〔2026〕 3号”');
    expect(withTyped('文号应含有汉字、字母或数字', '〔〕')).toBe('文号应含有汉字、字母或数字（所填：“〔〕”）');
  });

  it('cuts a long value after whole characters and says how long it was', () => {
    const long = '😀'.repeat(TYPED_SHOWN + 5);
    expect(quotedTyped(long)).toBe(`“${'😀'.repeat(TYPED_SHOWN)}…”，共 ${TYPED_SHOWN + 5} 字`);
    expect(quotedTyped('字'.repeat(TYPED_SHOWN))).toBe(`“${'字'.repeat(TYPED_SHOWN)}”`);
  });
});
