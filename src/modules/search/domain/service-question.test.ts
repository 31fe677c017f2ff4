import { describe, expect, it } from 'vitest';
import { isServiceGuide, serviceActionsOf } from './service-question.ts';

describe('a question how or where to do something (ADR 0053)', () => {
  it('reads question words with action words as asking, and names the action words', () => {
    expect(serviceActionsOf('怎么申请')).toEqual(['申请']);
    expect(serviceActionsOf('如何办理')).toEqual(['办理']);
    expect(serviceActionsOf('去哪里办理')).toEqual(['办理']);
    expect(serviceActionsOf('在哪办')).toEqual(['办']);
    expect(serviceActionsOf('需要什么材料')).toEqual(['材料']);
    expect(serviceActionsOf('申请需要什么材料')).toEqual(['申请', '材料']);
    expect(serviceActionsOf('办理流程是什么')).toEqual(['办理', '流程']);
    expect(serviceActionsOf('怎么报名')).toEqual(['报名']);
  });

  it('reads nothing else so: a subject, a question without an action, an action without a question, 怎么办', () => {
    for (const text of ['公租房', '如何', '怎么', '申请', '办理流程', '申请条件', '怎么办', '谁来管', '怎么投诉', '公租房怎么申请']) {
      expect(serviceActionsOf(text), text).toBeNull();
    }
  });

  it('tells a service guide by its genre or its title, an edition note left out', () => {
    expect(isServiceGuide({ title: '农村危房改造申请办事指南（2025年修订）', genre: '其他' })).toBe(true);
    expect(isServiceGuide({ title: '2026年秋季义务教育招生入学报名指南', genre: '其他' })).toBe(true);
    expect(isServiceGuide({ title: '依申请公开政府信息办理流程', genre: '' })).toBe(true);
    expect(isServiceGuide({ title: '房屋安全鉴定', genre: '办事指南' })).toBe(true);
    expect(isServiceGuide({ title: '绿色建筑设计技术指南', genre: '其他' })).toBe(false);
    expect(isServiceGuide({ title: '关于印发《青岚县农村危房改造补助资金管理办法》的通知', genre: '通知' })).toBe(false);
  });
});
