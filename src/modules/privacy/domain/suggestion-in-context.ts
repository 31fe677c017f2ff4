import { ADDRESS_LEAD_INS } from './address-lead-ins.ts';
import type { FindingType } from './finding.ts';

/** Where a clause of the text before a house detail starts: after punctuation, a space or a line break. */
const CLAUSE = /[\p{Script=Han}A-Za-z0-9Ａ-Ｚａ-ｚ０-９#＃\-－—‐]*$/u;
/**
 * Where the estate starts in a clause: after the lead-in word (address-lead-ins.ts) that ends last.
 * Every word is tried at every position, so 现住址 ends after its 址 (not after the 住 inside it).
 */
function placeStart(clause: string): number {
  let start = 0;
  for (let i = 0; i < clause.length; i++) {
    for (const lead of ADDRESS_LEAD_INS) if (i + lead.length > start && clause.startsWith(lead, i)) start = i + lead.length;
  }
  return start;
}
/** The longest estate or village name shown; a longer clause is cut from the left and marked with …. */
const MAX_PLACE = 12;

/**
 * A finding's suggested mask as a reviewer reads it. A house detail (住址门牌) is masked whole and
 * the estate, village or road before it stays (幸福小区3栋2单元501室 → 幸福小区*********), so its
 * suggestion — the same-length replacement of the detail alone, as `applyMasks` takes it — is shown
 * after the estate it keeps, taken from `before` (the text right before the finding). Other types
 * keep what makes them readable in the suggestion itself (138****5678).
 */
export function suggestionInContext(f: { type: FindingType | string; suggestion: string }, before = ''): string {
  if (f.type !== 'residential_address') return f.suggestion;
  const clause = CLAUSE.exec(before.trimEnd())?.[0] ?? '';
  const place = clause.slice(placeStart(clause));
  return (place.length > MAX_PLACE ? `…${place.slice(-MAX_PLACE)}` : place) + f.suggestion;
}
