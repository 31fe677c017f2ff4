import type { Finding } from './finding.ts';
import { maskDigits } from './mask.ts';
import { findNumberClusters, HYPHENS, type NumberCluster } from './number-clusters.ts';
import { isQuantity, NumberLabels, type LabelKind } from './number-context.ts';
import { hasIdShape, ID15_KEEP_LAST, ID18_KEEP_LAST, ID_KEEP_FIRST, isIdGrouping, isValidId15, isValidId18 } from './id-card.ts';
import {
  countryPrefixLength, isLabelledMobileNumber, isMobileGrouping, isMobileNumber, MOBILE_KEEP_FIRST, MOBILE_KEEP_LAST,
} from './mobile-phone.ts';
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
  const labels = new ClusterLabels(new NumberLabels(text));
  const urls = urlSpans(text);
  let u = 0;
  for (const cluster of findNumberClusters(text)) {
    while (u < urls.length && urls[u].end <= cluster.start) u++;
    if (u < urls.length && urls[u].start <= cluster.start) continue; // an article id in a link, not a phone number
    labels.reset(cluster);
    detectInCluster(text, cluster, labels, out);
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

/**
 * The labels of the numbers of one cluster, by the run they start at, each looked up once and only
 * when a rule needs it. A cluster can span several table cells ("13912345678\t6217001234567890") or
 * fields of a row laid out with spaces, and each has its own column: the account number after a
 * mobile number is read under 开户账号, not under 手机. One instance serves every cluster of a text.
 */
class ClusterLabels {
  private cluster!: NumberCluster;
  /** By run index; undefined: not looked up yet. */
  private readonly nearAt: (LabelKind | null | undefined)[] = [];
  private readonly fullAt: (LabelKind | null | undefined)[] = [];
  private spacedTable: boolean | undefined;
  constructor(private readonly labels: NumberLabels) {}

  reset(cluster: NumberCluster): void {
    this.cluster = cluster;
    this.nearAt.length = 0;
    this.fullAt.length = 0;
    this.spacedTable = undefined;
  }

  /** The first run of the table cell that run `a` is in: cells end at tabs, and at spaces in a row that lines up under a header. */
  private cellHead(a: number): number {
    const { runs } = this.cluster;
    while (a > 0 && runs[a].sep !== 9 && !(isSpaceSeparator(runs[a].sep) && this.inSpacedTable())) a--;
    return a;
  }

  /** The cluster is in a row laid out with spaces under a header (a cluster never crosses a line). */
  inSpacedTable(): boolean {
    if (this.spacedTable === undefined) this.spacedTable = this.labels.inSpacedTable(this.cluster.start);
    return this.spacedTable;
  }

  /** The label right before the number's cell (a later cell of the cluster follows a number, so it has none). */
  near(a: number): LabelKind | null {
    const h = a === 0 ? 0 : this.cellHead(a);
    let kind = this.nearAt[h];
    if (kind === undefined) {
      kind = this.labels.near(this.cluster.runs[h].start);
      this.nearAt[h] = kind;
    }
    return kind;
  }

  /** The label right before it, else its column's header, else its row's; a later field of a cell falls back on its cell's. */
  full(a: number): LabelKind | null {
    const known = this.fullAt[a];
    if (known !== undefined) return known;
    const h = a === 0 ? 0 : this.cellHead(a);
    const start = this.cluster.runs[a].start;
    const kind = this.near(a) ?? (a === h ? this.labels.tableLabel(start) : this.labels.column(start) ?? this.full(h));
    this.fullAt[a] = kind;
    return kind;
  }
}

/** Spaces that may separate the groups of one number, or the cells of a row laid out with spaces. */
const isSpaceSeparator = (c: number): boolean => c === 32 || c === 0xa0 || c === 0x3000;

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

/** Digit counts a number of some type can have (an account number after a label: 10–25). */
const isCandidateLength = (n: number, account: boolean): boolean =>
  n === 11 || n === 13 || n === 15 || (n >= 16 && n <= 19) || (account && n >= ACCOUNT_MIN_DIGITS && n <= ACCOUNT_MAX_DIGITS);

function detectInCluster(text: string, cluster: NumberCluster, labels: ClusterLabels, out: Finding[]): void {
  const { runs } = cluster;
  const last = runs.length - 1;

  let a = 0;
  while (a <= last) {
    let matched: { match: Match; b: number } | null = null;
    if (canStart(cluster, a)) {
      let total = 0;
      let maxB = a - 1;
      for (let b = a; b <= last; b++) {
        total += runs[b].end - runs[b].start;
        if (total > ACCOUNT_MAX_DIGITS) break;
        maxB = b;
      }
      for (let b = maxB; b >= a && !matched; b--) {
        const length = runs[b].end - runs[a].start - (b - a); // digits: the span minus one separator per gap
        if (length < ACCOUNT_MIN_DIGITS) break;
        if (!isCandidateLength(length, false) && !(length <= ACCOUNT_MAX_DIGITS && labels.full(a) === 'account')) continue;
        if (!canEnd(cluster, b) || !sameSeparator(cluster, a, b)) continue;
        const match = classify(text, windowOf(text, cluster, a, b), labels, a);
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

/** A number starts at a cluster's edge unless glued there, or after a space or tab, never inside a hyphenated group. */
function canStart(cluster: NumberCluster, a: number): boolean {
  return a === 0 ? !cluster.attachedLeft : !HYPHENS.has(cluster.runs[a].sep);
}

function canEnd(cluster: NumberCluster, b: number): boolean {
  return b === cluster.runs.length - 1 ? !cluster.attachedRight : !HYPHENS.has(cluster.runs[b + 1].sep);
}

function sameSeparator(cluster: NumberCluster, a: number, b: number): boolean {
  for (let i = a + 2; i <= b; i++) if (cluster.runs[i].sep !== cluster.runs[a + 1].sep) return false;
  return true;
}

const FULL_WIDTH = /[０-９Ｘｘ]/;
const foldFullWidth = (s: string): string =>
  FULL_WIDTH.test(s) ? s.replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))) : s;

function windowOf(text: string, cluster: NumberCluster, a: number, b: number): Window {
  let digits = '';
  const lengths: number[] = [];
  for (let i = a; i <= b; i++) {
    const r = cluster.runs[i];
    digits += text.slice(r.start, r.end);
    lengths.push(r.end - r.start);
  }
  return {
    start: cluster.runs[a].start,
    end: cluster.runs[b].end,
    digits: foldFullWidth(digits),
    lengths,
    endsWithX: cluster.runs[b].x,
    wholeCluster: a === 0 && b === cluster.runs.length - 1,
    sep: b > a ? cluster.runs[a + 1].sep : 0,
  };
}

/** A number labelled 订单号, 统一社会信用代码, 营业执照号, 索引号, 金额 … is that, whatever its digits look like. */
const isNotPersonal = (label: LabelKind | null): boolean => label === 'other' || label === 'registration' || label === 'money';

/** Whether the number in window `w`, starting at run `a` of its cluster, is personal data and of which type. */
function classify(text: string, w: Window, labels: ClusterLabels, a: number): Match | null {
  const { digits, lengths, start, end } = w;
  if (isQuantity(text, start, end)) return null;
  if (isNotPersonal(labels.near(a))) return null;
  // In a row that lines up under a header, a space ends a cell: "6217001234567890 3000" is an account and an amount.
  if (isSpaceSeparator(w.sep) && labels.inSpacedTable()) return null;
  const base = { start, end, severity: 'block' as const, maskFrom: start };

  // The check character makes an ID number certain enough that only a label right before it overrides
  // it, or a column headed with a registration or licence number (营业执照号, 统一社会信用代码 …).
  if (digits.length === 18 && isIdGrouping(lengths) && isValidId18(digits)) {
    if (labels.full(a) === 'registration') return null;
    return { ...base, type: 'id_card', rule: 'id18', keepFirst: ID_KEEP_FIRST, keepLast: ID18_KEEP_LAST };
  }
  if (w.endsWithX) return labelledIdShape(w, labels, a, base);
  // Tabs separate table cells: only a number written one digit per cell spans several, and without
  // a check character it must fill the whole run of cells (not 15 digits picked out of 18 boxes).
  const perDigit = lengths.length > 1 && lengths.every((l) => l === 1);
  if (w.sep === 9 && !perDigit) return null;
  if (perDigit && !w.wholeCluster) return null;
  const label = labels.full(a);
  if (isNotPersonal(label)) return null;
  const labelledId = labelledIdShape(w, labels, a, base);
  if (labelledId) return labelledId;

  const mobile = mobileMatch(text, w, label === 'phone');
  if (mobile) return mobile;

  if (label !== 'account' && digits.length === 15 && isIdGrouping(lengths) && isValidId15(digits)) {
    return { ...base, type: 'id_card', rule: 'id15', keepFirst: ID_KEEP_FIRST, keepLast: ID15_KEEP_LAST };
  }
  if (label === 'account' && digits.length >= ACCOUNT_MIN_DIGITS && digits.length <= ACCOUNT_MAX_DIGITS) {
    return { ...base, type: 'bank_card', rule: 'account-context', keepFirst: BANK_KEEP_FIRST, keepLast: BANK_KEEP_LAST };
  }
  // 18 digits with an ID's address code and birth date but a wrong check digit: an order or serial
  // number built like an ID (or a mistyped one), not a card that happens to pass Luhn.
  if (isCardGrouping(lengths) && isCardNumber(digits) && !hasIdShape(digits)) {
    return { ...base, type: 'bank_card', rule: 'luhn', keepFirst: BANK_KEEP_FIRST, keepLast: BANK_KEEP_LAST };
  }
  return null;
}

/**
 * Labelled 身份证号 (before it or at the head of its column) and shaped like one, but with a wrong
 * check character: a mistyped ID number still identifies its holder. Unlabelled, it is an order number.
 */
function labelledIdShape(w: Window, labels: ClusterLabels, a: number, base: Pick<Match, 'start' | 'end' | 'severity' | 'maskFrom'>): Match | null {
  if (w.digits.length !== 18 || !isIdGrouping(w.lengths) || !hasIdShape(w.digits) || labels.full(a) !== 'id') return null;
  return { ...base, type: 'id_card', rule: 'id18-labelled', keepFirst: ID_KEEP_FIRST, keepLast: ID18_KEEP_LAST };
}

/**
 * A mobile number: in an allocated segment, or — after a phone label or under a phone column
 * (`labelled`) — any 11 digits that begin with 1.
 */
function mobileMatch(text: string, w: Window, labelled: boolean): Match | null {
  const { digits, lengths } = w;
  const isMobile = labelled ? isLabelledMobileNumber : isMobileNumber;
  const mobile = { type: 'mobile_phone' as const, severity: 'block' as const, rule: 'mobile', end: w.end };
  const keep = { keepFirst: MOBILE_KEEP_FIRST, keepLast: MOBILE_KEEP_LAST };
  if (isMobileGrouping(lengths) && isMobile(digits)) {
    const prefix = countryPrefixLength(text, w.start);
    return { ...mobile, ...keep, start: w.start - prefix, maskFrom: w.start };
  }
  // The prefix written into the number itself: +8613812345678, +86 138 1234 5678, 008613812345678.
  const plus = text[w.start - 1] === '+' || text[w.start - 1] === '＋';
  const prefixDigits = digits.startsWith('0086') ? 4 : plus && digits.startsWith('86') ? 2 : 0;
  if (prefixDigits === 0 || lengths[0] < prefixDigits) return null;
  const rest = lengths[0] === prefixDigits ? lengths.slice(1) : [lengths[0] - prefixDigits, ...lengths.slice(1)];
  if (!isMobileGrouping(rest) || !isMobile(digits.slice(prefixDigits))) return null;
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
