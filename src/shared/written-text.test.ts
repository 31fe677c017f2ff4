import { describe, expect, it } from 'vitest';
import { hasWrittenChar, MIN_WRITTEN_CHARS, noWrittenCharMessage, saysEnough, tooShortMessage, writtenCharCount } from './written-text.ts';

describe('how much a public form’s text says', () => {
  it('counts Chinese characters, letters and digits', () => {
    expect(writtenCharCount('请问加装电梯')).toBe(6);
    expect(writtenCharCount('BIM 2026')).toBe(7);
    expect(writtenCharCount('二〇二六年')).toBe(5);
    expect(writtenCharCount('ｂｉｍ１２')).toBe(5);
    expect(writtenCharCount('好好好好好')).toBe(5);
  });

  it('does not count emoji, punctuation, spaces or symbols (six emoji passed 至少5个字 when only spaces were left out)', () => {
    for (const text of ['👍👍👍👍👍👍', '😀 😀 😀 😀 😀 😀', '。。。。。。', '！？…—，、', '1️⃣2️⃣3️⃣4️⃣5️⃣', '#️⃣*️⃣#️⃣*️⃣#️⃣', '👨‍👩‍👧‍👦🇨🇳🇨🇳❤️❤️', '①②③④⑤', '★☆※→←', '\u3000 \u00a0\t\n']) {
      expect(writtenCharCount(text), text).toBe(0);
      expect(saysEnough(text), text).toBe(false);
    }
    expect(writtenCharCount('好👍好👍好')).toBe(3);
    expect(saysEnough('请问👍什么时候')).toBe(true);
    expect(MIN_WRITTEN_CHARS).toBe(5);
  });

  it('says what counts in the refusal', () => {
    expect(tooShortMessage('来信内容')).toBe('来信内容至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）');
  });

  it('tells whether a short field (a name, a 标题, an address) has a written character at all: one is enough, emoji or punctuation alone is not', () => {
    for (const text of ['王', 'A', '1', 'Ｋ', '〇', '😀王', '《咨询》', 'E12345678']) expect(hasWrittenChar(text), text).toBe(true);
    for (const text of ['😀', '👍👍', '。', '？！', '1️⃣', '①', '★', '·', '\u3000 ', '']) expect(hasWrittenChar(text), text).toBe(false);
    expect(noWrittenCharMessage('标题')).toBe('标题应含有汉字、字母或数字，不能只填标点、空格或表情符号');
  });
});
