import { describe, expect, it } from 'vitest';
import { sampleApplication } from '../../testing/sample-application.ts';
import { receiptRule } from '../channels.ts';
import { buildLetter, subjectInProse } from './build-letter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';

/**
 * Found on an online application's 申请登记回执: 您申请公开“请公开…竣工验收报告。”的申请 — 申请 twice in one
 * phrase, the request's own full stop inside the quotation marks and its 请公开 repeated after 申请公开.
 */
describe('the request quoted in a letter\'s prose', () => {
  it('leaves out the request\'s closing 。, ； or . and its leading 请公开', () => {
    expect(subjectInProse('请公开青岚县2025年城区道路改造工程竣工验收报告。')).toBe('青岚县2025年城区道路改造工程竣工验收报告');
    expect(subjectInProse('征收补偿方案；')).toBe('征收补偿方案');
    expect(subjectInProse('Project list.')).toBe('Project list');
    expect(subjectInProse('请求公开：征收补偿方案。 ')).toBe('征收补偿方案');
  });

  it('the default receipt says what was asked for without 申请…的申请, the 文号 after the request without its full stop', () => {
    const app = sampleApplication('in_progress', { trackingNo: 'QLX-ZJJ-2026-00001', subject: '请公开青岚县2025年城区道路改造工程竣工验收报告。', documentNumber: '岚建〔2025〕63号' });
    const text = JSON.stringify(buildLetter('acknowledgement', {
      app, organName: '青岚县住房和城乡建设局', issuedOn: '2026-03-03', template: DEFAULT_TEMPLATES.acknowledgement,
      values: { 收到规则: receiptRule('online'), 答复期限: '2026年3月30日' }, reconsideration: { body: '', address: '', online: '' }, serviceMethod: 'post',
    }));
    expect(text).toContain('“青岚县2025年城区道路改造工程竣工验收报告（文号：岚建〔2025〕63号）”');
    expect(text).not.toMatch(/申请公开“[^”]*”(?:（详见申请表）)?的申请/);
    expect(text).not.toContain('。”');
    expect(text).not.toContain('。（文号');
  });
});
