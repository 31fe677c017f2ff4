import { describe, expect, it } from 'vitest';
import { publicationInputSchema } from './publication-input.ts';

const valid = { title: '关于开展扬尘污染专项整治的通知', formedOn: '2020-03-02', stage: 'execution', docType: 'other', nodeIds: ['3'] };

describe('publication metadata', () => {
  it('accepts a minimal item and fills the defaults', () => {
    const v = publicationInputSchema.parse({ ...valid, keywords: '扬尘，整治 施工' });
    expect(v).toMatchObject({ disclosureMode: 'proactive', disclosurePeriod: 'long_term', audience: 'public', validity: 'valid', docType: 'other', nodeIds: [3], replacedById: null });
    expect(v.keywords).toEqual(['扬尘', '整治', '施工']);
  });

  it.each([
    [{ ...valid, title: '  ' }, 'title', '请填写标题'],
    [{ ...valid, formedOn: '2020-02-30' }, 'formedOn', '成文日期应为有效日期'],
    // A year typed wrong (0202 for 2020) is a real date, but no item of the catalog is that old.
    [{ ...valid, formedOn: '0202-03-02' }, 'formedOn', '成文日期 0202-03-02 早于 1900-01-01，请核对年份'],
    [{ ...valid, formedOn: '1899-12-31' }, 'formedOn', '成文日期 1899-12-31 早于 1900-01-01'],
    [{ ...valid, stage: 'other' }, 'stage', '五公开'],
    // 文件类型 decides the annual report's second part: never taken as 其他 unless chosen.
    [{ ...valid, docType: undefined }, 'docType', '请选择文件类型（规章、行政规范性文件或其他）'],
    [{ ...valid, docType: '' }, 'docType', '请选择文件类型'],
    [{ ...valid, docType: 'rule' }, 'docType', '文件类型应为 regulation（规章）、normative_document（行政规范性文件）或 other（其他）'],
    [{ ...valid, nodeIds: [] }, 'nodeIds', '至少选择一个目录栏目'],
    // A form with no box ticked sends no nodeIds at all.
    [{ ...valid, nodeIds: undefined }, 'nodeIds', '请至少选择一个目录栏目'],
    [{ ...valid, nodeIds: 'x' }, 'nodeIds', '目录栏目应为栏目编号'],
    [{ ...valid, disclosureMode: 'withheld' }, 'withheldReason', '法定理由'],
    [{ ...valid, disclosureMode: 'withheld', withheldReason: 'made.up' }, 'withheldReason', '不在法定理由之内'],
    [{ ...valid, consultPhone: 'call me' }, 'consultPhone', '只能包含数字'],
    [{ ...valid, summary: '概'.repeat(1501) }, 'summary', '1500'],
    // A 文号 is optional, but one typed must be one: 😀 or 。。 alone was taken as the item's 文号.
    [{ ...valid, documentNumber: '😀' }, 'documentNumber', '文号应含有汉字、字母或数字，不能只填标点、空格或表情符号'],
    [{ ...valid, documentNumber: '〔〕。' }, 'documentNumber', '文号应含有汉字、字母或数字'],
    // 无 or — typed for "none" (an outside tester: 无 was saved as the item's 文号, — refused as punctuation): left empty here.
    [{ ...valid, documentNumber: '无' }, 'documentNumber', '没有文号的请留空'],
    [{ ...valid, documentNumber: '—' }, 'documentNumber', '没有文号的请留空'],
    [{ ...valid, documentNumber: '暂无文号' }, 'documentNumber', '没有文号的请留空'],
  ])('refuses bad input and names the field (%#)', (input, field, message) => {
    const r = publicationInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toContain(message);
  });
});

describe('publication metadata sent back as read', () => {
  it('treats null optional fields as not given', () => {
    const v = publicationInputSchema.parse({ ...valid, documentNumber: null, consultPhone: null, withheldReason: null });
    expect(v).toMatchObject({ documentNumber: '', consultPhone: '', withheldReason: null });
    expect(publicationInputSchema.parse({ ...valid, documentNumber: '  ' }).documentNumber).toBe('');
    expect(publicationInputSchema.parse({ ...valid, documentNumber: '岚建规〔2026〕1号' }).documentNumber).toBe('岚建规〔2026〕1号');
  });

  it('answers an unexpected type in Chinese', () => {
    const r = publicationInputSchema.safeParse({ ...valid, keywords: 5 });
    expect(r.error!.issues[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
