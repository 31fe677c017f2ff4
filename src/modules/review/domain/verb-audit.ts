/**
 * What a review verb's audit entry records of an item: its state as the verbs of the table change it,
 * each by its code (status, 效力, the withdrawal's reason code), never a label. The stored row's columns,
 * named as the rest of the log names them.
 */
export type AuditedState = {
  status: string;
  reviewStage: number | null;
  scheduledAt: string | null;
  /** 补充审核 done (a force-published item's later approval). */
  retroApproved: boolean;
  withdrawnReason: string | null;
  withdrawnNote: string | null;
  validity: string;
  replacedById: number | null;
  repealedOn: string | null;
  /** 已失效 by its 有效期至 (the lapse job's), as opposed to by an officer's act. */
  lapsedByDate: boolean;
  /** 发布's stamps: the 索引号 and 发布日期 it gave, how it got there, a 紧急发布's reason. */
  indexNumber: string | null;
  publishedOn: string | null;
  route: string | null;
  forceReason: string | null;
  version: number;
};

/** Always in an entry, changed or not: where the item stood and stands. */
const ALWAYS: (keyof AuditedState)[] = ['status', 'reviewStage', 'version'];

/** What was said or named with the verb, beside the item's state: the words, the amending document, the mask, the proposal. */
export type VerbAuditExtras = {
  comment: string | null;
  /** Content before and after (修订审核通过): the fields the entry has always carried. */
  content?: { before: Record<string, unknown>; after: Record<string, unknown> };
  after?: Record<string, unknown>;
};

/**
 * The before and after of a review verb's audit entry, built here for every verb of the table: where
 * the item stood (status, stage, version) and every other field of its state the verb changed, by its
 * code — 标记废止's 效力 valid → repealed with the replacement's 编号 and the day, 撤回's reason code and
 * note, 定时发布's time, 发布's 索引号, date and route (and 紧急发布's reason), 补充审核's approval — so an
 * auditor reads what happened from the entry alone.
 */
export function verbAuditEntry(before: AuditedState, after: AuditedState, extras: VerbAuditExtras): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = (Object.keys(before) as (keyof AuditedState)[]).filter((k) => ALWAYS.includes(k) || before[k] !== after[k]);
  const pick = (s: AuditedState) => Object.fromEntries(keys.map((k) => [k, s[k]]));
  return {
    before: { ...pick(before), ...extras.content?.before },
    after: { ...pick(after), comment: extras.comment, ...extras.content?.after, ...extras.after },
  };
}

/** The audited state of a stored row (snake_case columns as the database gives them). */
export function auditedStateOf(row: {
  status: string; review_stage: number | null; scheduled_at: string | null; retro_approved_by: number | null; withdrawn_reason: string | null; withdrawn_note: string | null;
  validity: string; replaced_by_id: number | null; repealed_on: string | null; lapsed_by_date: number | boolean;
  index_number: string | null; published_on: string | null; publish_route: string | null; force_reason: string | null; version: number;
}): AuditedState {
  return {
    status: row.status, reviewStage: row.review_stage, scheduledAt: row.scheduled_at, retroApproved: row.retro_approved_by !== null,
    withdrawnReason: row.withdrawn_reason, withdrawnNote: row.withdrawn_note, validity: row.validity, replacedById: row.replaced_by_id,
    repealedOn: row.repealed_on, lapsedByDate: Boolean(Number(row.lapsed_by_date)),
    indexNumber: row.index_number, publishedOn: row.published_on, route: row.publish_route, forceReason: row.force_reason, version: row.version,
  };
}
