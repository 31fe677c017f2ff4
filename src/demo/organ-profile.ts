import type { ItemKind } from './item-kind.ts';
import type { DisclosureStage } from './types.ts';
import type { Rng } from './prng.ts';

/** Everything the generator needs to produce one organ's publications year by year. */
export type OrganProfile = {
  organKey: string;
  kinds: ItemKind[];
  /** How many items of each 五公开 stage the organ publishes in `year`. */
  targets(year: number, rng: Rng): Record<DisclosureStage, number>;
  /** Document-number prefixes: 岚建〔2020〕12号, 规范性文件 岚建规〔2020〕1号, 岚政办〔2020〕8号, 处罚决定书 岚建罚决〔2020〕3号. */
  numberPrefix: { regular: string; normative: string; office?: string; penalty?: string };
  /** Planned 规范性文件: which replaces which, and the state of the rest today. */
  normativePlan: { id: string; year: number; replaces?: string; amends?: string; validity: 'valid' | 'amended' | 'expired'; validYears: number }[];
};

export const STAGES: DisclosureStage[] = ['decision', 'execution', 'management', 'service', 'result'];

/** Spreads `total` over the stages in proportion to `base`, each share jittered by ±jitter. */
export function spreadTargets(
  rng: Rng,
  total: number,
  base: Record<DisclosureStage, number>,
  jitter = 0.08,
): Record<DisclosureStage, number> {
  const weights = STAGES.map((s) => base[s] * (1 - jitter + rng.float() * 2 * jitter));
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const floors = raw.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - floors[i], i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]++;
  }
  return Object.fromEntries(STAGES.map((s, i) => [s, floors[i]])) as Record<DisclosureStage, number>;
}
