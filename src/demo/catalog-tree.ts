import type { DemoCatalogNode } from './types.ts';
import { ORGAN_KEYS } from './organ-keys.ts';

/**
 * The disclosure catalogs (公开目录) of the demo organs. Node keys are `<organ tag>/<path>` such as
 * `zjj/zdly/bzxzf`; they are stable because the seed and the tests refer to them by name.
 */

type Spec = { slug: string; name: string; standardArea?: string; children?: Spec[] };

const leaf = (slug: string, name: string, standardArea?: string): Spec => ({ slug, name, standardArea });
const branch = (slug: string, name: string, children: Spec[]): Spec => ({ slug, name, children });

/** 县住房和城乡建设局: shaped like a real county 住建 catalog, with the 住建 standard directories. */
const ZJJ: Spec[] = [
  branch('jgzn', '机构职能', [leaf('jggk', '机构概况'), leaf('ldxx', '领导信息'), leaf('nsjg', '内设机构')]),
  branch('zcwj', '政策文件', [leaf('gfxwj', '规范性文件'), leaf('qtwj', '其他文件')]),
  leaf('zcjd', '政策解读'),
  leaf('ghjh', '规划计划'),
  branch('gzcy', '公众参与', [leaf('yjzj', '意见征集'), leaf('jyta', '建议提案办理')]),
  branch('zdly', '重点领域', [
    leaf('bzxzf', '保障性住房', '保障性住房'),
    leaf('ncwfgz', '农村危房改造', '农村危房改造'),
    leaf('gytdsfwzs', '国有土地上房屋征收与补偿', '国有土地上房屋征收与补偿'),
    leaf('szfw', '市政服务', '市政服务'),
    leaf('zdjsxm', '重大建设项目'),
    leaf('fdcscjg', '房地产市场监管'),
    leaf('jzgczl', '建筑工程质量'),
    leaf('yccz', '扬尘污染防治'),
  ]),
  branch('czyjs', '财政预决算', [leaf('bmys', '部门预算'), leaf('bmjs', '部门决算')]),
  leaf('zfcg', '政府采购'),
  branch('xzxk', '行政许可', [leaf('bszn', '办事指南'), leaf('xkjg', '许可结果')]),
  branch('xzcf', '行政处罚', [leaf('cfyj', '处罚依据'), leaf('cfjg', '处罚结果')]),
  leaf('sssj', '双随机一公开'),
  leaf('tjxx', '统计信息'),
  leaf('rsxx', '人事信息'),
  branch('jdbz', '监督保障', [leaf('gztj', '工作推进')]),
  leaf('gknb', '公开年报'),
  leaf('gzdt', '工作动态'),
];

/** 县人民政府: a modest catalog of its own. */
const XZF: Spec[] = [
  branch('jgzn', '机构职能', [leaf('zfld', '政府领导'), leaf('jggk', '机构概况')]),
  branch('zcwj', '政策文件', [leaf('xzfwj', '县政府文件'), leaf('xzfbwj', '县政府办公室文件')]),
  leaf('zcjd', '政策解读'),
  leaf('ghjh', '规划计划'),
  leaf('czyjs', '财政预决算'),
  branch('zdly', '重点领域', [leaf('zdjsxm', '重大建设项目', '重大建设项目'), leaf('aqsc', '安全生产', '安全生产')]),
  leaf('rsxx', '人事信息'),
  leaf('gknb', '公开年报'),
  leaf('tzgg', '通知公告'),
  leaf('zwdt', '政务动态'),
];

/** The small catalog every other department shares; only 重点领域 differs. */
function departmentCatalog(keyAreas: Spec[]): Spec[] {
  return [
    branch('jgzn', '机构职能', [leaf('jggk', '机构概况'), leaf('ldxx', '领导信息')]),
    leaf('zcwj', '政策文件'),
    leaf('zcjd', '政策解读'),
    leaf('ghjh', '规划计划'),
    leaf('czyjs', '财政预决算'),
    branch('zdly', '重点领域', keyAreas),
    leaf('rsxx', '人事信息'),
    leaf('gknb', '公开年报'),
    leaf('gzdt', '工作动态'),
  ];
}

const CZJ = departmentCatalog([
  leaf('zfyjs', '政府预决算', '财政预决算'),
  leaf('snbt', '涉农补贴', '涉农补贴'),
  leaf('zfzw', '政府债务'),
]);

const ZRZYJ = departmentCatalog([
  leaf('zdbc', '征地补偿', '征地补偿'),
  leaf('cxgh', '城乡规划', '城乡规划'),
  leaf('tdgy', '国有建设用地供应'),
]);

const JYJ = departmentCatalog([
  leaf('ywjy', '义务教育', '义务教育'),
  leaf('xszz', '学生资助'),
  leaf('xxaq', '校园安全'),
]);

/** Organ key → the tag that starts its node keys, and its tree. */
export const CATALOG_TAGS: Record<string, string> = {
  [ORGAN_KEYS.government]: 'xzf',
  [ORGAN_KEYS.housing]: 'zjj',
  [ORGAN_KEYS.finance]: 'czj',
  [ORGAN_KEYS.naturalResources]: 'zrzyj',
  [ORGAN_KEYS.education]: 'jyj',
};

const TREES: Record<string, Spec[]> = {
  [ORGAN_KEYS.government]: XZF,
  [ORGAN_KEYS.housing]: ZJJ,
  [ORGAN_KEYS.finance]: CZJ,
  [ORGAN_KEYS.naturalResources]: ZRZYJ,
  [ORGAN_KEYS.education]: JYJ,
};

/** The node key of `path` (e.g. 'zdly/bzxzf') in the catalog of `organKey`. */
export function nodeKey(organKey: string, path: string): string {
  const tag = CATALOG_TAGS[organKey];
  if (!tag) throw new Error(`no catalog for organ ${organKey}`);
  return `${tag}/${path}`;
}

/** The names of an organ's top-level nodes, in order (the 公开指南 lists them). */
export function topLevelNames(organKey: string): string[] {
  return (TREES[organKey] ?? []).map((s) => s.name);
}

export function demoCatalog(): DemoCatalogNode[] {
  const out: DemoCatalogNode[] = [];
  const walk = (organKey: string, specs: Spec[], parentKey: string | null, prefix: string) => {
    specs.forEach((spec, i) => {
      const key = `${prefix}/${spec.slug}`;
      out.push({
        key,
        organKey,
        parentKey,
        name: spec.name,
        sortOrder: (i + 1) * 10,
        isStandardDirectory: spec.standardArea !== undefined,
        standardArea: spec.standardArea ?? null,
      });
      if (spec.children) walk(organKey, spec.children, key, key);
    });
  };
  for (const [organKey, specs] of Object.entries(TREES)) walk(organKey, specs, null, CATALOG_TAGS[organKey]);
  return out;
}
