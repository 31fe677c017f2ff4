import type { OutcomeGroup } from '../outcomes.ts';

/** Letters stored with a case (application_letters.kind). */
export const LETTER_KINDS = [
  'acknowledgement', 'correction_notice', 'consultation_letter', 'extension_notice', 'fee_notice', 'reply', 'termination_notice', 'disclosure_notice', 'discard_notice', 'withdrawal_notice', 'reasons_request', 'delay_notice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  correction_notice: '补正告知书',
  consultation_letter: '征求意见函',
  extension_notice: '延期答复告知书',
  fee_notice: '收费通知书',
  reply: '答复告知书',
  termination_notice: '终止处理告知书',
  disclosure_notice: '决定公开告知书（第三方）',
  acknowledgement: '申请登记回执',
  discard_notice: '不予登记告知书',
  withdrawal_notice: '撤回申请确认书',
  reasons_request: '说明理由告知书',
  delay_notice: '延迟答复告知书',
};

/** The applicant may download these with the query code; letters to a third party or organ go to it only. */
export const isLetterForApplicant = (kind: LetterKind): boolean => kind !== 'consultation_letter' && kind !== 'disclosure_notice';

/** Letters addressed to someone other than the applicant: they do not show the applicant's identity. */
export const isLetterToOthers = (kind: LetterKind): boolean => !isLetterForApplicant(kind);

/** Templates an organ can edit: one per letter, and one reply per outcome group. */
export const TEMPLATE_KINDS = [
  'acknowledgement',
  'discard_notice',
  'withdrawal_notice',
  'reasons_request',
  'delay_notice',
  'correction_notice',
  'consultation_third_party',
  'consultation_co_agency',
  'disclosure_notice',
  'extension_notice',
  'fee_notice',
  'termination_notice',
  'reply.disclosed',
  'reply.partly_disclosed',
  'reply.withheld',
  'reply.unable',
  'reply.not_processed',
  'reply.other',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const isTemplateKind = (v: unknown): v is TemplateKind => typeof v === 'string' && (TEMPLATE_KINDS as readonly string[]).includes(v);

export const replyTemplateKind = (group: OutcomeGroup): TemplateKind => `reply.${group}` as TemplateKind;

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  acknowledgement: '申请登记回执',
  discard_notice: '不予登记告知书',
  withdrawal_notice: '撤回申请确认书',
  reasons_request: '说明理由告知书（条例第三十五条）',
  delay_notice: '延迟答复告知书（条例第三十五条）',
  correction_notice: '补正告知书',
  consultation_third_party: '征求第三方意见函（条例第三十二条）',
  consultation_co_agency: '征求其他机关意见函（条例第三十四条）',
  disclosure_notice: '决定公开告知书（第三方，条例第三十二条）',
  extension_notice: '延期答复告知书',
  fee_notice: '收费通知书',
  termination_notice: '终止处理告知书',
  'reply.disclosed': '答复告知书（予以公开）',
  'reply.partly_disclosed': '答复告知书（部分公开）',
  'reply.withheld': '答复告知书（不予公开）',
  'reply.unable': '答复告知书（无法提供）',
  'reply.not_processed': '答复告知书（不予处理）',
  'reply.other': '答复告知书（其他处理）',
};
