import { pick, type Rng } from './random-values.ts';

/** The ways people write the same number. */
export function formatMobile(rng: Rng, m: string): string {
  return pick(rng, [m, m, m, `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`, `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
    `+86 ${m}`, `+86-${m}`, `+86${m}`, `(+86)${m}`, `${m.slice(0, 3)}-${m.slice(3)}`]);
}

export function formatId(rng: Rng, id: string): string {
  const lower = id.endsWith('X') && rng() < 0.3 ? id.slice(0, 17) + 'x' : id;
  return pick(rng, [lower, lower, lower, lower, `${lower.slice(0, 6)} ${lower.slice(6, 14)} ${lower.slice(14)}`]);
}

export function formatCard(rng: Rng, card: string): string {
  return pick(rng, [card, card, card.replace(/(\d{4})(?=\d)/g, '$1 ')]);
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}
