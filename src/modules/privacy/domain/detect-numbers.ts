import type { Finding } from './finding.ts';
import { maskDigits } from './mask.ts';
import { findNumberClusters, HYPHENS, isCheckX, type NumberCluster } from './number-clusters.ts';
import { isQuantity, numberLabel, type LabelKind } from './number-context.ts';
import { hasIdShape, ID15_KEEP_LAST, ID18_KEEP_LAST, ID_KEEP_FIRST, isIdGrouping, isValidId15, isValidId18 } from './id-card.ts';
import { countryPrefixLength, isMobileGrouping, isMobileNumber, MOBILE_KEEP_FIRST, MOBILE_KEEP_LAST } from './mobile-phone.ts';
import {
  ACCOUNT_MAX_DIGITS, ACCOUNT_MIN_DIGITS, BANK_KEEP_FIRST, BANK_KEEP_LAST, isCardGrouping, isCardNumber,
} from './bank-card.ts';

/**
 * Finds resident ID, mobile and bank card/account numbers. Inside each cluster of digit runs it
 * tries, from each run, the longest span that is one valid number, so "341525 19900307 1234" is
 * one ID and "2020 13812345678" holds one mobile number.
 */
export function detectNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  const urls = urlSpans(text);
  let u = 0;
  for (const cluster of findNumberClusters(text)) {
    while (u < urls.length && urls[u].end <= cluster.start) u++;
    if (u < urls.length && urls[u].start <= cluster.start) continue; // an article id in a link, not a phone number
    detectInCluster(text, cluster, out);
  }
  return out;
}

const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

function urlSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

type Window = {
  start: number;
  end: number;
  /** ASCII digits (and a final X); `lengths` are the runs' lengths, X included. */
  digits: string;
  lengths: number[];
  endsWithX: boolean;
  wholeCluster: boolean;
  /** The separator between the runs, 0 for a single run. */
  sep: number;
};
type Match = Omit<Finding, 'text' | 'suggestion'> & { keepFirst: number; keepLast: number; maskFrom: number };

function detectInCluster(text: string, cluster: NumberCluster, out: Finding[]): void {
  const { runs } = cluster;
  const last = runs.length - 1;
  let label: LabelKind | null | undefined;
  const labelOf = (): LabelKind | null => (label === undefined ? (label = numberLabel(text, cluster.start)) : label);
  const canStart = (a: number): boolean => (a === 0 ? !cluster.attachedLeft : !HYPHENS.has(runs[a].sep));
  const canEnd = (b: number): boolean => (b === last ? !cluster.attachedRight : !HYPHENS.has(runs[b + 1].sep));

  let a = 0;
  while (a <= last) {
    let matched: { match: Match; b: number } | null = null;
    if (canStart(a)) {
      let total = 0;
      let maxB = a - 1;
      for (let b = a; b <= last; b++) {
        total += runs[b].end - runs[b].start;
        if (total > ACCOUNT_MAX_DIGITS + 1) break;
        maxB = b;
      }
      for (let b = maxB; b >= a && !matched; b--) {
        if (!canEnd(b) || !sameSeparator(cluster, a, b)) continue;
        const match = classify(text, windowOf(text, cluster, a, b), labelOf);
        if (match) matched = { match, b };
      }
    }
    if (!matched) {
      a++;
      continue;
    }
    out.push(toFinding(text, matched.match));
    a = matched.b + 1;
  }
}

function sameSeparator(cluster: NumberCluster, a: number, b: number): boolean {
  for (let i = a + 2; i <= b; i++) if (cluster.runs[i].sep !== cluster.runs[a + 1].sep) return false;
  return true;
}

function windowOf(text: string, cluster: NumberCluster, a: number, b: number): Window {
  let digits = '';
  const lengths: number[] = [];
  for (let i = a; i <= b; i++) {
    const r = cluster.runs[i];
    for (let k = r.start; k < r.end; k++) {
      const c = text.charCodeAt(k);
      digits += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 48) : isCheckX(c) ? 'X' : text[k];
    }
    lengths.push(r.end - r.start);
  }
  const sep = b > a ? cluster.runs[a + 1].sep : 0;
  return {
    start: cluster.runs[a].start,
    end: cluster.runs[b].end,
    digits,
    lengths,
    endsWithX: cluster.runs[b].x,
    wholeCluster: a === 0 && b === cluster.runs.length - 1,
    sep,
  };
}

function classify(text: string, w: Window, labelOf: () => LabelKind | null): Match | null {
  const { digits, lengths, start, end } = w;
  if (digits.length < ACCOUNT_MIN_DIGITS) return null;
  if (isQuantity(text, start, end)) return null;
  const label = labelOf();
  // A number labelled 订单号, 统一社会信用代码, 索引号, 金额 … is that, whatever its digits look like.
  if (label === 'other' || label === 'money') return null;
  const base = { start, end, severity: 'block' as const, maskFrom: start };

  if (digits.length === 18 && isIdGrouping(lengths) && isValidId18(digits)) {
    return { ...base, type: 'id_card', rule: 'id18', keepFirst: ID_KEEP_FIRST, keepLast: ID18_KEEP_LAST };
  }
  if (w.endsWithX) return null;
  // Tabs separate table cells: only a number written one digit per cell spans several, and without
  // a check character it must fill the whole run of cells (not 15 digits picked out of 18 boxes).
  const perDigit = lengths.length > 1 && lengths.every((l) => l === 1);
  if (w.sep === 9 && !perDigit) return null;
  if (perDigit && !w.wholeCluster) return null;

  const mobile = mobileMatch(text, w);
  if (mobile) return mobile;

  if (label !== 'account' && digits.length === 15 && isIdGrouping(lengths) && isValidId15(digits)) {
    return { ...base, type: 'id_card', rule: 'id15', keepFirst: ID_KEEP_FIRST, keepLast: ID15_KEEP_LAST };
  }
  if (label === 'account' && digits.length <= ACCOUNT_MAX_DIGITS) {
    return { ...base, type: 'bank_card', rule: 'account-context', keepFirst: BANK_KEEP_FIRST, keepLast: BANK_KEEP_LAST };
  }
  // 18 digits with an ID's address code and birth date but a wrong check digit: an order or serial
  // number built like an ID (or a mistyped one), not a card that happens to pass Luhn.
  if (isCardGrouping(lengths) && isCardNumber(digits) && !hasIdShape(digits)) {
    return { ...base, type: 'bank_card', rule: 'luhn', keepFirst: BANK_KEEP_FIRST, keepLast: BANK_KEEP_LAST };
  }
  return null;
}

function mobileMatch(text: string, w: Window): Match | null {
  const { digits, lengths } = w;
  const mobile = { type: 'mobile_phone' as const, severity: 'block' as const, rule: 'mobile', end: w.end };
  const keep = { keepFirst: MOBILE_KEEP_FIRST, keepLast: MOBILE_KEEP_LAST };
  if (isMobileGrouping(lengths) && isMobileNumber(digits)) {
    const prefix = countryPrefixLength(text, w.start);
    return { ...mobile, ...keep, start: w.start - prefix, maskFrom: w.start };
  }
  // The prefix written into the number itself: +8613812345678, +86 138 1234 5678, 008613812345678.
  const plus = text[w.start - 1] === '+' || text[w.start - 1] === '＋';
  const prefixDigits = digits.startsWith('0086') ? 4 : plus && digits.startsWith('86') ? 2 : 0;
  if (prefixDigits === 0 || lengths[0] < prefixDigits) return null;
  const rest = lengths[0] === prefixDigits ? lengths.slice(1) : [lengths[0] - prefixDigits, ...lengths.slice(1)];
  if (!isMobileGrouping(rest) || !isMobileNumber(digits.slice(prefixDigits))) return null;
  const maskFrom = lengths[0] === prefixDigits ? w.start + prefixDigits + 1 : w.start + prefixDigits;
  return { ...mobile, ...keep, start: plus ? w.start - 1 : w.start, maskFrom };
}

function toFinding(text: string, m: Match): Finding {
  const kept = text.slice(m.start, m.maskFrom);
  const masked = maskDigits(text.slice(m.maskFrom, m.end), m.keepFirst, m.keepLast);
  return {
    type: m.type,
    text: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    severity: m.severity,
    suggestion: kept + masked,
    rule: m.rule,
  };
}
