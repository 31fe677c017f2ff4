import type { Draft } from './item-kind.ts';
import type { HousingTopic } from './housing-topics.ts';
import { HOUSING_TOPICS } from './housing-topics.ts';
import { housingUnit, organName } from './organs.ts';
import { ORGAN_KEYS } from './organ-keys.ts';
import { policyWithInterpretation, type PolicyPairSpec } from './policy-pair.ts';

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

export type HousingPolicySpec = Omit<PolicyPairSpec, 'topic' | 'policyNode' | 'source' | 'phone' | 'contact' | 'numbering' | 'drafter'> & {
  topic: HousingTopic;
  numbering: 'regular' | 'normative';
};

/** A 住建局 policy with its 解读, drafted and explained by the topic's unit. */
export function housingPolicyWithInterpretation(s: HousingPolicySpec): Draft[] {
  const unit = unitOf(s.topic);
  return policyWithInterpretation({
    ...s,
    policyNode: s.numbering === 'normative' ? 'zcwj/gfxwj' : 'zcwj/qtwj',
    source: unit.source,
    phone: unit.phone,
    contact: unit.source.replace(HOUSING_SHORT, HOUSING_NAME),
    drafter: '我局',
  });
}
