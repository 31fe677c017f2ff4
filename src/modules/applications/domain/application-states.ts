/**
 * The states of an application, in the order of 条例第四十五条 (登记 → 审核 → 办理 → 答复 → 归档),
 * with the waiting states the statute creates: awaiting confirmation (第三十一条), correction (第三十条),
 * consultation (第三十二条、第三十四条) and fee payment (国办函〔2020〕109号).
 */
export const APPLICATION_STATES = [
  'awaiting_confirmation',
  'registered',
  'under_review',
  'in_progress',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'replied',
  'archived',
  'discarded',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_LABELS: Record<ApplicationState, string> = {
  awaiting_confirmation: '待确认收到',
  registered: '已登记',
  under_review: '审核中',
  in_progress: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  replied: '已答复',
  archived: '已归档',
  discarded: '不予登记',
};

/** What the applicant sees when checking the status: plain words, nothing internal. */
export const PUBLIC_STATE_LABELS: Record<ApplicationState, string> = {
  awaiting_confirmation: '已提交，等待工作人员与您确认',
  registered: '已受理',
  under_review: '办理中',
  in_progress: '办理中',
  awaiting_correction: '需要您补正申请内容',
  consulting: '办理中（正在征求第三方或其他机关意见，该期间不计入答复期限）',
  awaiting_fee: '等待您缴纳信息处理费',
  replied: '已答复',
  archived: '已答复',
  discarded: '未受理',
};

/** States in which the reply clock belongs to the organ (the case is open and received). */
export const OPEN_STATES: readonly ApplicationState[] = ['registered', 'under_review', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_fee'];
export const CLOSED_STATES: readonly ApplicationState[] = ['replied', 'archived'];

export const isApplicationState = (v: unknown): v is ApplicationState =>
  typeof v === 'string' && (APPLICATION_STATES as readonly string[]).includes(v);
