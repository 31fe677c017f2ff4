import type { AppDeps } from '../../../platform/app-deps.ts';
import { organWithUnits, scopeLabel, type Organ } from '../../catalog/index.ts';
import { PROPOSAL_KIND_LABELS, searchableInteraction, type ProposalKind, type SearchableConsultation, type SearchableProposal } from '../../interaction/index.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';
import type { SearchFilters } from '../domain/search-request.ts';
import { snippetOf, type SnippetPart } from '../domain/snippet.ts';
import { holdsEveryKeyword } from '../domain/text-match.ts';

/** How many of each the results page and the API list; the rest are counted and their organs' lists linked. */
export const INTERACTION_SHOWN = 3;

type OrganRef = { code: string; name: string; label: string };
/** An organ's list of the kind (意见征集, 建议提案办理结果), where the matches not listed are. */
export type InteractionList = { organ: OrganRef; url: string };
export type ConsultationMatch = { id: number; title: string; titleParts: SnippetPart[]; url: string; organ: OrganRef; startOn: string; endOn: string; open: boolean };
export type ProposalMatch = {
  id: number; title: string; titleParts: SnippetPart[]; url: string; organ: OrganRef; kind: ProposalKind; kindLabel: string; year: number; number: string; repliedOn: string; publishedOn: string;
};
/** What the search found of 互动交流: of each kind how many match, the first INTERACTION_SHOWN, and the organs' lists they are in. */
export type InteractionMatches = {
  consultations: { total: number; items: ConsultationMatch[]; lists: InteractionList[] };
  proposals: { total: number; items: ProposalMatch[]; lists: InteractionList[] };
};

/** How many were found, both kinds together. */
export const interactionFound = (m: InteractionMatches | null) => (m ? m.consultations.total + m.proposals.total : 0);

/**
 * Whether a search looks for 意见征集 and 建议提案 too (docs/search.md, "意见征集 and 建议提案"): words searched (not a listing by
 * filters, not a pasted address), on the first page, and no filter besides the scope — 栏目, 五公开, 体裁, 效力, a year or a
 * date range choose among items by what a consultation or a proposal result does not have, so a search narrowed by one is
 * after an item and gets none.
 */
export function looksForInteraction(req: { q: string; page: number; filters: SearchFilters }, address: unknown): boolean {
  const { scopeOrganId: _scope, ...filters } = req.filters;
  return !!req.q && req.page === 1 && !address && !Object.values(filters).some((v) => v !== undefined && v !== null && v !== '');
}

/**
 * The 意见征集 and published 建议提案 results whose titles hold every keyword, by the rule that finds items (holdsEveryKeyword:
 * the same normalised tokens, synonyms, no keyword across punctuation), in the search's scope — an organ's own (with its
 * internal units, as for items) or, null, the whole region. Consultations open for comments first, then the others, each
 * newest first; results newest published first. Two bounded queries (interaction's searchableInteraction), matched in memory.
 */
export async function interactionMatches(deps: AppDeps, query: ParsedQuery, scopeOrganId: number | null, organs: Organ[]): Promise<InteractionMatches> {
  const found = await searchableInteraction(deps, scopeOrganId === null ? null : organWithUnits(scopeOrganId, organs));
  const byId = new Map(organs.map((o) => [o.id, o]));
  const words = query.keywords.map((k) => k.alternatives.map((a) => a.text));
  // The whole title, its matches marked: a window three times its length starts at its first character (snippetOf places
  // the window a third before the first match, which cut a title's start to …).
  const marked = (title: string) => snippetOf(title, words, 3 * (title.length + 1));
  const ref = (organId: number): OrganRef | null => {
    const o = byId.get(organId);
    return o ? { code: o.code, name: o.name, label: scopeLabel(o) } : null;
  };
  const matching = <T extends { title: string; organId: number }>(list: T[]) => list.filter((x) => byId.has(x.organId) && holdsEveryKeyword(query, [x.title]));
  // Open ones first; each part stays newest first (the order read).
  const consultations = matching<SearchableConsultation>(found.consultations).sort((a, b) => Number(b.open) - Number(a.open));
  const proposals = matching<SearchableProposal>(found.proposals);
  /** The organs' lists, those with most matches first (at most INTERACTION_SHOWN), for the matches past the ones shown. */
  const listsOf = (list: { organId: number }[], path: string): InteractionList[] => {
    if (list.length <= INTERACTION_SHOWN) return [];
    const counts = new Map<number, number>();
    for (const x of list) counts.set(x.organId, (counts.get(x.organId) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, INTERACTION_SHOWN).map(([id]) => {
      const organ = ref(id)!;
      return { organ, url: `/organs/${organ.code}/${path}` };
    });
  };
  return {
    consultations: {
      total: consultations.length,
      items: consultations.slice(0, INTERACTION_SHOWN).map((c) => {
        const organ = ref(c.organId)!;
        return { id: c.id, title: c.title, titleParts: marked(c.title), url: `/organs/${organ.code}/consultations/${c.id}`, organ, startOn: c.startOn, endOn: c.endOn, open: c.open };
      }),
      lists: listsOf(consultations, 'consultations'),
    },
    proposals: {
      total: proposals.length,
      items: proposals.slice(0, INTERACTION_SHOWN).map((p) => {
        const organ = ref(p.organId)!;
        return {
          id: p.id, title: p.title, titleParts: marked(p.title), url: `/organs/${organ.code}/proposals/${p.id}`, organ, kind: p.kind, kindLabel: PROPOSAL_KIND_LABELS[p.kind],
          year: p.year, number: p.number, repliedOn: p.repliedOn, publishedOn: p.publishedOn,
        };
      }),
      lists: listsOf(proposals, 'proposals'),
    },
  };
}
