import type { Publication } from './publication.ts';

export type PublishFacts = {
  publication: Pick<Publication, 'status' | 'disclosureMode' | 'nodeIds' | 'bodyHtml' | 'formedOn' | 'title'>;
  attachmentCount: number;
  publishedOn: string;
};

/**
 * Every reason an item's content cannot go to the portal (all of them, so a caller can list them).
 * People never publish directly: an item passes the organ's review chain, the confidentiality review
 * and the scan gate first (src/modules/review, docs/workflows/review-states.md; 条例第十七条, see
 * docs/rules/proactive-disclosure.md). Only the system publishes without it — the demo seed and
 * imported content (review's `publishImported`, route `system_import`) — and these rules still apply there.
 */
export function publishRefusals(f: PublishFacts): string[] {
  const reasons: string[] = [];
  if (f.publication.status !== 'draft') reasons.push(f.publication.status === 'published' ? '该信息已发布' : '该信息已撤回，不能再次发布');
  // Only 主动公开 items go to the portal; 依申请公开 and 不予公开 are decided at drafting (国办发〔2016〕80号).
  if (f.publication.disclosureMode !== 'proactive') reasons.push('公开方式不是“主动公开”的信息不能发布到门户');
  if (f.publication.nodeIds.length === 0) reasons.push('请先把信息放入至少一个目录栏目');
  if (!stripTags(f.publication.bodyHtml).trim() && f.attachmentCount === 0) reasons.push('正文和附件不能都为空');
  if (f.publication.formedOn > f.publishedOn) reasons.push('成文日期晚于发布日期');
  return reasons;
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ');
