import { diffArrays, diffChars, type ChangeObject } from 'diff';

/**
 * What a revision changes in one field's text, for its reviewer to see at once (ADR 0052): the
 * removed and added parts marked, compared by characters (Chinese has no spaces between words), tiny
 * unchanged fragments between two changes merged into them so a rewritten sentence reads as one
 * deletion and one insertion, and long unchanged stretches folded. A body is compared paragraph by
 * paragraph: unchanged paragraphs are folded, a changed one is shown with its changes marked, a
 * paragraph only one side has is shown whole as removed or added.
 */

/** A stretch of a changed paragraph: unchanged text, an unchanged stretch folded, or what was removed and added there. */
export type DiffSpan =
  | { kind: 'same'; text: string }
  | { kind: 'folded'; chars: number }
  | { kind: 'change'; removed: string; added: string };

/** A paragraph of the compared texts (one for a field that is not a body). */
export type DiffBlock =
  | { kind: 'unchanged'; paragraphs: number; chars: number }
  | { kind: 'changed'; spans: DiffSpan[] }
  | { kind: 'removed'; text: string }
  | { kind: 'added'; text: string };

/** The blocks, and whether anything was folded (then only the whole texts show everything). */
export type TextDiff = { blocks: DiffBlock[]; folded: boolean };

/** An unchanged stretch of a changed paragraph longer than this is folded, keeping `CONTEXT` characters beside each change. */
export const FOLD_AT = 80;
export const CONTEXT = 20;
/** Past this many edited characters a paragraph's comparison stops: it is shown as wholly replaced (Myers' diff costs length × edits). */
const MAX_EDIT = 400;
/** Two paragraphs of a changed run are taken for the same paragraph edited when at least this share of the longer one is common. */
const SAME_PARAGRAPH = 0.5;
/**
 * How many pairs of paragraphs a body's comparison weighs to match up the removed and added ones (each a
 * character diff); past it, the rest of a run is shown removed and added whole. Bounds the page's work on
 * a rewritten body.
 */
const MAX_LIKENESS = 24;

/** Characters as a reader counts them (code points, not UTF-16 units). */
export const charCount = (s: string) => [...s].length;

type Segment = { kind: 'same'; text: string } | { kind: 'change'; removed: string; added: string };

/** jsdiff's changes as alternating unchanged stretches and changes (a removal and an addition side by side are one change). */
function segmentsOf(changes: ChangeObject<string>[]): Segment[] {
  const out: Segment[] = [];
  for (const c of changes) {
    const last = out.at(-1);
    if (!c.added && !c.removed) { if (c.value) out.push({ kind: 'same', text: c.value }); continue; }
    const change = last?.kind === 'change' ? last : (out.push({ kind: 'change', removed: '', added: '' }), out.at(-1) as Segment & { kind: 'change' });
    if (c.removed) change.removed += c.value;
    else change.added += c.value;
  }
  return out;
}

const longer = (c: { removed: string; added: string }) => Math.max(charCount(c.removed), charCount(c.added));

/**
 * Merges an unchanged stretch between two changes into them when it is no longer than the larger side
 * of each (diff-match-patch's semantic clean-up, kept simple): 的/和/了 common by chance to two rewritten
 * sentences no longer cut them into pieces. Repeated until nothing merges.
 */
function mergeFragments(segments: Segment[]): Segment[] {
  let out = segments;
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 1; i + 1 < out.length; i++) {
      const [a, same, b] = [out[i - 1], out[i], out[i + 1]];
      if (a.kind !== 'change' || same.kind !== 'same' || b.kind !== 'change') continue;
      const n = charCount(same.text);
      if (n > longer(a) || n > longer(b)) continue;
      out = [...out.slice(0, i - 1), { kind: 'change', removed: a.removed + same.text + b.removed, added: a.added + same.text + b.added }, ...out.slice(i + 2)];
      merged = true;
      break;
    }
  }
  return out;
}

const ALNUM = /[0-9A-Za-z]/;

/**
 * Widens a change inside a number or a Latin word to the whole of it (2024 → 2025 is shown as such,
 * not as 4 → 5), then joins what touches.
 */
function wholeNumbers(segments: Segment[]): Segment[] {
  const out = segments.map((s) => ({ ...s }));
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c.kind !== 'change') continue;
    const before = out[i - 1];
    while (before?.kind === 'same' && ALNUM.test(before.text.at(-1) ?? '') && (ALNUM.test(c.removed[0] ?? '') || ALNUM.test(c.added[0] ?? ''))) {
      const ch = before.text.at(-1)!;
      before.text = before.text.slice(0, -1);
      c.removed = ch + c.removed;
      c.added = ch + c.added;
    }
    const after = out[i + 1];
    while (after?.kind === 'same' && ALNUM.test(after.text[0] ?? '') && (ALNUM.test(c.removed.at(-1) ?? '') || ALNUM.test(c.added.at(-1) ?? ''))) {
      const ch = after.text[0];
      after.text = after.text.slice(1);
      c.removed += ch;
      c.added += ch;
    }
  }
  const joined: Segment[] = [];
  for (const s of out) {
    if (s.kind === 'same' && !s.text) continue;
    const last = joined.at(-1);
    if (last?.kind === 'change' && s.kind === 'change') { last.removed += s.removed; last.added += s.added; } else joined.push(s);
  }
  return joined;
}

/** The changes between two paragraphs, merged into readable pieces; null when there are too many to tell apart. */
function segmentsBetween(before: string, after: string): Segment[] | null {
  const changes = diffChars(before, after, { maxEditLength: MAX_EDIT });
  if (!changes) return null;
  return wholeNumbers(mergeFragments(segmentsOf(changes)));
}

/**
 * Whether two paragraphs are one edited: at least `SAME_PARAGRAPH` of the longer is common to both.
 * Then the edits number at most the shorter's length, so the diff is cut off there.
 */
function alike(before: string, after: string, budget: { left: number }): boolean {
  const [b, a] = [charCount(before), charCount(after)];
  if (Math.min(a, b) < SAME_PARAGRAPH * Math.max(a, b) || budget.left <= 0) return false;
  budget.left--;
  const changes = diffChars(before, after, { maxEditLength: Math.min(MAX_EDIT, a, b) });
  if (!changes) return false;
  const common = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.count, 0);
  return common >= SAME_PARAGRAPH * Math.max(a, b);
}

/** A changed paragraph's spans: unchanged stretches over `FOLD_AT` folded, keeping `CONTEXT` characters beside each change. */
function spansOf(segments: Segment[]): { spans: DiffSpan[]; folded: boolean } {
  const spans: DiffSpan[] = [];
  let folded = false;
  segments.forEach((s, i) => {
    if (s.kind === 'change') { spans.push(s); return; }
    const chars = [...s.text];
    const keepBefore = i > 0 ? CONTEXT : 0; // after a change
    const keepAfter = i + 1 < segments.length ? CONTEXT : 0; // before a change
    if (chars.length <= FOLD_AT || chars.length <= keepBefore + keepAfter) { spans.push(s); return; }
    folded = true;
    if (keepBefore) spans.push({ kind: 'same', text: chars.slice(0, keepBefore).join('') });
    spans.push({ kind: 'folded', chars: chars.length - keepBefore - keepAfter });
    if (keepAfter) spans.push({ kind: 'same', text: chars.slice(chars.length - keepAfter).join('') });
  });
  return { spans, folded };
}

/** Two versions of one paragraph (either may be empty) as a changed block. */
function changedBlock(before: string, after: string): { block: DiffBlock; folded: boolean } {
  const segments = segmentsBetween(before, after) ?? [{ kind: 'change', removed: before, added: after }];
  const { spans, folded } = spansOf(segments);
  return { block: { kind: 'changed', spans }, folded };
}

/**
 * A run of paragraphs removed and added in the same place, matched up in order: a removed paragraph
 * and an added one mostly alike are one paragraph edited; the others are removed or added whole.
 */
function matchRun(removed: string[], added: string[], budget: { left: number }): { blocks: DiffBlock[]; folded: boolean } {
  const blocks: DiffBlock[] = [];
  let folded = false;
  const push = (b: { block: DiffBlock; folded: boolean }) => { blocks.push(b.block); folded ||= b.folded; };
  let next = 0; // the first added paragraph not yet placed
  for (const r of removed) {
    // As many removed as added: each is taken for the one in its place, edited (most often one paragraph reworded).
    const at = removed.length === added.length ? next : added.findIndex((a, k) => k >= next && alike(r, a, budget));
    if (at < 0 || at >= added.length) { blocks.push({ kind: 'removed', text: r }); continue; }
    for (const a of added.slice(next, at)) blocks.push({ kind: 'added', text: a });
    push(changedBlock(r, added[at]));
    next = at + 1;
  }
  for (const a of added.slice(next)) blocks.push({ kind: 'added', text: a });
  return { blocks, folded };
}

/**
 * The diff of two texts. With `paragraphs`, each line is a paragraph (as a body's text reads); without,
 * the text is one. An empty side gives the other wholly added or removed.
 */
export function textDiff(before: string, after: string, { paragraphs = false }: { paragraphs?: boolean } = {}): TextDiff {
  if (!paragraphs) {
    if (before === after) return { blocks: before ? [{ kind: 'unchanged', paragraphs: 1, chars: charCount(before) }] : [], folded: false };
    const { block, folded } = changedBlock(before, after);
    return { blocks: [block], folded };
  }
  const lines = (s: string) => s.split('\n').filter((l) => l !== '');
  const blocks: DiffBlock[] = [];
  let folded = false;
  let removed: string[] = [];
  let added: string[] = [];
  const budget = { left: MAX_LIKENESS };
  const flush = () => {
    if (!removed.length && !added.length) return;
    const run = matchRun(removed, added, budget);
    blocks.push(...run.blocks);
    folded ||= run.folded;
    removed = [];
    added = [];
  };
  for (const c of diffArrays(lines(before), lines(after))) {
    if (c.removed) removed.push(...c.value);
    else if (c.added) added.push(...c.value);
    else {
      flush();
      blocks.push({ kind: 'unchanged', paragraphs: c.value.length, chars: c.value.reduce((n, l) => n + charCount(l), 0) });
      folded = true;
    }
  }
  flush();
  return { blocks, folded };
}
