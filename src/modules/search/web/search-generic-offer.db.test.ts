import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';

const q = (s: string) => encodeURIComponent(s);
const mainOf = (body: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(body)![1]!;
const textOf = (main: string) => main.replace(/<[^>]+>/g, '');

/**
 * Issue 13, an outside tester on a phone: 养老金发放 showed 发放's items (the first 普通高中国家助学金发放情况), 二手房交易
 * 交易's (the first 内设机构及主要职责) — the page said it changed the words, but the list looked like an answer. An offer of
 * generic words only (domain/generic-words.ts) is a link after the others, its items never shown in place of none; and
 * 教师招聘 名单 offered 名单 (most found) before 教师 招聘.
 */
describeEachDialect('an offer of generic words only is no answer', (db) => {
  it('says nothing was found and keeps the generic offer as a link, after the offers that keep a subject', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item } = await createCountyBureau(deps);
      await item('2026年普通高中国家助学金发放情况', '本学期国家助学金已发放到位。');
      await item('2026年农村危房改造补助资金发放情况公示', '补助资金已按户发放。');
      await item('内设机构及主要职责', '负责房地产交易市场的监督管理。');
      await item('青岚县公开招聘中小学教师公告', '公开招聘中小学教师20名。');
      await item('2026年度优秀共产党员名单', '经研究，决定表彰以下同志。');
      await item('拟表彰先进集体名单公示', '现将拟表彰名单予以公示。');

      const api = async (s: string) => (await app.inject(`/api/v1/search?q=${q(s)}`)).json();
      for (const [typed, generic] of [['养老金发放', '发放'], ['二手房交易', '交易']] as const) {
        const found = await api(typed);
        expect(found.total).toBe(0);
        expect(found.fewerWords.map((o: { q: string }) => o.q)).toEqual([generic]);
        expect(found.shownInstead).toBeNull();
        const main = mainOf((await app.inject(`/search?q=${q(typed)}`)).body);
        expect(main).not.toContain('offer-preview');
        expect(textOf(main)).toContain(`没有找到包含“${typed}”的公开信息`);
        expect(textOf(main)).not.toContain('以下是');
        expect(textOf(main)).toMatch(new RegExp(`减少检索词：${generic}（\\d+ 条）`));
        expect(textOf(main)).not.toContain('内设机构及主要职责');
        expect(textOf(main)).not.toContain('普通高中国家助学金发放情况');
      }

      // The subject first, though the generic word finds more; its items shown in place of none.
      const teachers = await api('教师招聘 名单');
      expect(teachers.fewerWords).toEqual([{ q: '教师 招聘', total: 1 }, { q: '名单', total: 2 }]);
      expect(teachers.shownInstead).toEqual({ kind: 'fewerWords', q: '教师 招聘', total: 1 });
    } finally {
      await app.close();
    }
  });
});
