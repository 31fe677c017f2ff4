import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createCountyBureau } from '../../../../test/support/county-bureau.ts';

const q = (s: string) => encodeURIComponent(s);

/**
 * Issue 13 (an outside tester on a phone, 县住建局): questions typed as sentences lost the words they were about. A lone
 * character was glued to the word after it (工地上拖欠工资 → 上拖欠工资) or before it (维修基金怎么用 → 基金用), a word the
 * synonyms know was cut apart (维修基金 → 维修 基金, which never finds 维修资金), and a keyword that finds nothing whole
 * was never tried shorter once two or more blocked (物业费涨价找谁投诉), nor alone (物业费).
 */
describeEachDialect('questions typed as sentences keep the words they are about', (db) => {
  it('leaves out what only asks, keeps listed words whole, and tries a blocking word shorter', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item } = await createCountyBureau(deps);
      await item('建筑工地拖欠工资投诉渠道', '建筑工地拖欠工资的，工人可向县住建局投诉。');
      await item('2025年度工作总结', '全年办结工地投诉事项36件。');
      await item('老旧小区燃气管道老化更新改造实施方案', '对使用年限超过20年的燃气管道进行更新。');
      await item('物业服务投诉处理办法', '业主对物业企业的服务质量有异议的，可向县住建局投诉。');
      await item('住宅专项维修资金使用管理办法', '维修资金的使用由业主大会决定。');

      const api = async (s: string) => (await app.inject(`/api/v1/search?q=${q(s)}`)).json();
      // A place word after a noun (工地上) says where, and is not glued to the next word.
      expect((await api('工地上拖欠工资去哪投诉')).splitSuggestion).toMatchObject({ q: '工地 拖欠工资 投诉', total: 1 });
      // 谁来修, 怎么用: who or how, and the lone verb that ends the question, only ask.
      expect((await api('燃气管道老化谁来修')).splitSuggestion).toMatchObject({ q: '燃气管道 老化', total: 1 });
      // 维修基金 is a word the synonyms know (维修资金): kept whole, it finds what 维修 基金 apart cannot.
      expect((await api('维修基金怎么用')).splitSuggestion).toMatchObject({ q: '维修基金', total: 1 });
      // Three keywords block together (物业费, 涨价): the one that finds nothing whole is tried shorter (物业费 → 物业).
      const fee = await api('物业费涨价找谁投诉');
      expect(fee.splitSuggestion).toBeNull();
      expect(fee.fewerWords[0]).toEqual({ q: '物业 投诉', total: 1 });
      // One keyword alone that finds nothing: its shorter word, when that finds something.
      const alone = await api('物业费');
      expect(alone.total).toBe(0);
      expect(alone.fewerWords).toEqual([{ q: '物业', total: 1 }]);
      expect(alone.shownInstead).toMatchObject({ kind: 'fewerWords', q: '物业', total: 1 });
      // A keyword that is a word of its own is never offered as a part of it (住房 of 住房公积金).
      expect((await api('住房公积金')).fewerWords).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
