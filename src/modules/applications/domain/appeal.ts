import type { ErrorReason } from '../../../shared/domain-error.ts';
import { addDays, isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
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
  /** For a reconsideration: the day the 复议机关 accepted it (受理) and the days it extended its time limit. */
  acceptedOn: IsoDate | null;
  extensionDays: number;
  note: string;
  imported: boolean;
  version: number;
};

export type AppealInput = {
  kind: string; filedOn: string; result: string; decidedOn: string | null; caseNo?: string; body?: string; note?: string; acceptedOn?: string | null; extensionDays?: number;
};

/** 行政复议法第六十二条: a decision within 60 days of acceptance, extendable once by at most 30. */
export const RECONSIDERATION_DECISION_DAYS = 60;
export const MAX_RECONSIDERATION_EXTENSION_DAYS = 30;

/** The last day of a reconsideration's decision period: acceptance (else filing) + 60 days + its extension. */
export const reconsiderationDeadline = (r: { filedOn: IsoDate; acceptedOn: IsoDate | null; extensionDays: number }): IsoDate =>
  addDays(r.acceptedOn ?? r.filedOn, RECONSIDERATION_DECISION_DAYS + r.extensionDays);

/**
 * What to tell staff about a suit after reconsideration (行政诉讼法第四十五条): the ledger records what
 * was actually filed, so nothing is refused; a suit before the reconsideration was decided or its period
 * ran out is flagged, since it is possible only in the cases of 行政复议法第三十四条 (not accepted, …).
 */
export function suitAfterReconsiderationNotes(
  filedOn: IsoDate, reconsiderations: readonly { filedOn: IsoDate; acceptedOn: IsoDate | null; extensionDays: number; decidedOn: IsoDate | null }[],
): string[] {
  if (reconsiderations.length === 0) return ['本申请尚未登记行政复议；请核实并补登记复议情况（复议后起诉，行政诉讼法第四十五条）'];
  const ready = reconsiderations.some((r) => (r.decidedOn !== null && r.decidedOn <= filedOn) || reconsiderationDeadline(r) < filedOn);
  if (ready) return [];
  return reconsiderations.map((r) => {
    const due = reconsiderationDeadline(r);
    const from = r.acceptedOn ? `${r.acceptedOn}受理` : `${r.filedOn}申请（未登记受理日期，暂按申请日计算）`;
    return `行政复议于${from}，复议决定期限至${due}（行政复议法第六十二条：受理之日起60日，可延长不超过30日）；在此之前起诉的，请核实复议机关是否不予受理或逾期未作决定（行政复议法第三十四条）`;
  });
}

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
  if (input.acceptedOn) {
    if (input.kind !== 'reconsideration') refuse('acceptedOn', '受理日期只适用于行政复议');
    else if (!isIsoDate(input.acceptedOn)) refuse('acceptedOn', `受理日期“${input.acceptedOn}”不是有效日期，应为YYYY-MM-DD格式的真实日期`);
    else if (input.acceptedOn > ctx.today) refuse('acceptedOn', `受理日期${input.acceptedOn}晚于今天（${ctx.today}）`);
    else if (filedOk && input.acceptedOn < input.filedOn) refuse('acceptedOn', `受理日期${input.acceptedOn}早于申请复议日期${input.filedOn}`);
  }
  const ext = input.extensionDays ?? 0;
  if (!Number.isInteger(ext) || ext < 0 || ext > MAX_RECONSIDERATION_EXTENSION_DAYS) refuse('extensionDays', `复议期限延长天数应为0至${MAX_RECONSIDERATION_EXTENSION_DAYS}的整数（行政复议法第六十二条）`);
  else if (ext > 0 && input.kind !== 'reconsideration') refuse('extensionDays', '延长复议期限只适用于行政复议');
  if (input.kind === 'litigation_direct' && ctx.application?.outcome && isRefusal(ctx.application.outcome)) {
    notes.push('该申请的答复为不予公开（或部分公开），依法应先申请行政复议再起诉（行政复议法第二十三条第一款第（四）项）');
  }
  return { reasons, notes };
}
