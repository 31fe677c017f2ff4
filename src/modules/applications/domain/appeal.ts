import type { ErrorReason } from '../../../shared/domain-error.ts';
import { isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';
import { isRefusal, type Outcome } from './outcomes.ts';

/** The three groups of table 四 of the annual report. */
export const APPEAL_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** The columns of table 四: 维持 → upheld; 撤销/变更/确认违法/责令履行/确认无效 → corrected; 驳回/终止 … → other. */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export type Appeal = {
  id: number;
  organId: number;
  applicationId: number | null;
  trackingNo: string;
  kind: AppealKind;
  caseNo: string;
  body: string;
  filedOn: IsoDate;
  result: AppealResult;
  decidedOn: IsoDate | null;
  note: string;
  imported: boolean;
  version: number;
};

export type AppealInput = { kind: string; filedOn: string; result: string; decidedOn: string | null; caseNo?: string; body?: string; note?: string };

/**
 * Checks an appeal against the case it concerns: real dates in order, a decision date exactly when
 * there is a result. Returns every reason (empty when fine) and notes worth showing, such as a
 * direct lawsuit against a refusal, which needs reconsideration first (行政复议法第二十三条).
 */
export function appealProblems(
  input: AppealInput,
  ctx: { today: IsoDate; application: { arrivedOn: IsoDate; outcome: Outcome | null } | null },
): { reasons: ErrorReason[]; notes: string[] } {
  const reasons: ErrorReason[] = [];
  const notes: string[] = [];
  const refuse = (field: string, message: string) => reasons.push({ code: E.appealInvalid, field, message });
  if (!(APPEAL_KINDS as readonly string[]).includes(input.kind)) refuse('kind', `类型“${input.kind}”无效，应为行政复议、直接起诉或复议后起诉（${APPEAL_KINDS.join('、')}）`);
  if (!(APPEAL_RESULTS as readonly string[]).includes(input.result)) refuse('result', `结果“${input.result}”无效，应为结果维持、结果纠正、其他结果或尚未审结（${APPEAL_RESULTS.join('、')}）`);
  const filedOk = isIsoDate(input.filedOn);
  if (!filedOk) refuse('filedOn', `申请或起诉日期“${input.filedOn}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
  else if (input.filedOn > ctx.today) refuse('filedOn', `申请或起诉日期${input.filedOn}晚于今天（${ctx.today}）`);
  else if (ctx.application && input.filedOn < ctx.application.arrivedOn) refuse('filedOn', `申请或起诉日期${input.filedOn}早于政府信息公开申请的提交日期${ctx.application.arrivedOn}`);
  const decided = input.decidedOn ?? '';
  if (input.result === 'pending') {
    if (decided) refuse('decidedOn', '尚未审结的案件不应填写审结日期');
  } else if ((APPEAL_RESULTS as readonly string[]).includes(input.result)) {
    if (!decided) refuse('decidedOn', '已审结的案件请填写审结日期');
    else if (!isIsoDate(decided)) refuse('decidedOn', `审结日期“${decided}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
    else if (decided > ctx.today) refuse('decidedOn', `审结日期${decided}晚于今天（${ctx.today}）`);
    else if (filedOk && decided < input.filedOn) refuse('decidedOn', `审结日期${decided}早于申请或起诉日期${input.filedOn}`);
  }
  if (input.kind === 'litigation_direct' && ctx.application?.outcome && isRefusal(ctx.application.outcome)) {
    notes.push('该申请的答复为不予公开（或部分公开），依法应先申请行政复议再起诉（行政复议法第二十三条第一款第（四）项）');
  }
  return { reasons, notes };
}
