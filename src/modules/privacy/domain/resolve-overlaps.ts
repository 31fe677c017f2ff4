import type { Finding, FindingType } from './finding.ts';

/** When two findings overlap, the one that matters more stays: block before warn, then the longer. */
const TYPE_RANK: Record<FindingType, number> = {
  classified_marking: 0,
  id_card: 1,
  bank_card: 2,
  email: 3,
  mobile_phone: 4,
  residential_address: 5,
  sensitive_word: 6,
};

function outranks(a: Finding, b: Finding): boolean {
  if (a.severity !== b.severity) return a.severity === 'block';
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return TYPE_RANK[a.type] < TYPE_RANK[b.type];
}

/** Sorted by start, no two overlapping. */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of sorted) {
    // A finding may overlap several kept ones only if it outranks them all; otherwise it goes.
    let i = kept.length;
    while (i > 0 && kept[i - 1].end > f.start) i--;
    const overlapped = kept.slice(i);
    if (overlapped.length === 0) kept.push(f);
    else if (overlapped.every((k) => outranks(f, k))) kept.splice(i, overlapped.length, f);
  }
  return kept;
}
