import { FINDING_TYPES, STRUCTURED_TYPES, type Finding, type FindingType } from '../domain/finding.ts';

export type LabelledSpan = { type: FindingType; start: number; end: number };
export type LabelledCase = { id: string; text: string; expected: LabelledSpan[]; source?: string; kind?: string };

export type TypeScore = {
  type: FindingType;
  expected: number;
  found: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
};

export type Mistake = { caseId: string; mistake: 'missed' | 'false_positive'; type: FindingType; text: string; start: number; end: number };

export type EvaluationReport = {
  cases: number;
  casesByKind: Record<string, number>;
  types: TypeScore[];
  goals: { types: FindingType[]; recall: number; precision: number };
  goalsMet: boolean;
  mistakes: Mistake[];
};

/** The goal of issue 3 for the four structured types. */
export const GOALS = { types: [...STRUCTURED_TYPES], recall: 0.99, precision: 0.98 };

/**
 * Scores a scanner against labelled cases. A finding counts as correct only with the same type and
 * the exact same span; anything else is one false positive and, if a span was expected there, one miss.
 */
export function evaluateCorpus(cases: readonly LabelledCase[], scan: (text: string) => Finding[]): EvaluationReport {
  const tally = new Map<FindingType, { tp: number; fp: number; fn: number }>(FINDING_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const mistakes: Mistake[] = [];
  const casesByKind: Record<string, number> = {};
  for (const c of cases) {
    casesByKind[c.kind ?? 'unlabelled'] = (casesByKind[c.kind ?? 'unlabelled'] ?? 0) + 1;
    const key = (s: LabelledSpan): string => `${s.type}:${s.start}:${s.end}`;
    const expected = new Set(c.expected.map(key));
    const found = scan(c.text);
    const foundKeys = new Set(found.map(key));
    for (const f of found) {
      const t = tally.get(f.type)!;
      if (expected.has(key(f))) t.tp++;
      else {
        t.fp++;
        mistakes.push({ caseId: c.id, mistake: 'false_positive', type: f.type, text: f.text, start: f.start, end: f.end });
      }
    }
    for (const e of c.expected) {
      if (foundKeys.has(key(e))) continue;
      tally.get(e.type)!.fn++;
      mistakes.push({ caseId: c.id, mistake: 'missed', type: e.type, text: c.text.slice(e.start, e.end), start: e.start, end: e.end });
    }
  }
  const types = FINDING_TYPES.map((type): TypeScore => {
    const { tp, fp, fn } = tally.get(type)!;
    return {
      type,
      expected: tp + fn,
      found: tp + fp,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  });
  const goalsMet = types
    .filter((s) => GOALS.types.includes(s.type))
    .every((s) => s.recall >= GOALS.recall && s.precision >= GOALS.precision);
  return { cases: cases.length, casesByKind, types, goals: GOALS, goalsMet, mistakes };
}
