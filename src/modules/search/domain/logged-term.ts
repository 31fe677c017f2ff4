import { scanText } from '../../privacy/index.ts';
import type { ParsedQuery } from './parse-query.ts';

/**
 * A run of this many digits or more (spaces and hyphens between digits ignored) is never counted: the
 * mobile numbers (11 digits), ID numbers (15 and 18) and card numbers (16–19) a person types, even
 * mistyped ones the scanner's checksums do not recognise, are someone's personal data. 文号, years and
 * office telephone numbers are shorter.
 */
export const MAX_LOGGED_DIGIT_RUN = 10;

const LONG_DIGIT_RUN = new RegExp(`\\d(?:[\\s-]?\\d){${MAX_LOGGED_DIGIT_RUN},}`);

/**
 * The term a search is counted under on the 检索统计 page (docs/search.md, "Search terms"): the query
 * as shown, Latin letters in lower case (so ABC and abc are one term, as they find the same items), or
 * null when the query holds personal data — something the privacy scanner recognises, or a long run of
 * digits.
 */
export function loggedTerm(query: ParsedQuery): string | null {
  const term = query.display.toLowerCase();
  if (!term) return null;
  if (LONG_DIGIT_RUN.test(term)) return null;
  if (scanText(query.display).length > 0) return null;
  return term;
}

/**
 * The 检索统计 page shows a term only once this many visitors searched it in the period — visitors, not
 * searches: one person reloading a page, re-sorting or filtering their results is one (docs/search.md,
 * "Search terms"). A term one or two people typed is most often about themselves or someone they know —
 * a name, an address, a case — which no scanner recognises, while what many people look for is public
 * interest.
 */
export const MIN_SHOWN_VISITORS = 3;
