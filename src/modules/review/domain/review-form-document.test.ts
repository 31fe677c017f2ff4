import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from '../../../platform/documents/index.ts';
import { personalInfoAnswer, reviewFormDocument } from './review-form-document.ts';

describe('the confidentiality review form', () => {
  it('carries the content, the secrecy level, how secrets were avoided and every sign-off', () => {
    const html = renderDocumentHtml(reviewFormDocument({
      organName: '青岚县住房和城乡建设局', title: '关于公租房租金收缴的通知', documentNumber: '岚建〔2026〕3号', formedOn: '2026-03-02',
      disclosureModeLabel: '主动公开', indexNumber: null, summary: '部署租金收缴', secrecyLevel: 'non_secret', involvesPersonalInfo: true,
      avoidanceNote: '已隐去承租人身份证号', scanSummary: '发现 1 处，须处理 1 处', scanJustification: '号码为虚构示例',
      signOffs: [{ stage: '股室负责人审核', role: '股室（单位）负责人', person: '李某（li）', decision: '审核通过', comment: '同意', at: '2026-03-03 10:00', version: 2 }],
      printedAt: '2026-03-04 09:00',
    }));
    for (const t of ['政府信息公开保密审查表', '非密', '已隐去承租人身份证号', '号码为虚构示例', '股室负责人审核', '李某（li）', '发布时生成', '第三十五条']) expect(html).toContain(t);
  });
});

describe('the form’s 涉及个人信息', () => {
  it('is the drafter’s answer, or — when the drafter said 否 over personal data a reviewer accepted and so published — that 否 with what was accepted', () => {
    expect(personalInfoAnswer(true, [])).toBe('是');
    expect(personalInfoAnswer(false, [])).toBe('否');
    expect(personalInfoAnswer(false, [{ label: '手机号码', count: 1 }, { label: '身份证号', count: 2 }]))
      .toBe('起草人填写“否”；审核中接受公开疑似个人信息：手机号码 1 处、身份证号 2 处（理由见“审核人说明”）');
  });
});
