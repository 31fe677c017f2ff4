import { scopeLabel, type Organ } from '../../catalog/index.ts';
import { organNamedIn } from '../domain/organ-named.ts';
import type { ParsedQuery } from '../domain/parse-query.ts';

/** How many items a query finds in a scope (the whole region: null), counted as a search counts them (bounded). */
export type CountOf = (q: string, scopeOrganId: number | null) => Promise<number>;

/**
 * An organ named among the keywords (domain/organ-named.ts), offered as a scope: the other words `q` within the organ
 * and how many items they find there, or, for the name alone, the organ's own pages (`q` empty, `total` null).
 */
export type OrganNamedOffer = { organ: string; organName: string; q: string; total: number | null };

/**
 * The offer for an organ named among the keywords (docs/search.md, "An organ named in the keywords"): searching the
 * whole region, or that organ itself (its own header box: the name is then a wasted word), the other words within the
 * organ when they find something there; the name alone over the whole region, the organ's pages. A search within
 * another organ gets none.
 */
export async function organNamedOffer(query: ParsedQuery, scopeOrganId: number | null, organs: Organ[], count: CountOf): Promise<OrganNamedOffer | null> {
  const named = organNamedIn(query, organs);
  if (!named || (scopeOrganId !== null && scopeOrganId !== named.organ.id)) return null;
  const offer = { organ: named.organ.code, organName: scopeLabel(named.organ) };
  if (!named.rest) return scopeOrganId === null ? { ...offer, q: '', total: null } : null;
  const total = await count(named.rest, named.organ.id);
  return total > 0 ? { ...offer, q: named.rest, total } : null;
}

/** Queries of more keywords than this get no fewer-words offer (each offer is one more bounded count). */
export const FEWER_WORDS_MAX_KEYWORDS = 4;
/** At most this many fewer-words queries are offered. */
export const FEWER_WORDS_OFFERED = 3;

/**
 * Keywords that together find nothing, though each may (公租房 物业费): the query with one keyword left out, for each
 * keyword, in the same scope and filters, those that find something, most found first — what 或减少检索词 advises,
 * as links (docs/search.md). Only for two to FEWER_WORDS_MAX_KEYWORDS keywords.
 */
export async function fewerWordsOffers(query: ParsedQuery, scopeOrganId: number | null, count: CountOf): Promise<{ q: string; total: number }[]> {
  const words = query.keywords.map((k) => k.text);
  if (words.length < 2 || words.length > FEWER_WORDS_MAX_KEYWORDS) return [];
  const out: { q: string; total: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const q = words.filter((_, j) => j !== i).join(' ');
    const total = await count(q, scopeOrganId);
    if (total > 0) out.push({ q, total });
  }
  return out.sort((a, b) => b.total - a.total).slice(0, FEWER_WORDS_OFFERED);
}
