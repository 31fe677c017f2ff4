import { targetsOf, wrongStateReason, type Reason, type TransitionTable } from '../../../shared/workflow.ts';
import type { ReportStatus } from './report-types.ts';

/** The verbs of an annual report version. States and verbs are the same words in DB, API and code. */
export const REPORT_VERBS = ['edit', 'redraft', 'submit', 'return', 'publish', 'correct'] as const;
export type ReportVerb = (typeof REPORT_VERBS)[number];

export const STATUS_LABELS: Record<ReportStatus, string> = { draft: '草稿', in_review: '审核中', published: '已发布' };
export const VERB_LABELS: Record<ReportVerb, string> = {
  edit: '保存正文', redraft: '按数据重新起草', submit: '提交审核', return: '退回修改', publish: '发布', correct: '发起更正',
};

/**
 * Each verb's row (the shape of every workflow, src/shared/workflow.ts). An editor drafts (edit,
 * redraft, submit); the organ's administrator returns or publishes. A published version is frozen:
 * `correct` leaves it as it is and opens a new draft version with a note (the state named here is
 * the new version's).
 */
export const TRANSITIONS: TransitionTable<ReportStatus, ReportVerb> = {
  edit: { label: VERB_LABELS.edit, from: ['draft'], to: 'same' },
  redraft: { label: VERB_LABELS.redraft, from: ['draft'], to: 'same' },
  submit: { label: VERB_LABELS.submit, from: ['draft'], to: 'in_review' },
  return: { label: VERB_LABELS.return, from: ['in_review'], to: 'draft' },
  publish: { label: VERB_LABELS.publish, from: ['in_review'], to: 'published' },
  correct: { label: VERB_LABELS.correct, from: ['published'], to: 'draft' },
};

export const VERB_ROLE: Record<ReportVerb, 'editor' | 'organ_admin'> = {
  edit: 'editor', redraft: 'editor', submit: 'editor', return: 'organ_admin', publish: 'organ_admin', correct: 'organ_admin',
};

export type ReportFacts = {
  /** The actor holds the verb's role on the organ. */
  actorMay: boolean;
  /** This is the newest version of the organ-year (older ones are history). */
  isLatest: boolean;
  /** The report year is over: figures are final only after 31 December. */
  yearOver: boolean;
  /** Consistency checks that fail, as their rule texts. */
  failedChecks: string[];
  /** Table 二 rows still waiting for a figure from another system. */
  missingInputs: string[];
  /** Text sections that are empty or still hold 【待补充…】. */
  unfinishedSections: string[];
  /** For `correct`: the note explaining the correction. */
  note?: string;
};

export type Decision = { ok: true; next: ReportStatus } | { ok: false; reasons: Reason[] };

/** Decides a verb on a version: the next state, or every reason it is refused (for the page to list). */
export function decide(state: ReportStatus, verb: ReportVerb, facts: ReportFacts): Decision {
  const reasons: Reason[] = [];
  const [next] = targetsOf(TRANSITIONS[verb], state);
  if (!next) reasons.push(wrongStateReason('ERR_REPORT_STATE', TRANSITIONS[verb], state, STATUS_LABELS));
  if (!facts.actorMay) {
    reasons.push({ code: 'ERR_AUTH_FORBIDDEN', message: VERB_ROLE[verb] === 'organ_admin' ? `只有本机关的管理员可以${VERB_LABELS[verb]}` : '您没有编辑该机关年度报告的权限' });
  }
  if (!facts.isLatest) reasons.push({ code: 'ERR_REPORT_NOT_LATEST', message: '这不是该年度报告的最新版本' });
  if (verb === 'submit' || verb === 'publish') {
    if (!facts.yearOver) reasons.push({ code: 'ERR_REPORT_YEAR_NOT_OVER', message: '报告年度尚未结束，12月31日之后才能提交和发布' });
    for (const rule of facts.failedChecks) reasons.push({ code: 'ERR_REPORT_CHECK_FAILED', message: `未通过核对：${rule}` });
    for (const row of facts.missingInputs) reasons.push({ code: 'ERR_REPORT_INPUT_MISSING', message: `表（二）“${row}”尚未录入` });
    for (const s of facts.unfinishedSections) reasons.push({ code: 'ERR_REPORT_TEXT_UNFINISHED', message: `第${s}部分尚未完成（为空或仍有“待补充”内容）` });
  }
  if (verb === 'correct' && !facts.note?.trim()) reasons.push({ code: 'ERR_REPORT_NOTE_REQUIRED', message: '请填写更正说明' });
  return reasons.length ? { ok: false, reasons } : { ok: true, next: next! };
}
