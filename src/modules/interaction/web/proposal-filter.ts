import { DomainError } from '../../../shared/domain-error.ts';
import { PROPOSAL_KINDS, ProposalErrorCode as E, type ProposalKind } from '../domain/proposal.ts';
import { PROPOSAL_VIEWS, type ProposalView } from '../storage/proposals-repository.ts';

/** What the list views are called in the back office. */
export const PROPOSAL_VIEW_LABELS: Record<ProposalView, string> = {
  all: '全部', registered: '办理中', overdue: '逾期未答复', due_soon: '即将到期', replied: '已答复待定公开', publish_late: '公开决定已逾期',
  published: '已公开', withheld: '不公开', cancelled: '已撤销',
};

/**
 * The year, kind and view of a list from its query string: empty means all; anything else than a
 * four-digit year, a known kind or a known view is refused with 400 rather than silently ignored.
 */
export function proposalFilterFrom(q: { year?: string; kind?: string; state?: string }, views = true): { year?: number; kind?: ProposalKind; view: ProposalView } {
  const year = q.year ?? '';
  if (year !== '' && !/^\d{4}$/.test(year)) throw new DomainError(E.invalidInput, `年度“${year}”应为四位数年份`, { field: 'year' });
  const kind = q.kind ?? '';
  if (kind !== '' && !PROPOSAL_KINDS.includes(kind as ProposalKind)) throw new DomainError(E.invalidInput, `类别“${kind}”应为 suggestion（人大代表建议）或 proposal（政协提案）`, { field: 'kind' });
  const state = views ? q.state ?? '' : '';
  if (state !== '' && !(PROPOSAL_VIEWS as readonly string[]).includes(state)) throw new DomainError(E.invalidInput, `状态“${state}”不是可选的状态`, { field: 'state' });
  return { ...(year ? { year: Number(year) } : {}), ...(kind ? { kind: kind as ProposalKind } : {}), view: (state || 'all') as ProposalView };
}

/** The query string of a list's filter, for links that keep it (pages, switching organ). */
export function proposalFilterQuery(f: { year?: number; kind?: ProposalKind; view?: ProposalView }): string {
  const parts: string[] = [];
  if (f.year !== undefined) parts.push(`year=${f.year}`);
  if (f.kind) parts.push(`kind=${f.kind}`);
  if (f.view && f.view !== 'all') parts.push(`state=${f.view}`);
  return parts.join('&');
}
