import { interpretationRefusals, PUBLICATION_STATUS_LABELS, type InterpretationFacts, type PublicationStatus } from '../../catalog/index.ts';
import { wrongStateReason, type Reason, type TransitionTable } from '../../../shared/workflow.ts';
import type { MaskCheck } from './mask-finding.ts';
import { counterpartReasons, type CounterpartDocument, type DocumentDates } from '../../catalog/index.ts';
import { REVIEW_ROLE_LABELS, WITHDRAW_REASONS, type ChainStage, type ReviewRole, type SecrecyLevel } from './review-roles.ts';

export type { Reason } from '../../../shared/workflow.ts';

/**
 * The review workflow as data: which verb moves an item from which state, and one pure `decide`
 * that returns the next state or every reason the verb is refused ("谁公开谁审查、先审查后公开").
 * The shape every workflow shares: src/shared/workflow.ts.
 */
export const REVIEW_VERBS = [
  'submit', 'approve', 'return_for_changes', 'schedule', 'unschedule', 'publish', 'force_publish', 'approve_retrospectively',
  'withdraw', 'repeal', 'amend', 'recall_submission', 'approve_amendment', 'return_amendment', 'apply_mask', 'mark_amended',
  'withdraw_amendment',
] as const;
export type ReviewVerb = (typeof REVIEW_VERBS)[number];

export const VERB_LABELS: Record<ReviewVerb, string> = {
  submit: '报送审核', approve: '审核通过', return_for_changes: '退回修改', schedule: '定时发布', unschedule: '取消定时',
  publish: '发布', force_publish: '紧急发布', approve_retrospectively: '补充审核', withdraw: '撤回', repeal: '废止', amend: '修订',
  recall_submission: '撤回报送', approve_amendment: '修订审核通过', return_amendment: '退回修订', apply_mask: '应用建议遮盖',
  mark_amended: '标记已修改', withdraw_amendment: '撤回修订',
};

/** From which states each verb may be used and where it leads (approve: the next stage, or approved after the last). */
export const TRANSITIONS: TransitionTable<PublicationStatus, ReviewVerb> = {
  submit: { label: VERB_LABELS.submit, from: ['draft', 'returned'], to: 'in_review' },
  approve: { label: VERB_LABELS.approve, from: ['in_review'], to: ['in_review', 'approved'] },
  return_for_changes: { label: VERB_LABELS.return_for_changes, from: ['in_review', 'approved', 'scheduled'], to: 'returned' },
  schedule: { label: VERB_LABELS.schedule, from: ['approved'], to: 'scheduled' },
  unschedule: { label: VERB_LABELS.unschedule, from: ['scheduled'], to: 'approved' },
  publish: { label: VERB_LABELS.publish, from: ['approved', 'scheduled'], to: 'published' },
  force_publish: { label: VERB_LABELS.force_publish, from: ['draft', 'returned', 'in_review', 'approved'], to: 'published' },
  approve_retrospectively: { label: VERB_LABELS.approve_retrospectively, from: ['published'], to: 'same' },
  withdraw: { label: VERB_LABELS.withdraw, from: ['published'], to: 'withdrawn' },
  repeal: { label: VERB_LABELS.repeal, from: ['published'], to: 'same' },
  // 先审查后公开 applies to a changed text too: an amendment waits as a pending revision (the
  // published version stays live) until someone other than its authors approves it.
  amend: { label: VERB_LABELS.amend, from: ['published'], to: 'same' },
  approve_amendment: { label: VERB_LABELS.approve_amendment, from: ['published'], to: 'same' },
  // 退回修订 sends the revision back to its proposer, kept (text, files, 修订说明) with the comment; the published version
  // stays live. 撤回修订 is its proposer discarding it, pending or returned (docs/adr/0051).
  return_amendment: { label: VERB_LABELS.return_amendment, from: ['published'], to: 'same' },
  withdraw_amendment: { label: VERB_LABELS.withdraw_amendment, from: ['published'], to: 'same' },
  // The submitter takes an item back before anyone has acted on it.
  recall_submission: { label: VERB_LABELS.recall_submission, from: ['in_review'], to: 'draft' },
  // The reviewer at hand puts one of the scanner's suggested masks in place (the text is otherwise
  // locked in review); the item stays where it is and is scanned again. On a published item, in the pending revision's text.
  apply_mask: { label: VERB_LABELS.apply_mask, from: ['in_review', 'approved', 'published'], to: 'same' },
  // 已修改 with the later document that amended it (docs/adr/0026); repeatable, one amender each time.
  mark_amended: { label: VERB_LABELS.mark_amended, from: ['published'], to: 'same' },
};


export type ReviewFacts = {
  status: PublicationStatus;
  reviewStage: number | null;
  chain: ChainStage[];
  publisherRole: ReviewRole;
  /** Everyone who wrote the item's content or form (drafted, edited, submitted); none of them may approve or publish it. */
  authorUserIds: number[];
  /** Who submitted the item for this round (null before the first submission). */
  submittedBy: number | null;
  /** The pending revision of a published item, with everyone who wrote it (its text or its attachments). */
  revision: {
    proposedBy: number | null; authorIds: number[]; /** 退回修订 sent it back to its proposer (ADR 0051). */ returned?: boolean;
    /** Saved again, or its files changed, since the page (or API read) the decision was sent from showed it. */
    changedSinceSeen?: boolean;
  } | null;
  /** Who approved a stage since the item was last submitted: 三级审核 means different people. */
  approverIdsThisRound: number[];
  formedOn: string;
  todayOn: string;
  actor: { userId: number | null; system: boolean; roles: Set<ReviewRole | 'system_admin'>; mayDraft: boolean };
  form: { secrecyLevel: SecrecyLevel | null; avoidanceNote: string } | null;
  /**
   * The latest scan: how many 密级标志 it found (never passable by a reviewer's word), and how many
   * other blocking findings stand neither masked nor accepted, each with its own recorded reason;
   * `unreadable` names the attachments among them the scanner could not read (a refusal names them).
   */
  scan: { markings: number; unresolved: number; unreadable?: readonly string[] };
  disclosureMode: 'proactive' | 'on_application' | 'withheld';
  validity: string;
  /** A 政策解读 has no 效力 of its own (it follows the document it explains); absent: an ordinary document. */
  itemKind?: 'document' | 'interpretation';
  /**
   * A 政策解读's content as the verb would submit, approve or publish it (a 修订's: the revision's), for the one rule of
   * what it must hold (`interpretationRefusals`); absent or null: an ordinary document.
   */
  interpretation?: InterpretationFacts | null;
  forcePublished: boolean;
  retroApproved: boolean;
  forcePublishedBy: number | null;
  nowAt: string;
  input: {
    comment?: string; publishAt?: string; withdrawReason?: string; withdrawNote?: string; changeNote?: string;
    /** For 废止 with a replacement: what the given number names (null: none given). */
    replacement?: ReplacementCheck | null;
    /** For 标记已修改: the amending document's 编号 (its checks are the catalog's, `recordAmendingDocument`). */
    amendingId?: number | null;
    /** For 标记已修改 and 废止: the document named as amending (or replacing) this one, and this one's dates (counterpart-document.ts). */
    counterpart?: CounterpartDocument | null;
    ownDates?: DocumentDates;
    /** For 应用建议遮盖: whether the finding is still where the scan found it (absent: no finding named, as when listing the verbs). */
    mask?: MaskCheck;
  };
};

export type Decision =
  | { ok: true; next: PublicationStatus; nextStage: number | null; stageName: string | null; role: string | null }
  | { ok: false; reasons: Reason[] };

const holds = (f: ReviewFacts, role: ReviewRole) => f.actor.system || f.actor.roles.has('system_admin') || f.actor.roles.has(role);
const isAuthor = (f: ReviewFacts) => f.actor.userId !== null && f.authorUserIds.includes(f.actor.userId);

function gateReasons(f: ReviewFacts): Reason[] {
  const r: Reason[] = [];
  // 保守国家秘密法第三十五条 and 条例第十七条: no publication without a recorded confidentiality review.
  if (!f.form || f.form.secrecyLevel === null) r.push({ code: 'ERR_REVIEW_FORM_INCOMPLETE', message: '保密审查表未填写密级' });
  else if (f.form.secrecyLevel !== 'non_secret') r.push({ code: 'ERR_REVIEW_SECRET', message: '密级不是“非密”的信息不得公开（涉密不上网）' });
  r.push(...gateScanReasons(f.scan));
  if (f.disclosureMode !== 'proactive') r.push({ code: 'ERR_REVIEW_NOT_PROACTIVE', message: '公开方式不是“主动公开”的信息不能发布到门户' });
  if (f.formedOn > f.todayOn) r.push({ code: 'ERR_REVIEW_FORMED_IN_FUTURE', message: '成文日期晚于今天，请核对' });
  return r;
}

/**
 * 保守国家秘密法: a carrier bearing a 国家秘密标志 is not made public; it is declassified first, or its
 * marking found wrong and taken out by its drafter. So no reviewer's note, acceptance or mask passes one.
 */
function secrecyMarkingReasons(scan: ReviewFacts['scan']): Reason[] {
  return scan.markings > 0
    ? [{ code: 'ERR_REVIEW_SECRECY_MARKING', message: `扫描发现 ${scan.markings} 处密级标志。密级标志不能以遮盖处理，也不能由审核人说明理由放行：须先依法解密，或确认标志有误后退回起草人修改` }]
    : [];
}

/**
 * 条例第十五条 (and 第十四条 for what else must not be disclosed): every other blocking finding is
 * masked or accepted by a reviewer with its own reason; one note for all of them is not a review.
 */
function unresolvedFindingReasons(scan: ReviewFacts['scan']): Reason[] {
  const reasons: Reason[] = [];
  // A file the scanner could not read is named, with what to do: it was not scanned, so it is not counted as personal data found.
  const unreadable = scan.unreadable ?? [];
  if (unreadable.length) {
    reasons.push({
      code: 'ERR_REVIEW_SCAN_BLOCKED',
      message: `附件${unreadable.map((n) => `“${n}”`).join('、')}无法读取，未能完成保密审查扫描：请退回，由起草人（修订人）重新上传可读取的版本；或由审核人人工审阅该附件后，在扫描结果中说明可以公开的理由`,
    });
  }
  const others = scan.unresolved - unreadable.length;
  if (others > 0) {
    reasons.push({ code: 'ERR_REVIEW_SCAN_BLOCKED', message: `扫描发现 ${others} 处疑似个人信息等须处理的内容，既未遮盖，也未逐处记录可以公开的理由：请逐处应用建议遮盖或说明理由，或退回修改` });
  }
  return reasons;
}

/** The scan's part of the gate: what stops a text whatever else is in order (a content import weighs its items by it too). */
export function gateScanReasons(scan: ReviewFacts['scan']): Reason[] {
  return [...secrecyMarkingReasons(scan), ...unresolvedFindingReasons(scan)];
}

/**
 * What publishing asks of a 政策解读's content, asked at every step before it with the same message and code
 * (ERR_CATALOG_INTERPRETATION_INCOMPLETE): an outside tester's 视频解读 with no text passed 报送审核 and three approvals
 * and was refused only at 发布. Before publication its policy may still be in review with it (`review`).
 */
const interpretationReasons = (f: ReviewFacts, at: 'review' | 'publish'): Reason[] => (f.interpretation ? interpretationRefusals(f.interpretation, at) : []);

export function decide(verb: ReviewVerb, f: ReviewFacts): Decision {
  const reasons: Reason[] = [];
  const t = TRANSITIONS[verb];
  // Every reason, the state among them: a person sees all that stands in the way at once.
  if (!t.from.includes(f.status)) reasons.push(wrongStateReason('ERR_REVIEW_WRONG_STATE', t, f.status, PUBLICATION_STATUS_LABELS));
  const stage = f.reviewStage !== null ? f.chain.find((s) => s.position === f.reviewStage) ?? null : null;
  reasons.push(...RULES[verb](f, stage));
  if (reasons.length) return { ok: false, reasons };
  const last = f.chain.length ? Math.max(...f.chain.map((s) => s.position)) : 0;
  switch (verb) {
    case 'submit': {
      const first = [...f.chain].sort((a, b) => a.position - b.position)[0];
      return { ok: true, next: 'in_review', nextStage: first.position, stageName: null, role: null };
    }
    case 'approve': {
      const nextStage = [...f.chain].sort((a, b) => a.position - b.position).find((s) => s.position > stage!.position);
      return nextStage && stage!.position < last
        ? { ok: true, next: 'in_review', nextStage: nextStage.position, stageName: stage!.name, role: stage!.role }
        : { ok: true, next: 'approved', nextStage: null, stageName: stage!.name, role: stage!.role };
    }
    case 'apply_mask':
      return { ok: true, next: f.status, nextStage: f.reviewStage, stageName: stage?.name ?? '发布', role: stage?.role ?? f.publisherRole };
    case 'recall_submission':
      return { ok: true, next: 'draft', nextStage: null, stageName: null, role: null };
    case 'return_for_changes':
      return stage && f.status === 'in_review'
        ? { ok: true, next: 'returned', nextStage: null, stageName: stage.name, role: stage.role }
        : { ok: true, next: 'returned', nextStage: null, stageName: '发布', role: f.publisherRole };
    case 'amend':
    case 'withdraw_amendment':
      // A revision is drafted: by a drafter it is the drafter's act (the 保密审查表 prints 起草人), the publisher's
      // only when the publisher, who may not draft, proposed it (an outside tester saw an 信息员's 修订 signed 政务公开办公室).
      return { ok: true, next: f.status, nextStage: null, stageName: null, role: f.actor.mayDraft ? null : f.publisherRole };
    default: {
      const to = TRANSITIONS[verb].to;
      return { ok: true, next: to === 'same' ? f.status : (to as PublicationStatus), nextStage: null, stageName: null, role: f.publisherRole };
    }
  }
}

/** Each verb's own rules, one small named function per verb (the table says where each may be used). */
const RULES: Record<ReviewVerb, (f: ReviewFacts, stage: ChainStage | null) => Reason[]> = {
  submit: submitRules,
  approve: approveRules,
  return_for_changes: returnForChangesRules,
  schedule: scheduleRules,
  unschedule: unscheduleRules,
  publish: publishRules,
  force_publish: forcePublishRules,
  approve_retrospectively: approveRetrospectivelyRules,
  withdraw: withdrawRules,
  repeal: repealRules,
  amend: amendRules,
  approve_amendment: approveAmendmentRules,
  return_amendment: returnAmendmentRules,
  recall_submission: recallSubmissionRules,
  apply_mask: applyMaskRules,
  mark_amended: markAmendedRules,
  withdraw_amendment: withdrawAmendmentRules,
};

function submitRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!f.form || f.form.secrecyLevel === null) reasons.push({ code: 'ERR_REVIEW_FORM_INCOMPLETE', message: '报送前请填写保密审查表的密级' });
  // 涉密不上网: a secret item, or one not meant for proactive disclosure, is never submitted for publication.
  reasons.push(...gateReasons(f).filter((r) => ['ERR_REVIEW_SECRET', 'ERR_REVIEW_NOT_PROACTIVE', 'ERR_REVIEW_FORMED_IN_FUTURE'].includes(r.code)));
  if (f.chain.length === 0) reasons.push({ code: 'ERR_REVIEW_NO_CHAIN', message: '本机关尚未设置审核流程' });
  reasons.push(...interpretationReasons(f, 'review'));
  return reasons;
}

function approveRules(f: ReviewFacts, stage: ChainStage | null): Reason[] {
  const reasons: Reason[] = [];
  if (!stage) reasons.push({ code: 'ERR_REVIEW_NO_STAGE', message: '审核环节不存在' });
  else if (!holds(f, stage.role)) reasons.push({ code: 'ERR_REVIEW_NOT_YOUR_STAGE', message: `“${stage.name}”须由相应审核人审核` });
  if (isAuthor(f)) reasons.push({ code: 'ERR_REVIEW_SELF_APPROVAL', message: '不能审核自己起草、修改或报送的信息' });
  else if (f.actor.userId !== null && f.approverIdsThisRound.includes(f.actor.userId)) {
    reasons.push({ code: 'ERR_REVIEW_SAME_PERSON', message: '您已审核过本轮的前一环节，三级审核须由不同的人完成' });
  }
  if (stage && stage.position === Math.max(...f.chain.map((s) => s.position))) reasons.push(...gateReasons(f).filter((r) => r.code !== 'ERR_REVIEW_NOT_PROACTIVE'));
  else reasons.push(...gateScanReasons(f.scan));
  reasons.push(...interpretationReasons(f, 'review'));
  return reasons;
}

function returnForChangesRules(f: ReviewFacts, stage: ChainStage | null): Reason[] {
  const reasons: Reason[] = [];
  // In review, the current stage returns it; once approved or scheduled, the publisher may.
  if (f.status === 'in_review' ? !stage || !holds(f, stage.role) : !holds(f, f.publisherRole)) {
    reasons.push({ code: f.status === 'in_review' ? 'ERR_REVIEW_NOT_YOUR_STAGE' : 'ERR_REVIEW_NOT_PUBLISHER', message: f.status === 'in_review' ? '只有当前环节的审核人可以退回' : '只有发布人可以退回已审核的信息' });
  }
  if (!f.input.comment?.trim()) reasons.push({ code: 'ERR_REVIEW_COMMENT_REQUIRED', message: '退回修改须填写意见' });
  return reasons;
}

/** A refusal for want of the publisher role, saying who publishes: the organ's publisher role by name (审核流程 sets it). */
const notPublisher = (f: ReviewFacts, message: string): Reason =>
  ({ code: 'ERR_REVIEW_NOT_PUBLISHER', message: `${message}：本机关的信息由“${REVIEW_ROLE_LABELS[f.publisherRole]}”发布（见审核流程设置）` });

function scheduleRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '您不是本机关的发布人'));
  if (isAuthor(f)) reasons.push({ code: 'ERR_REVIEW_SELF_PUBLISH', message: '不能发布自己起草或报送的信息' });
  if (!f.input.publishAt || Number.isNaN(Date.parse(f.input.publishAt))) reasons.push({ code: 'ERR_REVIEW_SCHEDULE_INVALID', message: '请填写有效的发布时间' });
  else if (Date.parse(f.input.publishAt) <= Date.parse(f.nowAt)) reasons.push({ code: 'ERR_REVIEW_SCHEDULE_PAST', message: '定时发布的时间必须晚于现在' });
  reasons.push(...gateReasons(f));
  // A scheduled interpretation may wait for its policy (the job publishes it once the policy is out).
  reasons.push(...interpretationReasons(f, 'review'));
  return reasons;
}

function unscheduleRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '您不是本机关的发布人'));
  return reasons;
}

function publishRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '您不是本机关的发布人'));
  if (isAuthor(f) && !f.actor.system) reasons.push({ code: 'ERR_REVIEW_SELF_PUBLISH', message: '不能发布自己起草或报送的信息' });
  reasons.push(...gateReasons(f));
  reasons.push(...interpretationReasons(f, 'publish'));
  return reasons;
}

function forcePublishRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '您不是本机关的发布人'));
  if (isAuthor(f)) reasons.push({ code: 'ERR_REVIEW_SELF_PUBLISH', message: '不能紧急发布自己起草或报送的信息' });
  if (!f.input.comment?.trim()) reasons.push({ code: 'ERR_REVIEW_REASON_REQUIRED', message: '紧急发布须说明理由，并在事后补充审核' });
  reasons.push(...gateReasons(f));
  reasons.push(...interpretationReasons(f, 'publish'));
  return reasons;
}

function approveRetrospectivelyRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!f.forcePublished || f.retroApproved) reasons.push({ code: 'ERR_REVIEW_NOTHING_TO_APPROVE', message: '该信息不需要补充审核' });
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '补充审核须由发布人进行'));
  if (f.actor.userId !== null && (f.actor.userId === f.forcePublishedBy || isAuthor(f))) {
    reasons.push({ code: 'ERR_REVIEW_SELF_APPROVAL', message: '补充审核须由紧急发布人和起草人以外的人进行' });
  }
  return reasons;
}

function withdrawRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '只有发布人可以撤回'));
  if (!f.input.withdrawReason || !(f.input.withdrawReason in WITHDRAW_REASONS)) reasons.push({ code: 'ERR_REVIEW_WITHDRAW_REASON', message: '请选择撤回原因' });
  else if (f.input.withdrawReason === 'other' && !f.input.withdrawNote?.trim()) reasons.push({ code: 'ERR_REVIEW_WITHDRAW_NOTE_REQUIRED', message: '撤回原因为“其他”时，请填写撤回说明（公众页面会显示）' });
  return reasons;
}

/** What a 废止's replacement number names: a published item, or why it cannot be the replacement. */
export type ReplacementCheck = 'published' | 'not_a_number' | 'missing' | 'itself';
const REPLACEMENT_REFUSALS: Record<Exclude<ReplacementCheck, 'published'>, string> = {
  not_a_number: '替代文件编号应为本平台的信息编号（数字）',
  missing: '替代文件不存在或尚未发布',
  itself: '替代文件不能是本文件',
};

/**
 * 标记废止 and 标记已修改 record a document's 效力 (国办发〔2017〕47号; 条例第二十条第（一）项). A 政策解读 has none of its own: it
 * explains a document and follows it — when that document is repealed, amended or lapses, its page and each of its
 * interpretations' pages say so and name the replacement (docs/rules/proactive-disclosure.md). Marked on its own, the
 * portal said of the interpretation 本文件已废止 (found by an outside tester).
 */
const interpretationHasNoValidity = (f: ReviewFacts, act: string): Reason[] => (f.itemKind === 'interpretation' ? [{
  code: 'ERR_REVIEW_INTERPRETATION_NO_VALIDITY',
  message: `这是政策解读，本身没有效力，不单独${act}：所解读的文件废止、修改或失效时，在该文件上标记，解读页面随之注明并指向替代文件；解读内容有误或不再适用的，请修订或撤回本解读`,
}] : []);

/** The item's own dates for comparing with the document it names (absent: its 成文日期 only). */
const ownDatesOf = (f: ReviewFacts): DocumentDates => f.input.ownDates ?? { formedOn: f.formedOn, publishedOn: null };

function repealRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [...interpretationHasNoValidity(f, '标记废止')];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '只有发布人可以标记废止'));
  if (f.validity === 'repealed') reasons.push({ code: 'ERR_REVIEW_ALREADY_REPEALED', message: '该文件已标记为废止' });
  if (f.input.replacement && f.input.replacement !== 'published') reasons.push({ code: 'ERR_REVIEW_REPLACEMENT_INVALID', message: REPLACEMENT_REFUSALS[f.input.replacement] });
  else if (f.input.replacement === 'published') reasons.push(...counterpartReasons('replacement', ownDatesOf(f), f.input.counterpart));
  return reasons;
}

/** 标记已修改: the publisher names the later document that amended a document still in force (条例第二十条, 国办发〔2017〕47号). */
function markAmendedRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [...interpretationHasNoValidity(f, '标记已修改')];
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '只有发布人可以标记已修改'));
  if (f.validity === 'repealed' || f.validity === 'expired') reasons.push({ code: 'ERR_REVIEW_NOT_IN_FORCE', message: '已废止或已失效的文件不能再标记为已修改' });
  if (f.input.amendingId === null || f.input.amendingId === undefined) reasons.push({ code: 'ERR_REVIEW_AMENDING_REQUIRED', message: '请填写修改本文件的文件（文号、标题或编号）' });
  else reasons.push(...counterpartReasons('amending', ownDatesOf(f), f.input.counterpart));
  return reasons;
}

function amendRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!f.actor.mayDraft && !holds(f, f.publisherRole)) reasons.push({ code: 'ERR_REVIEW_NOT_EDITOR', message: '只有本机关的起草人或发布人可以修订已发布的信息' });
  if (f.revision && f.revision.proposedBy !== f.actor.userId) {
    // A returned revision waits on its proposer, not on review (ADR 0051): the item is still held by it.
    reasons.push(f.revision.returned
      ? { code: 'ERR_REVIEW_REVISION_PENDING', message: '已有一份修订退回修订人修改：修订人重新提交或撤回修订之前，不能另提修订；修订内容只能由提交修订的人修改' }
      : { code: 'ERR_REVIEW_REVISION_PENDING', message: '已有一份修订正在等待审核：发布人审核通过或退回之前，不能另提修订；修订内容只能由提交修订的人修改' });
  }
  if (!f.input.changeNote?.trim()) reasons.push({ code: 'ERR_REVIEW_CHANGE_NOTE_REQUIRED', message: '修订须填写修订说明' });
  // The reviewer of the revision weighs the scanner's findings (and may accept one with its reason).
  reasons.push(...gateReasons(f).filter((r) => r.code !== 'ERR_REVIEW_SCAN_BLOCKED' && r.code !== 'ERR_REVIEW_SECRECY_MARKING'));
  reasons.push(...interpretationReasons(f, 'review'));
  return reasons;
}

function approveAmendmentRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!f.revision) reasons.push({ code: 'ERR_REVIEW_NO_REVISION', message: '没有等待审核的修订' });
  reasons.push(...returnedRevisionReasons(f), ...changedSinceSeenReasons(f));
  if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '修订须由本机关的发布人审核'));
  if (f.revision && f.actor.userId !== null && f.revision.authorIds.includes(f.actor.userId)) {
    reasons.push({ code: 'ERR_REVIEW_SELF_APPROVAL', message: '不能审核自己提交或参与修改的修订' });
  }
  reasons.push(...gateReasons(f));
  // Approving a revision publishes it.
  reasons.push(...interpretationReasons(f, 'publish'));
  return reasons;
}

/** A revision returned to its proposer waits for them, not for a reviewer: they rework it (修订) or withdraw it (撤回修订). */
function returnedRevisionReasons(f: ReviewFacts): Reason[] {
  return f.revision?.returned
    ? [{ code: 'ERR_REVIEW_REVISION_RETURNED', message: '这份修订已退回修订人修改：修订人重新提交修订后才能审核或退回' }]
    : [];
}

/** 修订审核通过 and 退回修订 decide the revision the publisher saw: one saved again since is looked at first. */
function changedSinceSeenReasons(f: ReviewFacts): Reason[] {
  return f.revision?.changedSinceSeen && !f.revision.returned
    ? [{ code: 'ERR_REVIEW_REVISION_CHANGED', message: '修订人在您打开本页之后重新保存了修订（或改动了随修订的附件），未作处理：请查看下方修订的最新改动后再审核' }]
    : [];
}

const isProposer = (f: ReviewFacts) => !!f.revision && f.actor.userId !== null && f.revision.proposedBy === f.actor.userId;

/** 退回修订: the publisher sends the revision back to its proposer with a comment; the revision is kept (ADR 0051). */
function returnAmendmentRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (!f.revision) return [{ code: 'ERR_REVIEW_NO_REVISION', message: '没有等待审核的修订' }];
  reasons.push(...returnedRevisionReasons(f), ...changedSinceSeenReasons(f));
  if (isProposer(f)) reasons.push({ code: 'ERR_REVIEW_OWN_REVISION', message: '这是您本人提交的修订：不需要时请“撤回修订”' });
  else if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '只有发布人可以退回修订'));
  if (!isProposer(f) && !f.input.comment?.trim()) reasons.push({ code: 'ERR_REVIEW_COMMENT_REQUIRED', message: '退回修订须填写意见' });
  return reasons;
}

/** 撤回修订: the proposer discards their revision, pending or returned, without a word; the published version stays as it is. */
function withdrawAmendmentRules(f: ReviewFacts): Reason[] {
  if (!f.revision) return [{ code: 'ERR_REVIEW_NO_REVISION', message: '没有等待审核或退回的修订' }];
  return isProposer(f) ? [] : [{ code: 'ERR_REVIEW_NOT_PROPOSER', message: '只有修订人本人可以撤回修订' }];
}

function recallSubmissionRules(f: ReviewFacts): Reason[] {
  const reasons: Reason[] = [];
  if (f.actor.userId === null || f.actor.userId !== f.submittedBy) reasons.push({ code: 'ERR_REVIEW_NOT_SUBMITTER', message: '只有报送人可以撤回报送' });
  if (f.approverIdsThisRound.length > 0) {
    reasons.push({ code: 'ERR_REVIEW_ALREADY_ACTED', message: '审核人已经处理过本次报送，不能撤回；如需修改，请联系当前环节的审核人退回' });
  }
  return reasons;
}

const MASK_REFUSALS: Record<Exclude<MaskCheck, 'in_place'>, Reason> = {
  text_changed: { code: 'ERR_REVIEW_MASK_TEXT_CHANGED', message: '扫描之后内容已改动，这处发现已不在原来的位置，未作任何遮盖；请刷新页面，按最新的扫描结果处理' },
  not_found: { code: 'ERR_REVIEW_MASK_NO_FINDING', message: '最新的扫描结果中没有这处发现，未作任何遮盖；请刷新页面查看' },
  not_maskable: { code: 'ERR_REVIEW_MASK_NOT_MASKABLE', message: '这处发现不能在此直接遮盖，未作任何改动；请退回起草人修改，或逐处说明可以保留的理由（密级标志不能说明理由放行）' },
};

function applyMaskRules(f: ReviewFacts, stage: ChainStage | null): Reason[] {
  const reasons: Reason[] = [];
  // Published: in the revision under review, by whoever may approve it (修订审核通过) — the publisher who wrote no part of it.
  if (f.status === 'published') {
    if (!f.revision || f.revision.returned) reasons.push({ code: 'ERR_REVIEW_NO_REVISION', message: '没有等待审核的修订：已发布的内容须通过修订更改' });
    else if (!holds(f, f.publisherRole)) reasons.push(notPublisher(f, '修订审核中，只有发布人可以应用建议遮盖'));
    else if (f.actor.userId !== null && f.revision.authorIds.includes(f.actor.userId)) {
      reasons.push({ code: 'ERR_REVIEW_SELF_APPROVAL', message: '不能在自己提交或参与修改的修订中应用建议遮盖：请由审核修订的发布人处理' });
    }
  } else if (f.status === 'in_review' ? !stage || !holds(f, stage.role) : !holds(f, f.publisherRole)) {
    // Whoever holds the item now: the current stage's reviewer in review, the publisher once approved.
    reasons.push(f.status === 'in_review'
      ? { code: 'ERR_REVIEW_NOT_YOUR_STAGE', message: '只有当前环节的审核人可以应用建议遮盖' }
      : notPublisher(f, '审核通过后，只有发布人可以应用建议遮盖'));
  }
  if (f.input.mask && f.input.mask !== 'in_place') reasons.push(MASK_REFUSALS[f.input.mask]);
  return reasons;
}

/**
 * Whether an item in the queue waits on this person (待办 "轮到我"): never on one who wrote or
 * submitted it; in review, on a holder of the current stage's role; approved, on the publisher; a
 * force-published item, on a publisher other than the one who published it (补充审核).
 */
/**
 * Whether a pending revision of a published item waits on this person in 待办: the organ's publisher (or the system
 * administrator) who wrote no part of it — who `approveAmendmentRules` lets approve it.
 */
export function revisionWaitsOn(person: { userId: number; roles: ReadonlySet<string> }, revision: { authorIds: readonly number[]; publisherRole: string; returned?: boolean }): boolean {
  if (revision.returned || revision.authorIds.includes(person.userId)) return false;
  return person.roles.has('system_admin') || person.roles.has(revision.publisherRole);
}

export function waitsOn(
  person: { userId: number; roles: ReadonlySet<string> },
  item: { status: string; createdBy: number | null; submittedBy: number | null; publishedBy: number | null; stageRole: string | null; publisherRole: string },
): boolean {
  if (item.submittedBy === person.userId || item.createdBy === person.userId) return false;
  const admin = person.roles.has('system_admin');
  const publisher = admin || person.roles.has(item.publisherRole);
  if (item.status === 'in_review') return item.stageRole !== null && (admin || person.roles.has(item.stageRole));
  if (item.status === 'approved') return publisher;
  if (item.status === 'published') return publisher && item.publishedBy !== person.userId;
  return false;
}
