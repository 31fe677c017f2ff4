
/** A maximal run of digits; an ID's trailing X is part of the run that it ends. */
export type DigitRun = {
  start: number;
  end: number;
  /** The separator between this run and the previous one (char code), 0 for the first run. */
  sep: number;
  /** The run ends with X or x (the check character of a resident ID number). */
  x: boolean;
};

/**
 * Digit runs joined by single separators: "138 1234 5678", "341525-19900307-1234", or one digit per
 * table cell ("3\t4\t1…"). The detectors look for their number inside a cluster, so numbers written
 * with spaces, hyphens or in cells are found, and a number glued to letters or to a decimal point is not.
 */
export type NumberCluster = {
  runs: DigitRun[];
  start: number;
  end: number;
  /** Glued on the left to something that makes it part of a code or a decimal ("A12…", "3.14…", "x/12…"). */
  attachedLeft: boolean;
  attachedRight: boolean;
};

export const HYPHENS = new Set([45 /* - */, 0xff0d /* － */]);
const SEPARATORS = new Set([32, 0xa0, 0x3000, 9 /* tab: table cells */, ...HYPHENS]);

/** ASCII and full-width digits (kept local: this runs once per character of the text). */
function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57);
/**
 * Characters that glue a number to a neighbouring token: 3.14, A_12, A-12, x@12. Not "/": it
 * separates alternatives ("13812345678/13912345678"); numbers inside URLs are skipped separately.
 */
const GLUE = new Set([46 /* . */, 92 /* \ */, 95 /* _ */, 64 /* @ */, ...HYPHENS]);
/** X and x, half- and full-width: the check character of an ID number. */
export const isCheckX = (c: number): boolean => c === 88 || c === 120 || c === 0xff38 || c === 0xff58;

/** The shortest number any detector looks for (an account number after a label). */
const MIN_CLUSTER_CHARS = 10;

export function findNumberClusters(text: string): NumberCluster[] {
  const clusters: NumberCluster[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // Most numbers in prose are short (dates, counts): measure first, build runs only for long ones.
    const j = scanCluster(text, i, null);
    if (j - i >= MIN_CLUSTER_CHARS) {
      const runs: DigitRun[] = [];
      scanCluster(text, i, runs);
      clusters.push({ runs, start: i, end: j, attachedLeft: gluedLeft(text, i), attachedRight: gluedRight(text, j) });
    }
    i = j;
  }
  return clusters;
}

/** Walks one cluster from `i` (a digit) and returns its end; records its runs when `runs` is given. */
function scanCluster(text: string, i: number, runs: DigitRun[] | null): number {
  const n = text.length;
  let sep = 0;
  let j = i;
  for (;;) {
    const runStart = j;
    while (j < n && isDigitCode(text.charCodeAt(j))) j++;
    let x = false;
    if (isCheckX(text.charCodeAt(j)) && !isAsciiAlnum(text.charCodeAt(j + 1))) {
      x = true;
      j++;
    }
    runs?.push({ start: runStart, end: j, sep, x });
    if (x) return j;
    const s = text.charCodeAt(j);
    if (j + 1 < n && SEPARATORS.has(s) && isDigitCode(text.charCodeAt(j + 1))) {
      sep = s;
      j++;
      continue;
    }
    // The check character alone in the last cell: "…\t2\t3\tX".
    if (SEPARATORS.has(s) && isCheckX(text.charCodeAt(j + 1)) && !isAsciiAlnum(text.charCodeAt(j + 2))) {
      runs?.push({ start: j + 1, end: j + 2, sep: s, x: true });
      j += 2;
    }
    return j;
  }
}

function gluedLeft(text: string, start: number): boolean {
  if (start === 0) return false;
  const p = text.charCodeAt(start - 1);
  if (isAsciiLetter(p)) return true;
  return GLUE.has(p) && start >= 2 && isAsciiAlnum(text.charCodeAt(start - 2));
}

function gluedRight(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (isAsciiLetter(c) || c === 64 /* @: the local part of an e-mail address */) return true;
  return GLUE.has(c) && end + 1 < text.length && isAsciiAlnum(text.charCodeAt(end + 1));
}
