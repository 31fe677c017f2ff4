import { describe, expect, it } from 'vitest';
import { Rng, mulberry32, seedFrom } from './prng.ts';

describe('the seeded generator behind the demo data', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives different streams to different labels', () => {
    expect(seedFrom('qlx-zjj/2020')).not.toBe(seedFrom('qlx-zjj/2021'));
    expect(new Rng('qlx-zjj/2020').float()).not.toBe(new Rng('qlx-zjj/2021').float());
  });

  it('keeps int() inside its bounds and reaches both ends', () => {
    const r = new Rng(7);
    const seen = new Set(Array.from({ length: 500 }, () => r.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const r = new Rng(1);
    const items = ['甲', '乙', '丙', '丁', '戊'];
    expect(r.shuffle(items).sort()).toEqual([...items].sort());
    const picked = r.sample(items, 3);
    expect(new Set(picked).size).toBe(3);
  });
});
