import { describe, expect, it } from 'vitest';
import { demoPublications } from './index.ts';
import { addDays } from '../shared/iso-date.ts';

const YEARS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

describe('the demo’s 有效期至 (ADR 0027)', () => {
  it('gives every item whose text states 自…起施行，有效期N年 the last day of that period', () => {
    // A 政策解读 quotes its policy's 施行 sentence; the period is the policy's, not the interpretation's.
    const stated = demoPublications().filter((p) => !p.interpretsKey).map((p) => ({ p, m: /自(\d{4})年(\d{1,2})月(\d{1,2})日起施行，有效期([一二三四五六七八九十])年/.exec(p.bodyHtml) }))
      .filter((x) => x.m);
    expect(stated.length).toBeGreaterThan(10);
    for (const { p, m } of stated) {
      const from = iso(m![1], m![2], m![3]);
      const years = YEARS[m![4]];
      const last = addDays(`${Number(from.slice(0, 4)) + years}${from.slice(4)}`, -1);
      expect({ title: p.title, validThroughOn: p.validThroughOn }).toEqual({ title: p.title, validThroughOn: last });
    }
  });
});
