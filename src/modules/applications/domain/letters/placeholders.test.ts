import { describe, expect, it } from 'vitest';
import { fillTemplate } from './placeholders.ts';
import { subjectInProse } from './build-letter.ts';

describe('filling a letter template', () => {
  it('puts each value in its place and marks a missing one', () => {
    expect(fillTemplate('申请编号：{{申请编号}}；{{文号}}', { 申请编号: 'QHX-1' })).toBe('申请编号：QHX-1；（未填写）');
  });
  it('drops a value’s closing 。 where the template goes on with its own punctuation (因…需调取核查。，本机关…)', () => {
    const t = '因{{延期理由}}，本机关不能在{{原答复期限}}前作出答复。';
    expect(fillTemplate(t, { 延期理由: '所申请信息涉及多个年度档案，需调取核查。', 原答复期限: '2027年1月4日' })).toBe('因所申请信息涉及多个年度档案，需调取核查，本机关不能在2027年1月4日前作出答复。');
    expect(fillTemplate('{{终止原因}}本机关不再处理。', { 终止原因: '申请人撤回申请。' })).toBe('申请人撤回申请。本机关不再处理。');
    expect(fillTemplate('理由：{{理由}}。', { 理由: '涉及个人隐私；' })).toBe('理由：涉及个人隐私。');
  });
  it('quotes a request written as “申请公开…” without its leading 申请公开 (您申请公开“2025年…”), and leaves a request that is about 公开 itself alone', () => {
    expect(subjectInProse('申请公开2025年城区老旧小区改造项目资金拨付明细')).toBe('2025年城区老旧小区改造项目资金拨付明细');
    expect(subjectInProse('本人要求公开：征收补偿方案')).toBe('征收补偿方案');
    expect(subjectInProse('公开招标的中标结果')).toBe('公开招标的中标结果');
    expect(subjectInProse('申请公开')).toBe('申请公开');
  });
});
