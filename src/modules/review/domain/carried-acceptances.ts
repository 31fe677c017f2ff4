/**
 * Which acceptances a revision keeps (docs/workflows/review-states.md, "Acceptances a revision keeps").
 *
 * A reviewer accepts a finding as the item's page shows it: where (标题, 正文, 附件：…), what, and the
 * 上下文 column — up to 20 characters either side. A revision's scan keeps that acceptance for a finding
 * of the same type and text in the same place whose sentence, as far as the page showed it, is unchanged
 * — wherever its offset now is: a paragraph added above it, or another sentence edited, moves it, and a
 * reviewer would not expect to judge it again. Any change within that sentence — the name before a
 * number — and it is judged again, even at the same offset: the reason given (系本局值班手机) was about
 * that sentence. A finding with nothing read around it (an unreadable attachment) is judged again: the
 * scan cannot tell the file is the same one.
 */
type Judged<A> = { source: string; type: string; text: string; start: number; end: number; suggestion: string; before?: string; after?: string; accepted?: A };

/** A sentence ends at 。！？； (or their ASCII forms); the shown context stops there, or where it was cut. */
const ENDS = /[。！？；!?;]/;
/** The part of the shown context in the finding's own sentence: after the last end before it, up to and with the first end after it. */
export function sentenceAround(before: string, after: string): { before: string; after: string } {
  let from = before.length;
  while (from > 0 && !ENDS.test(before[from - 1])) from--;
  const to = after.search(ENDS);
  return { before: before.slice(from).trimStart(), after: to < 0 ? after : after.slice(0, to + 1) };
}

/** The same finding as the one a reviewer accepted: same place and type, same text, the same sentence around it as shown. */
export function sameInContext(was: Omit<Judged<unknown>, 'accepted'>, now: Omit<Judged<unknown>, 'accepted'>): boolean {
  if (was.before === undefined || was.after === undefined || now.before === undefined || now.after === undefined) return false;
  if (was.source !== now.source || was.type !== now.type || was.text !== now.text) return false;
  const a = sentenceAround(was.before, was.after);
  const b = sentenceAround(now.before, now.after);
  return a.before === b.before && a.after === b.after;
}

/** What a revision's audit entry says of an acceptance: the finding by its masked form, never its text. */
export type AcceptanceNote = { source: string; type: string; suggestion: string; reason: string; byLabel?: string; at?: string };

/**
 * The revision's scan with the acceptances of the scan before it (the published version's, or the
 * revision's own when it is reworked) that still apply, each as it was given (who, when, why) and marked
 * with when it was carried; and, for the audit, which acceptances were carried and which were not (their
 * finding changed or is gone).
 */
export function carryIntoRevision<A extends { reason: string; byLabel: string; at: string }, F extends Judged<A>>(
  previous: readonly F[], next: readonly F[], carriedAt: string,
): { findings: F[]; carried: AcceptanceNote[]; notCarried: AcceptanceNote[] } {
  const accepted = previous.filter((f) => f.accepted);
  const used = new Set<F>();
  const findings = next.map((f): F => {
    const { accepted: _stale, ...bare } = f;
    const was = accepted.find((x) => sameInContext(x, f));
    if (!was) return bare as F;
    used.add(was);
    return { ...bare, accepted: { ...was.accepted!, carriedAt } } as unknown as F;
  });
  const note = (f: F, full: boolean): AcceptanceNote => ({
    source: f.source, type: f.type, suggestion: f.suggestion, reason: f.accepted!.reason, ...(full ? { byLabel: f.accepted!.byLabel, at: f.accepted!.at } : {}),
  });
  return { findings, carried: accepted.filter((f) => used.has(f)).map((f) => note(f, true)), notCarried: accepted.filter((f) => !used.has(f)).map((f) => note(f, false)) };
}
