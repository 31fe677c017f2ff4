import { describe, expect, it } from 'vitest';
import { scanText } from '../modules/privacy/index.ts';
import { demoProposals, demoPublications, ORGAN_KEYS } from './index.ts';
import { isWorkday } from './demo-calendar.ts';
import { monthsAfter } from '../modules/interaction/domain/proposal.ts';

const pubs = demoPublications();
const list = demoProposals(pubs);

describe('the demo 住建局\'s 建议提案', () => {
  it('are as many of each kind as its yearly 办理情况 item states, plus two assigned after the 2026 item', () => {
    for (const year of [2025, 2026]) {
      const item = pubs.find((p) => p.organKey === ORGAN_KEYS.housing && p.title.endsWith(`${year}年人大代表建议和政协提案办理情况`))!;
      const [, suggestions, proposals] = /承办县人大代表建议(\d+)件、县政协委员提案(\d+)件/.exec(item.bodyHtml)!.map(Number);
      const before = list.filter((p) => p.year === year && p.receivedOn <= item.publishedOn);
      expect([before.filter((p) => p.kind === 'suggestion').length, before.filter((p) => p.kind === 'proposal').length]).toEqual([suggestions, proposals]);
      // 已全部按期办结，代表委员满意率100%: every one of them answered before the item, within 3 months, rated 满意.
      for (const p of before) {
        expect(p.reply!.repliedOn <= item.publishedOn && p.reply!.repliedOn <= monthsAfter(p.receivedOn, 3)).toBe(true);
        expect(p.reply!.satisfaction).toBe('satisfied');
      }
      expect(list.filter((p) => p.year === year && p.receivedOn > item.publishedOn)).toHaveLength(year === 2026 ? 2 : 0);
    }
  });

  it('gives each a number once per kind and year, a distinct title, working days, and no personal numbers', () => {
    const keys = list.map((p) => `${p.year}/${p.kind}/${p.number}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(list.map((p) => `${p.year}/${p.title}`)).size).toBe(list.length);
    for (const p of list) {
      expect(isWorkday(p.receivedOn), p.receivedOn).toBe(true);
      if (p.reply) expect(isWorkday(p.reply.repliedOn), p.reply.repliedOn).toBe(true);
      expect(scanText(`${p.title}\n${p.submitters}\n${p.reply?.text ?? ''}`)).toEqual([]);
    }
    expect(list.filter((p) => p.disclosure && 'reason' in p.disclosure).length).toBeLessThanOrEqual(2);
  });

  it('is the same on every call', () => {
    expect(demoProposals(pubs)).toEqual(list);
  });
});
