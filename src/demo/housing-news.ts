import type { HousingTopic } from './housing-topics.ts';
import type { Rng } from './prng.ts';
import { ensure } from './body-templates.ts';

/** Who attends a meeting about a topic, and the sentences news about it is made of. */
export function attendeesFor(topic: HousingTopic): string {
  switch (topic.node) {
    case 'zdly/ncwfgz': return '各乡镇分管负责同志和村镇建设办公室主任';
    case 'zdly/jzgczl':
    case 'zdly/yccz': return '全县在建项目建设、施工、监理单位负责人';
    case 'zdly/fdcscjg': return '全县房地产开发企业和物业服务企业负责人';
    case 'zdly/bzxzf': return '各街道、社区分管负责同志';
    case 'zdly/szfw': return '供水、燃气等市政公用企业负责人';
    case 'zdly/gytdsfwzs': return '房屋征收实施单位和评估机构负责人';
    case 'zdly/zdjsxm': return '各重点项目建设单位和施工单位负责人';
    default: return '局机关各股室及局属单位负责人';
  }
}

const PROGRESS = [
  '各项工作总体进展顺利，但仍存在个别项目进度滞后、基础资料不够规范等问题',
  '主要指标均达到序时进度要求，部分单位工作成效明显',
  '各单位按照年初部署扎实推进，阶段性任务已基本完成',
  '工作取得了阶段性成效，但与年度目标相比仍有一定差距',
];

const EMPHASIS = [
  '事关群众切身利益和经济社会发展大局',
  '是践行以人民为中心发展思想的具体体现',
  '是今年全县住建系统的一项重点工作',
];
const SAFETY_EMPHASIS = '关系到人民群众生命财产安全和社会大局稳定';

export function progressSentence(rng: Rng): string {
  return rng.pick(PROGRESS);
}

/** Who speaks in a piece of news: the meeting, the visiting officials, or nobody (an activity). */
export type NewsMode = 'meeting' | 'visit' | 'activity';

export function emphasisSentence(rng: Rng, topic: HousingTopic, mode: NewsMode = 'meeting'): string {
  const options = topic.subject.includes('安全') ? [...EMPHASIS, SAFETY_EMPHASIS] : EMPHASIS;
  const who = mode === 'visit' ? '调研组指出' : '会议指出';
  if (mode === 'activity') return `据了解，在推进过程中，县住建局注重${rng.pick(topic.measures)}，相关工作正在有序推进。`;
  return `${who}，${topic.name}工作${rng.pick(options)}，各单位要进一步提高思想认识，以更高标准、更实举措抓好各项工作落实。`;
}

export function nextStepSentence(rng: Rng, topic: HousingTopic, mode: NewsMode = 'meeting'): string {
  const options = [
    `下一步，县住建局将加强督促指导，紧盯目标任务，${ensure(rng.pick(topic.goals))}。`,
    `县住建局将建立工作台账，实行定期调度，确保${topic.name}工作按时保质完成。`,
  ];
  if (mode === 'meeting') options.push(`会后，各单位将对照会议要求抓好贯彻落实，县住建局将适时开展督查，推动${topic.name}各项任务落地见效。`);
  return rng.pick(options);
}
