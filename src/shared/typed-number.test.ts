import { describe, expect, it } from 'vitest';
import { typedNumber } from './typed-number.ts';

describe('a case number or code as typed or copied', () => {
  it('reads the hyphens a printed receipt keeps numbers whole with, full-width input and spaces as the issued form', () => {
    expect(typedNumber('QLX\u2011ZJJ\u2011XX2026\u201100001')).toBe('QLX-ZJJ-XX2026-00001');
    expect(typedNumber('ｑｌｘ－ｚｊｊ－２０２６－０００１２')).toBe('QLX-ZJJ-2026-00012');
    expect(typedNumber(' qlx-zjj-2026 - 00012 ')).toBe('QLX-ZJJ-2026-00012');
    expect(typedNumber('u6t6 7m2w')).toBe('U6T67M2W');
    expect(typedNumber('ＵＶＷ２３４５６')).toBe('UVW23456');
  });
});
