import { describe, expect, it } from 'vitest';
import { demoCatalog, demoOrgans, ORGAN_KEYS } from './index.ts';

const organs = demoOrgans();
const nodes = demoCatalog();
const URL_SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

describe('demo organs', () => {
  it('have unique, URL-safe codes and keys', () => {
    expect(new Set(organs.map((o) => o.code)).size).toBe(organs.length);
    expect(new Set(organs.map((o) => o.key)).size).toBe(organs.length);
    for (const o of organs) expect(o.code).toMatch(URL_SAFE);
  });

  it('list every parent before its children, so they can be inserted in order', () => {
    const seen = new Set<string>();
    for (const o of organs) {
      if (o.parentKey !== null) expect(seen.has(o.parentKey), `${o.key} → ${o.parentKey}`).toBe(true);
      seen.add(o.key);
    }
  });

  it('form one county government, its departments, and the units of the 住建局', () => {
    const government = organs.filter((o) => o.kind === 'government');
    expect(government).toHaveLength(1);
    expect(government[0].code).toBe(ORGAN_KEYS.government);
    const departments = organs.filter((o) => o.kind === 'department');
    expect(departments.length).toBeGreaterThanOrEqual(4);
    expect(departments.every((d) => d.parentKey === ORGAN_KEYS.government)).toBe(true);
    const units = organs.filter((o) => o.kind === 'unit');
    expect(units.length).toBeGreaterThanOrEqual(4);
    expect(units.length).toBeLessThanOrEqual(6);
    expect(units.every((u) => u.parentKey === ORGAN_KEYS.housing)).toBe(true);
    expect(organs.find((o) => o.key === ORGAN_KEYS.housing)!.name).toMatch(/住房和城乡建设局$/);
  });

  it('carry 统一社会信用代码 with a valid GB 32100 check character that never read as an identity number', () => {
    expect(new Set(organs.map((o) => o.creditCode)).size).toBe(organs.length);
    for (const o of organs) {
      expect(o.creditCode).toMatch(/^[19][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
      const sum = [...o.creditCode.slice(0, 17)].reduce((s, ch, i) => s + CODE_CHARS.indexOf(ch) * WEIGHTS[i], 0);
      expect(o.creditCode[17]).toBe(CODE_CHARS[(31 - (sum % 31)) % 31]);
      expect(o.creditCode).not.toMatch(/\d{17}[\dXx]/);
      expect(o.indexPattern).toBe('{creditCode}/{yyyy}-{seq5}');
    }
  });

  it('give an office landline, an address, office hours, a guide and rules', () => {
    for (const o of organs) {
      expect(o.consultPhone).toMatch(/^0564-50\d{5}$/);
      expect(o.address).toContain('青岚县');
      expect(o.officeHours).toContain('8:00');
      expect(o.rulesHtml).toContain('<p>');
    }
    for (const o of organs.filter((x) => x.kind !== 'unit')) {
      // 条例第十二条: classification and arrangement, how to obtain information, the office and its contacts.
      for (const part of ['主动公开', '分类与编排', '依申请公开', '政府信息公开工作机构', o.consultPhone, o.address]) {
        expect(o.guideHtml, `${o.key} guide lacks ${part}`).toContain(part);
      }
    }
  });
});

describe('demo catalogs', () => {
  const byKey = new Map(nodes.map((n) => [n.key, n]));

  it('have unique, readable keys whose parents come first and belong to the same organ', () => {
    expect(byKey.size).toBe(nodes.length);
    const seen = new Set<string>();
    for (const n of nodes) {
      expect(n.key).toMatch(/^[a-z]+(\/[a-z]+)+$/);
      if (n.parentKey !== null) {
        expect(seen.has(n.parentKey), n.key).toBe(true);
        expect(byKey.get(n.parentKey)!.organKey).toBe(n.organKey);
      }
      seen.add(n.key);
    }
  });

  it('belong to organs that publish (not to units)', () => {
    const publishing = new Set(organs.filter((o) => o.kind !== 'unit').map((o) => o.key));
    for (const n of nodes) expect(publishing.has(n.organKey), n.key).toBe(true);
    for (const key of publishing) expect(nodes.some((n) => n.organKey === key), key).toBe(true);
  });

  it('shape the 住建局 catalog like a real one, with its standard directories', () => {
    const top = nodes.filter((n) => n.organKey === ORGAN_KEYS.housing && n.parentKey === null).map((n) => n.name);
    for (const name of ['机构职能', '政策文件', '政策解读', '规划计划', '重点领域', '财政预决算', '行政许可', '行政处罚', '人事信息', '监督保障', '公开年报', '工作动态']) {
      expect(top).toContain(name);
    }
    const areas = nodes.filter((n) => n.parentKey === 'zjj/zdly').map((n) => n.name);
    expect(areas).toEqual(['保障性住房', '农村危房改造', '国有土地上房屋征收与补偿', '市政服务', '重大建设项目', '房地产市场监管', '建筑工程质量', '扬尘污染防治']);
    for (const key of ['zjj/zdly/bzxzf', 'zjj/zdly/ncwfgz', 'zjj/zdly/gytdsfwzs', 'zjj/zdly/szfw']) {
      const n = byKey.get(key)!;
      expect(n.isStandardDirectory).toBe(true);
      expect(n.standardArea).toBe(n.name);
    }
    expect(byKey.get('zjj/jdbz/gztj')!.name).toBe('工作推进');
    expect(byKey.get('zjj/zcwj/gfxwj')!.name).toBe('规范性文件');
  });

  it('mark a standard area exactly on standard-directory nodes', () => {
    for (const n of nodes) expect(n.standardArea !== null).toBe(n.isStandardDirectory);
  });
});
