import type { DemoOrgan } from './types.ts';
import { ORGAN_KEYS, HOUSING_UNIT_KEYS } from './organ-keys.ts';
import { topLevelNames } from './catalog-tree.ts';
import { guideHtml, rulesHtml, unitGuideHtml, unitRulesHtml } from './organ-guide.ts';
import { CITY, CITY_GOVERNMENT_ADDRESS, COUNTY, COUNTY_SEAT_ADDRESS } from './word-banks.ts';

/** The invented region's 6-digit division code inside the credit codes. Not a real county. */
const REGION = '341529';
const OFFICE_HOURS = '周一至周五（法定节假日除外）上午8:00—12:00，下午14:30—17:30';
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * A 统一社会信用代码 with a correct GB 32100 check character. The 9-character organisation parts are
 * invented and contain letters (as codes issued after the 2019 机构改革 do), so no code reads like an
 * 18-digit identity number.
 */
export function creditCode(registrationType: '11' | '12', orgCode: string): string {
  const body = `${registrationType}${REGION}${orgCode}`;
  if (body.length !== 17) throw new Error(`credit code body must be 17 characters: ${body}`);
  const sum = [...body].reduce((s, ch, i) => s + CODE_CHARS.indexOf(ch) * WEIGHTS[i], 0);
  return body + CODE_CHARS[(31 - (sum % 31)) % 31];
}

type OrganSeed = {
  key: string;
  name: string;
  shortName: string;
  kind: DemoOrgan['kind'];
  parentKey: string | null;
  type: '11' | '12';
  orgCode: string;
  phone: string;
  fax: string;
  address: string;
  office: string;
};

const SEEDS: OrganSeed[] = [
  {
    key: ORGAN_KEYS.government, name: `${COUNTY}人民政府`, shortName: '县政府', kind: 'government', parentKey: null,
    type: '11', orgCode: 'MB1950274', phone: '0564-5021016', fax: '0564-5021018',
    address: `${COUNTY_SEAT_ADDRESS}县政府办公楼三楼`, office: `${COUNTY}人民政府办公室（县政务公开办公室）`,
  },
  {
    key: ORGAN_KEYS.housing, name: `${COUNTY}住房和城乡建设局`, shortName: '县住建局', kind: 'department',
    parentKey: ORGAN_KEYS.government, type: '11', orgCode: 'MB1D38625', phone: '0564-5022106', fax: '0564-5022108',
    address: `${COUNTY}岚城街道建设路26号`, office: `${COUNTY}住房和城乡建设局办公室`,
  },
  {
    key: ORGAN_KEYS.finance, name: `${COUNTY}财政局`, shortName: '县财政局', kind: 'department',
    parentKey: ORGAN_KEYS.government, type: '11', orgCode: 'MB1C27403', phone: '0564-5023012', fax: '0564-5023015',
    address: `${COUNTY_SEAT_ADDRESS}县政务服务中心五楼`, office: `${COUNTY}财政局办公室`,
  },
  {
    key: ORGAN_KEYS.naturalResources, name: `${COUNTY}自然资源和规划局`, shortName: '县自然资源和规划局', kind: 'department',
    parentKey: ORGAN_KEYS.government, type: '11', orgCode: 'MB1E60517', phone: '0564-5025203', fax: '0564-5025206',
    address: `${COUNTY}岚城街道桐阳大道118号`, office: `${COUNTY}自然资源和规划局办公室`,
  },
  {
    key: ORGAN_KEYS.education, name: `${COUNTY}教育局`, shortName: '县教育局', kind: 'department',
    parentKey: ORGAN_KEYS.government, type: '11', orgCode: 'MB1F42836', phone: '0564-5026330', fax: '0564-5026332',
    address: `${COUNTY}岚城街道学府路9号`, office: `${COUNTY}教育局办公室`,
  },
];

const HOUSING_UNITS: { key: string; name: string; type: '11' | '12'; orgCode: string; phone: string; room: string }[] = [
  { key: HOUSING_UNIT_KEYS.office, name: '办公室', type: '11', orgCode: 'MB1D3863A', phone: '0564-5022106', room: '二楼201室' },
  { key: HOUSING_UNIT_KEYS.realEstate, name: '房地产市场监管股', type: '11', orgCode: 'MB1D3864C', phone: '0564-5022115', room: '三楼305室' },
  { key: HOUSING_UNIT_KEYS.rural, name: '村镇建设股', type: '11', orgCode: 'MB1D3865E', phone: '0564-5022123', room: '三楼312室' },
  { key: HOUSING_UNIT_KEYS.urban, name: '城市建设股', type: '11', orgCode: 'MB1D3866G', phone: '0564-5022131', room: '四楼402室' },
  { key: HOUSING_UNIT_KEYS.quality, name: '建筑工程质量安全监督站', type: '12', orgCode: 'MB0P1427K', phone: '0564-5022147', room: '附楼一楼' },
  { key: HOUSING_UNIT_KEYS.expropriation, name: '房屋征收服务中心', type: '12', orgCode: 'MB0P1428M', phone: '0564-5022152', room: '附楼二楼' },
];

function superiorOf(seed: OrganSeed): { superior: string; reconsiderationOrgan: string } {
  if (seed.kind === 'government') return { superior: `${CITY}人民政府办公室（市政务公开办公室）`, reconsiderationOrgan: `${CITY}人民政府` };
  return { superior: `${COUNTY}人民政府办公室（县政务公开办公室）`, reconsiderationOrgan: `${COUNTY}人民政府` };
}

/**
 * The reconsideration body each demo organ names in its reply letters (行政复议法第二十条第三款,
 * 第二十四条): a department's is the county government, the county government's the city's.
 */
export function demoReconsiderationBodies(): { organCode: string; body: string; address: string; online: string }[] {
  return SEEDS.filter((s) => s.kind !== 'unit').map((s) => s.kind === 'government'
    ? { organCode: s.key, body: `${CITY}人民政府`, address: CITY_GOVERNMENT_ADDRESS, online: `${CITY}人民政府门户网站“行政复议网上申请”栏目` }
    : { organCode: s.key, body: `${COUNTY}人民政府`, address: `${COUNTY_SEAT_ADDRESS}（县司法局行政复议受理窗口）`, online: `${COUNTY}人民政府门户网站“行政复议网上申请”栏目` });
}

export function demoOrgans(): DemoOrgan[] {
  const organs: DemoOrgan[] = SEEDS.map((s) => {
    const code = creditCode(s.type, s.orgCode);
    return {
      key: s.key,
      code: s.key,
      name: s.name,
      shortName: s.shortName,
      kind: s.kind,
      parentKey: s.parentKey,
      creditCode: code,
      indexPattern: '{creditCode}/{yyyy}-{seq5}',
      consultPhone: s.phone,
      address: s.address,
      officeHours: OFFICE_HOURS,
      guideHtml: guideHtml({
        name: s.name, office: s.office, address: s.address, officeHours: OFFICE_HOURS, phone: s.phone, fax: s.fax,
        topLevelNodes: topLevelNames(s.key), ...superiorOf(s),
      }),
      rulesHtml: rulesHtml(s.name, s.office),
    };
  });
  const housing = SEEDS.find((s) => s.key === ORGAN_KEYS.housing)!;
  for (const u of HOUSING_UNITS) {
    const name = `${housing.name}${u.name}`;
    organs.push({
      key: u.key,
      code: u.key,
      name,
      shortName: u.name,
      kind: 'unit',
      parentKey: housing.key,
      creditCode: creditCode(u.type, u.orgCode),
      indexPattern: '{creditCode}/{yyyy}-{seq5}',
      consultPhone: u.phone,
      address: `${housing.address}${u.room}`,
      officeHours: OFFICE_HOURS,
      guideHtml: unitGuideHtml(name, housing.name, u.phone),
      rulesHtml: unitRulesHtml(name, housing.name),
    });
  }
  return organs;
}

/** The phone and display name of a 住建 unit, for 信息来源 and 咨询电话 on items. */
export function housingUnit(key: string): { source: string; phone: string } {
  const u = HOUSING_UNITS.find((x) => x.key === key);
  if (!u) throw new Error(`unknown housing unit ${key}`);
  return { source: `县住建局${u.name}`, phone: u.phone };
}

export function organPhone(key: string): string {
  const s = SEEDS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown organ ${key}`);
  return s.phone;
}

export function organShortName(key: string): string {
  const s = SEEDS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown organ ${key}`);
  return s.shortName;
}

export function organName(key: string): string {
  const s = SEEDS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown organ ${key}`);
  return s.name;
}
