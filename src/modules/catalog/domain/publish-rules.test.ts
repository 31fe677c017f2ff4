import { describe, expect, it } from 'vitest';
import { publishRefusals, type PublishFacts } from './publish-rules.ts';

const facts = (over: Partial<PublishFacts['publication']> = {}, rest: Partial<PublishFacts> = {}): PublishFacts => ({
  publication: { status: 'draft', disclosureMode: 'proactive', nodeIds: [1], bodyHtml: '<p>正文</p>', formedOn: '2020-03-01', title: 't', ...over },
  attachmentCount: 0,
  publishedOn: '2020-03-05',
  ...rest,
});

describe('what an item needs before it goes to the portal', () => {
  it('allows a complete proactive draft', () => {
    expect(publishRefusals(facts())).toEqual([]);
  });

  it('allows an item whose content is only an attachment', () => {
    expect(publishRefusals(facts({ bodyHtml: '<p> </p>' }, { attachmentCount: 1 }))).toEqual([]);
  });

  it('lists every reason at once', () => {
    const reasons = publishRefusals(
      facts({ status: 'published', disclosureMode: 'on_application', nodeIds: [], bodyHtml: '', formedOn: '2020-04-01' }),
    );
    expect(reasons).toEqual([
      '该信息已发布',
      '公开方式不是“主动公开”的信息不能发布到门户',
      '请先把信息放入至少一个目录栏目',
      '正文和附件不能都为空',
      '成文日期晚于发布日期',
    ]);
  });

  it('refuses to publish a withdrawn item again', () => {
    expect(publishRefusals(facts({ status: 'withdrawn' }))).toEqual(['该信息已撤回，不能再次发布']);
  });
});
