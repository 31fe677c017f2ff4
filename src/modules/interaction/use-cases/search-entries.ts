import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf, type IsoDate } from '../../../shared/iso-date.ts';
import { maskPersonalData } from '../../privacy/index.ts';
import { consultationPhase } from '../domain/consultation.ts';
import type { ProposalKind } from '../domain/proposal.ts';
import { consultationTitles } from '../storage/consultations-repository.ts';
import { publishedProposalTitles } from '../storage/proposals-repository.ts';

/**
 * How many of each the site search reads, newest first. A county opens and publishes tens a year, so this is decades of
 * them; an older one beyond it is not found by the site search (its organ's list still has it; docs/search.md).
 */
export const INTERACTION_SEARCH_BOUND = 500;

/** A 意见征集 as the site search offers it: `open` while comments are taken (start and end day included, China time). */
export type SearchableConsultation = { id: number; organId: number; title: string; startOn: IsoDate; endOn: IsoDate; open: boolean };
/** A published 建议提案 result as the site search offers it, its title masked as the portal shows it. */
export type SearchableProposal = { id: number; organId: number; kind: ProposalKind; number: string; year: number; title: string; repliedOn: IsoDate; publishedOn: IsoDate };

/**
 * What of 互动交流 the site search may find (modules/search, use-cases/interaction-matches.ts): the consultations the portal
 * shows (opened: started by today) and the published proposal results of these organs (null: every organ), each list newest
 * first and bounded (INTERACTION_SEARCH_BOUND); titles and dates only, two queries. Matching is the search's.
 */
export async function searchableInteraction(deps: AppDeps, organIds: number[] | null): Promise<{ consultations: SearchableConsultation[]; proposals: SearchableProposal[] }> {
  const today = chinaDateOf(deps.clock.now());
  const [consultations, proposals] = await Promise.all([
    consultationTitles(deps.db, organIds, today, INTERACTION_SEARCH_BOUND),
    publishedProposalTitles(deps.db, organIds, INTERACTION_SEARCH_BOUND),
  ]);
  return {
    consultations: consultations.map((c) => ({ id: c.id, organId: c.organId, title: c.title, startOn: c.startOn, endOn: c.endOn, open: consultationPhase(c, today) === 'open' })),
    proposals: proposals.map((p) => ({
      id: p.id, organId: p.organId, kind: p.kind, number: p.number, year: p.year, title: maskPersonalData(p.title, 'organ'), repliedOn: p.repliedOn!, publishedOn: p.publishedOn!,
    })),
  };
}
