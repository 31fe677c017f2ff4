import type { ErrorReason } from './domain-error.ts';

/**
 * The one shape of every workflow in gongkai (docs/adr/0016-one-workflow-shape.md): a table with a
 * row per verb saying in which states it may be used and where it leads, and a pure `decide` per
 * area that returns the next state or every reason the verb is refused — the wrong state among
 * them — each verb's own rules being a small named function.
 */

/** One refusal reason, the same type in every workflow: a stable code, a Chinese message, the form field it concerns. */
export type Reason = ErrorReason;

/**
 * A verb's row: its Chinese label, the states it may be used in, and where it leads — one state,
 * `same` (it records something and keeps the state), or one of several states its rule chooses
 * (e.g. review's approve: the next stage, or approved after the last one).
 */
export type Transition<S extends string> = { label: string; from: readonly S[]; to: S | 'same' | readonly S[] };

export type TransitionTable<S extends string, V extends string> = { readonly [K in V]: Transition<S> };

/** Whether the table allows `verb` in `state`. */
export function allows<S extends string, V extends string>(table: TransitionTable<S, V>, state: S, verb: V): boolean {
  return table[verb].from.includes(state);
}

/** The states `verb` may lead to from `state` (none when the table does not allow it there). */
export function targetsOf<S extends string>(t: Transition<S>, state: S): readonly S[] {
  if (!t.from.includes(state)) return [];
  return t.to === 'same' ? [state] : typeof t.to === 'string' ? [t.to as S] : (t.to as readonly S[]);
}

/** The verbs a person may choose in a state, in the table's order. */
export function verbsAllowedIn<S extends string, V extends string>(table: TransitionTable<S, V>, state: S): V[] {
  return (Object.keys(table) as V[]).filter((v) => table[v].from.includes(state));
}

/** The refusal when the state does not allow the verb, naming the states that would. */
export function wrongStateReason<S extends string>(code: string, t: Transition<S>, state: S, stateLabels: Record<S, string>): Reason {
  return { code, message: `当前状态为“${stateLabels[state]}”，不能“${t.label}”（仅限：${t.from.map((s) => stateLabels[s]).join('、')}）` };
}

/**
 * The table as a mermaid state diagram for docs/workflows/ (a test per area keeps the document equal
 * to it): the states with their labels, how a case starts, every transition, and how it ends.
 */
export function mermaidStateDiagram<S extends string, V extends string>(
  table: TransitionTable<S, V>,
  opts: { states: readonly S[]; stateLabels: Record<S, string>; starts: { to: S; label?: string }[]; ends?: readonly S[]; edgeLabel?: (verb: V, t: Transition<S>) => string },
): string {
  const label = opts.edgeLabel ?? ((_v: V, t: Transition<S>) => t.label);
  const lines = ['stateDiagram-v2'];
  for (const s of opts.states) lines.push(`  ${s}: ${s}（${opts.stateLabels[s]}）`);
  for (const start of opts.starts) lines.push(`  [*] --> ${start.to}${start.label ? `: ${start.label}` : ''}`);
  for (const verb of Object.keys(table) as V[]) {
    const t = table[verb];
    for (const from of t.from) for (const to of targetsOf(t, from)) lines.push(`  ${from} --> ${to}: ${label(verb, t)}`);
  }
  for (const end of opts.ends ?? []) lines.push(`  ${end} --> [*]`);
  return lines.join('\n');
}
