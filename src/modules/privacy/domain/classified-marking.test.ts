import { describe, expect, it } from 'vitest';
import { detectClassifiedMarkings } from './classified-marking.ts';

const texts = (s: string) => detectClassifiedMarkings(s).map((f) => f.text);

describe('secrecy markings (保守国家秘密法第二十二条)', () => {
  it.each([
    ['秘密★1年\n霍山县住房和城乡建设局文件', '秘密★1年'],
    ['000001\n机密★10年\n特急', '机密★10年'],
    ['绝密★启用前\n2024年全县统一考试试卷', '绝密★启用前'],
    ['机密★2030年12月31日前\n关于……的通知', '机密★2030年12月31日前'],
    ['秘 密★ 5年\n标题', '秘 密★ 5年'],
    ['秘密☆长期', '秘密☆长期'],
    ['附件\n秘密★6个月', '秘密★6个月'],
  ])('finds a star marking in %j', (text, marking) => {
    const [f] = detectClassifiedMarkings(text);
    expect(f).toMatchObject({ type: 'classified_marking', text: marking, severity: 'block', start: text.indexOf(marking) });
    expect(f.suggestion).toBe('*'.repeat(marking.length));
  });

  it('finds a star marking inside a line and in a 密级 field', () => {
    expect(texts('正文……（此页密级：机密★5年）')).toEqual(['机密★5年']);
    expect(texts('文件名称\t密级\n年度计划\t秘密★1年')).toEqual(['秘密★1年']);
    expect(texts('份号：000123  密级：秘密')).toEqual(['秘密']);
  });

  it('finds a bare level at the head of a document', () => {
    expect(texts('秘密\n霍山县人民政府办公室文件\n霍政办〔2023〕5号')).toEqual(['秘密']);
    expect(texts('000021  机　密  特急\n文件')).toEqual(['机　密']);
    expect(texts('工作秘密\n关于……的报告')).toEqual(['工作秘密']);
    expect(texts('内部\n情况通报')).toEqual(['内部']);
  });

  it('finds internal-material notes', () => {
    expect(texts('内部资料 注意保存\n2023年第5期')).toEqual(['内部资料 注意保存']);
    expect(texts('（内部资料，请勿外传）')).toEqual(['内部资料，请勿外传']);
    expect(texts('内部文件 注意保密')).toEqual(['内部文件 注意保密']);
  });

  it.each([
    '各单位要严格落实保密审查制度，做到先审查、后公开。',
    '涉密信息如何规避：对照清单逐项审查。',
    '属于国家秘密的政府信息不予公开。',
    '国家秘密的密级分为绝密、机密、秘密三级。',
    '文件首页左上角标注“秘密★1年”等国家秘密标志。',
    '标志格式为 `秘密★5年`，见国家秘密定密管理暂行规定。',
    '本局编印内部资料12期。',
    '会议研究了机密文件管理工作，商业秘密依法保护。',
    '密级：非密',
    '内部控制制度\n关于加强内部管理的通知',
  ])('does not flag talk about secrecy: %s', (text) => {
    expect(detectClassifiedMarkings(text)).toEqual([]);
  });

  it('looks for a bare level only at the head of the document', () => {
    const body = Array.from({ length: 10 }, (_, i) => `第${i + 1}段正文。`).join('\n');
    expect(detectClassifiedMarkings(`${body}\n秘密\n`)).toEqual([]);
  });
});
