import type { Draft } from './item-kind.ts';
import type { HousingTopic } from './housing-topics.ts';
import { HOUSING_TOPICS } from './housing-topics.ts';
import { housingUnit, organName } from './organs.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { interpretationBody } from './body-templates.ts';

/** Facts about 县住房和城乡建设局 that its item kinds share. */
export const HOUSING_NAME = organName(ORGAN_KEYS.housing);
export const HOUSING_SHORT = '县住建局';
export const HOUSING_SIGNER = HOUSING_NAME;
export const ADDRESSEE_ALL = '各乡镇人民政府、街道办事处，县直有关单位，各有关企业';
export const ADDRESSEE_TOWNS = '各乡镇人民政府、街道办事处';
export const ADDRESSEE_ENTERPRISES = '各建设、施工、监理单位';

export function unitOf(topic: HousingTopic): { source: string; phone: string } {
  return housingUnit(topic.unit);
}

/** The catalog placements of an item about `topic`: its own node, plus the topic's 重点领域 node. */
export function withTopicNode(nodes: string[], topic: HousingTopic): string[] {
  return topic.node.startsWith('zdly/') && !nodes.includes(topic.node) ? [...nodes, topic.node] : nodes;
}

export function topicsWithNode(prefix: string): HousingTopic[] {
  return HOUSING_TOPICS.filter((t) => t.node.startsWith(prefix));
}

export type PolicySpec = {
  topic: HousingTopic;
  /** Full title as listed, e.g. 关于印发《…》的通知. */
  title: string;
  /** The document's name in 《》, e.g. 《青岚县公共租赁住房管理办法》. */
  bookTitle: string;
  genre: string;
  numbering: 'regular' | 'normative';
  publishedOn: string;
  formedOn: string;
  body: string;
  summary: string;
  mainPoints: string[];
  changes?: string;
  effective: string;
  planId?: string;
};

/**
 * A policy document and its 政策解读, published together (谁起草谁解读, reference §4.3). The 解读
 * cites the policy's 文号 through the {{相关文号}} token.
 */
export function policyWithInterpretation(s: PolicySpec): Draft[] {
  const unit = unitOf(s.topic);
  const normative = s.numbering === 'normative';
  const policy: Draft = {
    title: s.title,
    nodePaths: withTopicNode([normative ? 'zcwj/gfxwj' : 'zcwj/qtwj'], s.topic),
    stage: 'decision',
    genre: s.genre,
    subject: s.topic.subject,
    keywords: s.topic.keywords.slice(0, 3),
    summary: s.summary,
    bodyHtml: s.body,
    source: unit.source,
    consultPhone: unit.phone,
    docType: normative ? 'normative_document' : 'other',
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
      policyTitle: s.bookTitle,
      background: s.topic.purpose,
      basis: s.topic.basis,
      goals: s.topic.goals,
      mainPoints: s.mainPoints,
      changes: s.changes,
      effective: s.effective,
      contactUnit: unit.source.replace('县住建局', `${HOUSING_NAME}`),
      phone: unit.phone,
    }),
    source: unit.source,
    consultPhone: unit.phone,
    docType: 'other',
    numbering: null,
    formedOn: s.formedOn,
    publishedOn: s.publishedOn,
    interprets: policy,
  };
  return [policy, interpretation];
}
