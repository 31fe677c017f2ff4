import type { Draft } from './item-kind.ts';
import { interpretationBody } from './body-templates.ts';

/** What a policy is about: enough to write the policy's 解读. Every organ's topics have this shape. */
export type PolicyTopic = {
  name: string;
  /** Catalog path of the topic's 重点领域 node, or '' when it has none. */
  node: string;
  subject: string;
  keywords: string[];
  purpose: string;
  basis: string[];
  goals: string[];
};

export type PolicyPairSpec = {
  topic: PolicyTopic;
  /** Full title as listed, e.g. 关于印发《…》的通知. */
  title: string;
  /** The document's name in 《》, e.g. 《青岚县公共租赁住房管理办法》. */
  bookTitle: string;
  genre: string;
  numbering: 'regular' | 'normative' | 'office';
  /** The 政策文件 node the policy goes in (e.g. 'zcwj/gfxwj'). */
  policyNode: string;
  publishedOn: string;
  formedOn: string;
  body: string;
  summary: string;
  mainPoints: string[];
  changes?: string;
  effective: string;
  planId?: string;
  source: string;
  phone: string;
  /** Full name of who explains it (解读机关). */
  contact: string;
  /** How the drafter calls itself in the 解读 (我局, 县政府办公室). */
  drafter: string;
};

/**
 * A policy document and its 政策解读, published together (谁起草谁解读, docs/rules/proactive-disclosure.md). The 解读
 * cites the policy's 文号 through the {{相关文号}} token.
 */
export function policyWithInterpretation(s: PolicyPairSpec): Draft[] {
  const topicNodes = s.topic.node.startsWith('zdly/') ? [s.topic.node] : [];
  const policy: Draft = {
    title: s.title,
    nodePaths: [s.policyNode, ...topicNodes],
    stage: 'decision',
    genre: s.genre,
    subject: s.topic.subject,
    keywords: s.topic.keywords.slice(0, 3),
    summary: s.summary,
    bodyHtml: s.body,
    source: s.source,
    consultPhone: s.phone,
    docType: s.numbering === 'normative' ? 'normative_document' : 'other',
    numbering: s.numbering,
    formedOn: s.formedOn,
    publishedOn: s.publishedOn,
    planId: s.planId,
  };
  const interpretation: Draft = {
    title: `${s.bookTitle}政策解读`,
    nodePaths: ['zcjd'],
    stage: 'decision',
    genre: '政策解读',
    subject: s.topic.subject,
    keywords: [...s.topic.keywords.slice(0, 2), '政策解读'],
    summary: `对${s.bookTitle}的起草背景、主要依据、目标任务和主要内容进行解读。`,
    bodyHtml: interpretationBody({
      policyTitle: s.bookTitle, background: s.topic.purpose, basis: s.topic.basis, goals: s.topic.goals,
      mainPoints: s.mainPoints, changes: s.changes, effective: s.effective, contactUnit: s.contact, phone: s.phone, drafter: s.drafter,
    }),
    source: s.source,
    consultPhone: s.phone,
    docType: 'other',
    numbering: null,
    formedOn: s.formedOn,
    publishedOn: s.publishedOn,
    interprets: policy,
  };
  return [policy, interpretation];
}
