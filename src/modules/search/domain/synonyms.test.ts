import { describe, expect, it } from 'vitest';
import { alternativesOf, MAX_ALTERNATIVES, SYNONYM_GROUPS } from './synonyms.ts';
import { parseQuery } from './parse-query.ts';

describe('synonyms people use', () => {
  it('find an organ by the short name people call it, and the short name by the full one', () => {
    // A citizen types 住建局 (or 人社局 …); documents and 发布机构 say 县住房和城乡建设局.
    expect(alternativesOf('住建局')).toEqual(['住建局', '住房和城乡建设局', '住房城乡建设局']);
    expect(alternativesOf('住房和城乡建设局')).toContain('住建局');
    for (const [short, full] of [['人社局', '人力资源和社会保障局'], ['发改委', '发展和改革委员会'], ['市场监管局', '市场监督管理局'], ['卫健委', '卫生健康委员会'], ['应急局', '应急管理局'], ['医保局', '医疗保障局'], ['文旅局', '文化和旅游局']]) {
      expect(alternativesOf(short), short).toContain(full);
    }
    expect(alternativesOf('自然资源局')).toContain('自然资源和规划局');
    expect(alternativesOf('自规局')).toContain('自然资源和规划局');
    expect(parseQuery('住建局 2025 年度报告').keywords[0].synonyms).toEqual(['住房和城乡建设局', '住房城乡建设局']);
  });

  it('find the official word for an everyday one (outside tester: 房产证, 拆迁, 讨薪 found nothing)', () => {
    expect(alternativesOf('房产证')).toContain('不动产权证书');
    expect(alternativesOf('拆迁')).toContain('房屋征收');
    expect(alternativesOf('讨薪')).toContain('欠薪');
    // 维修基金 and 物业费 found nothing where the items say 住宅专项维修资金 and 物业服务收费 (outside tester, 2026-12-07).
    expect(alternativesOf('维修基金')).toContain('维修资金');
    expect(alternativesOf('物业费')).toEqual(['物业费', '物业服务费', '物业服务收费']);
    expect(alternativesOf('维修基金使用')).toContain('维修资金使用');
    // 学区 found nothing where the enrolment plans say 招生范围 (outside tester, 2026-12-07, a parent on a phone).
    expect(alternativesOf('学区')).toEqual(['学区', '施教区', '招生范围']);
  });

  it('find 补助 by 补贴 and back: people say either for the money an item grants (an outside tester: 加装电梯 补贴 found nothing)', () => {
    expect(alternativesOf('补贴')).toEqual(['补贴', '补助']);
    expect(alternativesOf('补助')).toEqual(['补助', '补贴']);
    expect(alternativesOf('加装电梯补贴')).toContain('加装电梯补助');
    // 补偿 (for a house taken, 房屋征收) is another thing in law: not a synonym of either.
    expect(alternativesOf('补偿')).toEqual(['补偿']);
  });

  it('find the 年度报告 by 年报, as the portal itself calls it (an outside tester: 年报 and 公开年报 found nothing)', () => {
    // The navigation and the catalog say 公开年报 / 政府信息公开年报; the reports are titled …政府信息公开工作年度报告.
    expect(alternativesOf('年报')).toEqual(['年报', '年度报告']);
    expect(alternativesOf('公开年报')).toContain('公开工作年度报告');
    expect(alternativesOf('政府信息公开年报')).toContain('政府信息公开工作年度报告');
    expect(alternativesOf('2025年报')).toContain('2025年度报告');
  });

  it('find each of the two things a compound word names, one way only (an outside tester: 招投标 found nothing, 招标 76)', () => {
    expect(alternativesOf('招投标')).toEqual(['招投标', '招标投标', '招标', '投标']);
    // 招标 is not every 投标: the plain words keep their own meaning.
    expect(alternativesOf('招标')).toEqual(['招标']);
    expect(alternativesOf('投标')).toEqual(['投标']);
  });

  it('find the full term for the colloquial 违建 and 加梯, one way only (issue 13, an outside tester)', () => {
    expect(alternativesOf('违建')).toEqual(['违建', '违法建设', '违章建筑', '违法建筑']);
    expect(alternativesOf('加梯')).toEqual(['加梯', '加装电梯']);
    expect(alternativesOf('违法建设')).toEqual(['违法建设']);
    expect(alternativesOf('加装电梯')).toEqual(['加装电梯']);
    expect(alternativesOf('加梯补贴')).toContain('加装电梯补贴');
  });

  it('are one group per thing: no word is in two groups', () => {
    const seen = new Map<string, number>();
    SYNONYM_GROUPS.forEach((g, i) => g.forEach((w) => {
      expect(seen.has(w), w).toBe(false);
      seen.set(w, i);
    }));
  });

  it('apply to a synonym inside a longer keyword: the part replaced (third citizen tester: 拆迁补偿 found nothing)', () => {
    // The items say 房屋征收补偿; a reader types 拆迁补偿 as one word.
    expect(alternativesOf('拆迁补偿')).toEqual(['拆迁补偿', '房屋征收补偿']);
    expect(alternativesOf('公租房申请')).toEqual(['公租房申请', '公共租赁住房申请']);
    expect(alternativesOf('棚改项目')).toEqual(['棚改项目', '棚户区改造项目']);
    expect(alternativesOf('房产证办理')).toEqual(['房产证办理', '不动产权证书办理', '不动产权证办理']);
    expect(alternativesOf('房屋征收补偿')).toEqual(['房屋征收补偿', '拆迁补偿']);
    expect(alternativesOf('县医保局')).toEqual(['县医保局', '县医疗保障局']);
  });

  it('replace the longest synonym at a place, not a shorter one inside it, and drop what the typed form already finds', () => {
    // 住房公积金贷款 holds 住房公积金 (and 公积金 inside it): never 住房住房公积金贷款.
    expect(alternativesOf('住房公积金贷款')).toEqual(['住房公积金贷款', '公积金贷款']);
    // 住房公积金中心 would find only what 公积金中心 finds already.
    expect(alternativesOf('公积金中心')).toEqual(['公积金中心']);
    expect(alternativesOf('城镇老旧小区改造')).toEqual(['城镇老旧小区改造', '城镇老旧小区']);
  });

  it('replace every synonym part of a keyword, bounded, the typed form first', () => {
    expect(alternativesOf('拆迁公租房')).toEqual(['拆迁公租房', '房屋征收公租房', '拆迁公共租赁住房', '房屋征收公共租赁住房']);
    const many = alternativesOf('住建局发改委人社局市场监管局');
    expect(many[0]).toBe('住建局发改委人社局市场监管局');
    expect(many.length).toBe(1 + MAX_ALTERNATIVES);
    expect(new Set(many).size).toBe(many.length);
    expect(parseQuery('拆迁补偿').keywords[0].synonyms).toEqual(['房屋征收补偿']);
  });
});
