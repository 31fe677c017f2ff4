import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { maskPersonalData } from '../../privacy/index.ts';
import { ProposalErrorCode as E, type HandlingRole, type Proposal, type ProposalKind, type ProposalResult } from '../domain/proposal.ts';
import type { Executor } from '../storage/executor.ts';
import { findProposal, pagePublishedProposals, proposalsReceivedIn, proposalYears } from '../storage/proposals-repository.ts';

/** A published result as the portal and the public API show it. */
export type PublishedProposal = {
  id: number; kind: ProposalKind; number: string; title: string; submitters: string; session: string; year: number;
  receivedOn: IsoDate; role: HandlingRole; repliedOn: IsoDate; result: ProposalResult; replyText: string; publishedOn: IsoDate;
};

/**
 * A result as published: personal data masked as in published letters (`maskPersonalData`: ID, phone,
 * bank card and e-mail numbers, a home's house detail). The deputies' and members' names stay: they
 * are the public office holders the reply answers, and 国办发〔2014〕46号 keeps out their contact
 * details, not their names (docs/rules/proposals.md).
 */
const published = (p: Proposal): PublishedProposal => ({
  id: p.id, kind: p.kind, number: p.number, title: maskPersonalData(p.title, 'organ'), submitters: maskPersonalData(p.submitters, 'organ'), session: p.session, year: p.year,
  receivedOn: p.receivedOn, role: p.role, repliedOn: p.repliedOn!, result: p.result!, replyText: maskPersonalData(p.publicText ?? '', 'organ'), publishedOn: p.publishedOn!,
});

export type PublishedProposalFilter = { year?: number; kind?: ProposalKind };

/** The organ's published results, newest first, paginated, by year and kind; with the years that have any. */
export async function listPublishedProposals(deps: AppDeps, organId: number, filter: PublishedProposalFilter, page: number, pageSize = 20) {
  const p = await pagePublishedProposals(deps.db, organId, filter, page, pageSize);
  return { ...p, items: p.items.map(published), years: await proposalYears(deps.db, organId, true) };
}

/** One published result of the organ; anything else (not published, another organ's) is not found. */
export async function findPublishedProposal(deps: AppDeps, organId: number, id: number): Promise<PublishedProposal> {
  const p = Number.isInteger(id) && id > 0 ? await findProposal(deps.db, id) : null;
  if (!p || p.organId !== organId || p.state !== 'published') throw new DomainError(E.notFound, '建议提案办理结果不存在或未公开', { httpStatus: 404 });
  return published(p);
}

/** What the annual report's section 六 says of one organ-year (docs/workflows/proposals.md, "Annual report"). */
export type ProposalYearFigures = {
  /** 人大代表建议 and 政协提案 received in the year (cancelled registrations aside). */
  suggestions: number; proposals: number;
  lead: number; co: number;
  /** Of those, replied by 31 December. */
  replied: number;
  /** Of those, with the result published by 31 December. */
  published: number;
  /** Of those, whose result the organ decided not to publish (as it stands when the text is drafted). */
  withheld: number;
};

/**
 * The 建议提案 figures of each organ for a report year, counted from the records: received in the
 * year by kind and role, replied and published by 31 December, withheld. Organs without any record
 * are absent from the map (the drafted text then leaves the topic for staff to write).
 */
export async function proposalYearFigures(db: Executor, organIds: number[], year: number): Promise<Map<number, ProposalYearFigures>> {
  const end = `${year}-12-31`;
  const out = new Map<number, ProposalYearFigures>();
  for (const r of await proposalsReceivedIn(db, organIds, year)) {
    const f = out.get(r.organId) ?? { suggestions: 0, proposals: 0, lead: 0, co: 0, replied: 0, published: 0, withheld: 0 };
    if (r.kind === 'suggestion') f.suggestions += 1;
    else f.proposals += 1;
    if (r.role === 'lead') f.lead += 1;
    else f.co += 1;
    if (r.repliedOn !== null && r.repliedOn <= end) f.replied += 1;
    if (r.state === 'published' && r.publishedOn !== null && r.publishedOn <= end) f.published += 1;
    if (r.state === 'withheld') f.withheld += 1;
    out.set(r.organId, f);
  }
  return out;
}
