import { describe, expect, it } from 'vitest';
import { alternativesOf, SYNONYM_GROUPS } from './synonyms.ts';
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
  });

  it('are one group per thing: no word is in two groups', () => {
    const seen = new Map<string, number>();
    SYNONYM_GROUPS.forEach((g, i) => g.forEach((w) => {
      expect(seen.has(w), w).toBe(false);
      seen.set(w, i);
    }));
  });
});
