import { describe, expect, it } from 'vitest';
import { commentInputReasons } from '../use-cases/consultations.ts';
import { letterInputSchema } from './letter-input.ts';

describe('the mailbox form’s contact rule', () => {
  it('tells a wrong phone number in one plain sentence, without brackets inside brackets (found by an outside tester)', () => {
    const r = letterInputSchema.safeParse({ type: 'consult', subject: '咨询', content: '请问老旧小区改造何时开始？', writerName: '李明', contact: '1381234', publishConsent: 'yes' });
    expect(r.success).toBe(false);
    const message = r.error!.issues.find((i) => i.path[0] === 'contact')!.message;
    expect(message).toBe('请填写正确的手机号码、固定电话或电子邮箱，以便答复时联系您。电话应为11位手机号码，或带区号的固定电话（如0564\u20115022106，分机写在后面，如转123）');
    expect(message).not.toMatch(/））/);
  });

  const letter = { type: 'consult', subject: '咨询', content: '请问老旧小区改造何时开始？', writerName: '李明' };

  it('takes a phone number, an e-mail address or both in their own fields, and keeps them as one contact for staff', () => {
    expect(letterInputSchema.parse({ ...letter, phone: '0564\u20115022106' }).contact).toBe('0564-5022106');
    expect(letterInputSchema.parse({ ...letter, email: 'liming@example.cn' }).contact).toBe('liming@example.cn');
    expect(letterInputSchema.parse({ ...letter, phone: '13912345678', email: 'liming@example.cn' }).contact).toBe('13912345678，liming@example.cn');
    // The API's older single field still works.
    expect(letterInputSchema.parse({ ...letter, contact: '13912345678' }).contact).toBe('13912345678');
  });

  it('asks for one of them in plain Chinese when neither is given, and tells which one is wrong', () => {
    const none = letterInputSchema.safeParse({ ...letter, phone: '', email: ' ' });
    expect(none.error!.issues.map((i) => [i.path[0], i.message])).toEqual([['contact', '请填写联系电话或电子邮箱（至少填写一项），以便答复时联系您']]);
    const wrong = letterInputSchema.safeParse({ ...letter, phone: '5022106', email: 'liming@' });
    expect(wrong.error!.issues.map((i) => i.path[0])).toEqual(['phone', 'email']);
    // The example number keeps together on a narrow screen: its hyphen does not break (U+2011).
    expect(wrong.error!.issues[0].message).toContain('0564\u20115022106');
  });
});

describe('the public forms’ at least 5 characters (来信内容, 意见内容)', () => {
  const letter = { type: 'consult', subject: '咨询', writerName: '李明', phone: '13912345678' };
  // A text of emoji only, punctuation only or emoji with spaces between passed when only spaces were left out.
  const saysNothing = ['👍👍👍👍👍👍', '😀 😀 😀 😀 😀 😀', '。。。。。。！！', '？？ ？？ ？？', '好👍👍👍👍👍👍'];

  it('refuses a letter that says nothing in characters, saying what counts', () => {
    for (const content of saysNothing) {
      const r = letterInputSchema.safeParse({ ...letter, content });
      expect(r.success, content).toBe(false);
      expect(r.error!.issues.map((i) => [i.path[0], i.message]), content).toEqual([['content', '来信内容至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号），请写明您要咨询、建议或投诉的具体事项']]);
    }
    expect(letterInputSchema.safeParse({ ...letter, content: '请问👍补助？' }).success).toBe(false);
    expect(letterInputSchema.safeParse({ ...letter, content: '请问补助标准👍' }).success).toBe(true);
  });

  it('refuses a comment that says nothing in characters, saying what counts', () => {
    for (const content of saysNothing) {
      expect(commentInputReasons({ content }), content).toEqual([{ code: 'ERR_CONSULTATION_INVALID_INPUT', field: 'content', message: '意见内容至少5个字（只计汉字、字母和数字，不计标点、空格和表情符号），请写明您对征求意见稿的具体意见或建议' }]);
    }
    expect(commentInputReasons({ content: '同意这个方案👍' })).toEqual([]);
  });
});

describe('the mailbox form’s short fields (标题, 姓名) say something', () => {
  const letter = { type: 'consult', content: '请问老旧小区改造何时开始？', phone: '13912345678' };
  // An outside tester sent a letter titled 😀 from 👍 (a required field took any character).
  it('refuses a 标题 or a 姓名 of emoji or punctuation only, each at its field; one written character is enough', () => {
    for (const junk of ['😀', '👍👍👍', '。。', '？！', '1️⃣', '★ ★']) {
      const r = letterInputSchema.safeParse({ ...letter, subject: junk, writerName: junk });
      expect(r.success, junk).toBe(false);
      expect(r.error!.issues.map((i) => [i.path[0], i.message]), junk).toEqual([
        ['subject', '标题应含有汉字、字母或数字，不能只填标点、空格或表情符号'],
        ['writerName', '姓名应含有汉字、字母或数字，不能只填标点、空格或表情符号'],
      ]);
    }
    expect(letterInputSchema.safeParse({ ...letter, subject: '问', writerName: '李' }).success).toBe(true);
    expect(letterInputSchema.safeParse({ ...letter, subject: '《咨询》😀', writerName: 'Li Ming' }).success).toBe(true);
    // Empty still asks for the field.
    expect(letterInputSchema.safeParse({ ...letter, subject: ' ', writerName: '李' }).error!.issues.map((i) => i.message)).toEqual(['请填写标题']);
  });
});
