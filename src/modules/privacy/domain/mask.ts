import type { Finding } from './finding.ts';

export const isDigitCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/**
 * Masks the digits of `text` except the first `keepFirst` and the last `keepLast` digits (an ID's
 * trailing X counts as a digit). Separators stay where they are, so the mask has the same length.
 */
export function maskDigits(text: string, keepFirst: number, keepLast: number): string {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (isMaskable(text.charCodeAt(i))) total++;
  let seen = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isMaskable(c)) {
      out += text[i];
      continue;
    }
    out += seen < keepFirst || seen >= total - keepLast ? text[i] : '*';
    seen++;
  }
  return out;
}

const isMaskable = (c: number): boolean => isDigitCode(c) || c === 88 || c === 120 || c === 0xff38 || c === 0xff58; // X x Ｘ ｘ

/** A same-length run of asterisks, for text that has no structure worth keeping. */
export const maskAll = (text: string): string => '*'.repeat(text.length);

/**
 * Replaces every finding's span by its suggestion. Suggestions keep the length of what they
 * replace, so the offsets of the other findings stay valid.
 */
export function applyMasks(text: string, findings: readonly (Finding | Pick<Finding, 'start' | 'end' | 'suggestion'>)[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of sorted) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.suggestion;
    at = f.end;
  }
  return out + text.slice(at);
}
