import { describe, expect, it } from 'vitest';
import { applicantFields } from './application-input.ts';
import { recordCorrectionFields } from './record-correction-input.ts';

describe('the descriptions that must say something (at least 5 characters)', () => {
  // A text of emoji only, punctuation only or emoji with spaces between passed 至少5个字 (only its length was counted).
  const saysNothing = ['👍👍👍👍👍👍', '😀 😀 😀 😀 😀 😀', '。。。。。。！！', '？？ ？？ ？？', '好 👍 👍 👍 👍'];
  const fields = [
    ['所需信息的内容描述', applicantFields.shape.subject],
    ['不准确的信息记录', recordCorrectionFields.shape.recordDescription],
  ] as const;

  it('refuses them, saying what counts; a real description passes', () => {
    for (const [label, field] of fields) {
      for (const text of saysNothing) {
        const r = field.safeParse(text);
        expect(r.success, `${label}: ${text}`).toBe(false);
        expect(r.error!.issues.map((i) => i.message)).toEqual([`${label}至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号）`]);
      }
      expect(field.safeParse('2025年公租房分配结果').success, label).toBe(true);
      // Empty asks for the field, not for its minimum.
      expect(field.safeParse('  ').error!.issues.map((i) => i.message), label).toEqual([`请填写${label}`]);
    }
  });
});
