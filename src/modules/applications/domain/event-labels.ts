import { TRANSITIONS } from './application-verbs.ts';

/**
 * What a case's 办理记录 calls the steps that are not verbs of the transition table: how the case came
 * in, and the acts that leave its state as it is.
 */
export const OTHER_EVENT_LABELS = {
  register: '登记',
  submitOnline: '网上提交',
  import: '导入',
  recordService: '登记送达',
  flagProactive: '建议转为主动公开',
  resetQueryCode: '重新设置查询码',
} as const;

/** The 办理记录's name for an event's verb; a verb without a name shows as 办理, never as another step's name. */
export function eventLabel(verb: string): string {
  if (verb in TRANSITIONS) return TRANSITIONS[verb as keyof typeof TRANSITIONS].label;
  if (verb in OTHER_EVENT_LABELS) return OTHER_EVENT_LABELS[verb as keyof typeof OTHER_EVENT_LABELS];
  return '办理';
}
