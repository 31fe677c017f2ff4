import { describe, expect, it } from 'vitest';
import { normativeBody, noticeBody } from './body-templates.ts';
import { Rng } from './prng.ts';

const notice = (basis: string[]) => noticeBody(new Rng(1), {
  addressee: '各乡镇人民政府', purpose: '做好学生资助工作', basis, decision: '开展资助资金核查', goals: ['资金按时发放'],
  measures: ['逐项核对'], reportTo: null, signer: '青岚县教育局', signedOn: '2026-03-02',
});
const normative = (basis: string[]) => normativeBody({
  docName: '办法', purpose: '规范管理', basis, scope: '本县', department: '县住建局', articles: ['第一项'], effectiveOn: '2026-03-02', validYears: 5,
});

/**
 * An outside tester read 学生资助资金管理的有关规定等有关规定 in the demo's snippets: a basis already naming 有关规定 was
 * followed by the template's 等有关规定.
 */
describe('a document\'s basis (根据…)', () => {
  it('says 有关规定 once when the last basis already says it', () => {
    for (const body of [notice(['学生资助资金管理的有关规定']), normative(['《导则》', '国家和省建筑工地扬尘污染防治的有关规定'])]) {
      expect(body).not.toMatch(/规定等有关规定/);
      expect(body).toMatch(/根据[^，]*有关规定，/);
    }
  });
  it('closes a list of titled laws with 等有关规定', () => {
    expect(notice(['《中华人民共和国消防法》'])).toContain('根据《中华人民共和国消防法》等有关规定，');
    expect(normative(['《中华人民共和国大气污染防治法》', '《导则》'])).toContain('根据《中华人民共和国大气污染防治法》、《导则》等有关规定，');
  });
});
