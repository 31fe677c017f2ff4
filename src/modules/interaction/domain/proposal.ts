import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Rating } from './letter.ts';

/**
 * 建议提案: a 人大代表建议 or a 政协提案 assigned to an organ, its reply and whether the result is
 * published (docs/workflows/proposals.md; the rules in our words: docs/rules/proposals.md).
 */
export const PROPOSAL_KINDS = ['suggestion', 'proposal'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = { suggestion: '人大代表建议', proposal: '政协提案' };
/** The short word, as in 第0123号建议. */
export const PROPOSAL_KIND_SHORT: Record<ProposalKind, string> = { suggestion: '建议', proposal: '提案' };

/** Whether the organ leads the handling (主办) or helps the lead organ (协办). */
export const HANDLING_ROLES = ['lead', 'co'] as const;
export type HandlingRole = (typeof HANDLING_ROLES)[number];
export const HANDLING_ROLE_LABELS: Record<HandlingRole, string> = { lead: '主办', co: '协办' };

export const PROPOSAL_STATES = ['registered', 'replied', 'published', 'withheld', 'cancelled'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  registered: '办理中', replied: '已答复，待定是否公开', published: '已公开办理结果', withheld: '办理结果不公开', cancelled: '已撤销登记',
};

/** 办理结果: how the reply answered the deputy or member (the categories local handling rules use). */
export const PROPOSAL_RESULTS = ['solved', 'planned', 'reference'] as const;
export type ProposalResult = (typeof PROPOSAL_RESULTS)[number];
export const PROPOSAL_RESULT_LABELS: Record<ProposalResult, string> = { solved: '已解决或采纳', planned: '正在解决或列入计划', reference: '留作参考' };

/**
 * Months from the day the organ received the assignment (交办) to the reply: 3, the limit handling
 * rules commonly set. This project's default; each organ may set its own (docs/rules/proposals.md).
 */
export const DEFAULT_DUE_MONTHS = 3;
export const MAX_DUE_MONTHS = 12;
/**
 * Working days after the reply within which a result that may be published is published: 20, one
 * province's rule that we follow as the default; each organ may set its own, on the one calendar.
 */
export const DEFAULT_PUBLISH_WORKING_DAYS = 20;
export const MAX_PUBLISH_WORKING_DAYS = 60;
/** Working days before the due date from which an open one shows as 即将到期. */
export const PROPOSAL_DUE_SOON_WORKING_DAYS = 10;

export type ProposalSettings = { dueMonths: number; publishWorkingDays: number };
export const DEFAULT_PROPOSAL_SETTINGS: ProposalSettings = { dueMonths: DEFAULT_DUE_MONTHS, publishWorkingDays: DEFAULT_PUBLISH_WORKING_DAYS };

export type Proposal = {
  id: number;
  organId: number;
  kind: ProposalKind;
  /** 第0123号 */
  number: string;
  title: string;
  /** The deputy or member, or several (王某、李某). */
  submitters: string;
  /** 县十八届人大五次会议 */
  session: string;
  year: number;
  receivedOn: IsoDate;
  role: HandlingRole;
  /** The lead organ when this one co-handles, or the co-organs when it leads; may be empty. */
  partnerOrgans: string;
  dueOn: IsoDate;
  /** The due date was typed from the assignment letter rather than computed from the organ's months. */
  dueExplicit: boolean;
  state: ProposalState;
  replyText: string | null;
  repliedOn: IsoDate | null;
  result: ProposalResult | null;
  /** The day by which a result that may be published should be decided and published. */
  publishDueOn: IsoDate | null;
  satisfaction: Rating | null;
  satisfactionNote: string | null;
  publicText: string | null;
  publishedOn: IsoDate | null;
  withheldReason: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** What staff type to register one (and to correct the registration). */
export type ProposalInput = {
  kind: string; number: string; title: string; submitters: string; session: string; year: string;
  receivedOn: string; role: string; partnerOrgans: string; dueOn: string;
};

/** The same day `months` calendar months later (31 January + 3 → 30 April: the end of a shorter month when the day is missing). */
export function monthsAfter(on: IsoDate, months: number): IsoDate {
  const [y, m, d] = on.split('-').map(Number);
  const month0 = m - 1 + months;
  const year = y + Math.floor(month0 / 12);
  const month = (month0 % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 0123 → 第0123号; anything else as typed (trimmed). */
export function normalizeProposalNumber(raw: string): string {
  const t = raw.trim();
  return /^\d{1,6}$/.test(t) ? `第${t}号` : t;
}

/** Where an open one stands against its due date on a day (due soon = within the working days given, computed outside). */
export function dueStatus(p: Pick<Proposal, 'state' | 'dueOn'>, today: IsoDate, dueSoonOn: IsoDate): 'overdue' | 'due_soon' | null {
  if (p.state !== 'registered') return null;
  if (p.dueOn < today) return 'overdue';
  return p.dueOn <= dueSoonOn ? 'due_soon' : null;
}

/** A replied one whose publication decision is past the organ's working days. */
export const publishDecisionLate = (p: Pick<Proposal, 'state' | 'publishDueOn'>, today: IsoDate): boolean =>
  p.state === 'replied' && p.publishDueOn !== null && p.publishDueOn < today;

/** Stable error codes of 建议提案 (docs/errors.md). */
export const ProposalErrorCode = {
  invalidInput: 'ERR_PROPOSAL_INVALID_INPUT',
  invalidDate: 'ERR_PROPOSAL_INVALID_DATE',
  notFound: 'ERR_PROPOSAL_NOT_FOUND',
  duplicate: 'ERR_PROPOSAL_DUPLICATE',
  verbNotAllowed: 'ERR_PROPOSAL_VERB_NOT_ALLOWED',
  reasonRequired: 'ERR_PROPOSAL_REASON_REQUIRED',
  replyRequired: 'ERR_PROPOSAL_REPLY_REQUIRED',
  secrecyMarking: 'ERR_PROPOSAL_SECRECY_MARKING',
  versionConflict: 'ERR_PROPOSAL_VERSION_CONFLICT',
} as const;
