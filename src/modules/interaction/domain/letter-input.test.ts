import { describe, expect, it } from 'vitest';
import { letterInputSchema } from './letter-input.ts';

describe('the mailbox form’s contact rule', () => {
  it('tells a wrong phone number in one plain sentence, without brackets inside brackets (found by an outside tester)', () => {
    const r = letterInputSchema.safeParse({ type: 'consult', subject: '咨询', content: '请问老旧小区改造何时开始？', writerName: '李明', contact: '1381234', publishConsent: 'yes' });
    expect(r.success).toBe(false);
    const message = r.error!.issues.find((i) => i.path[0] === 'contact')!.message;
    expect(message).toBe('请填写正确的手机号码、固定电话或电子邮箱，以便答复时联系您。电话应为11位手机号码，或带区号的固定电话（如0564-5022106，分机写在后面，如转123）');
    expect(message).not.toMatch(/））/);
  });
});
