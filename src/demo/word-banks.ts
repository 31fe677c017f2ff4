/**
 * Invented place names and nouns of the demo county 青岚县. None of them names a real county; townships,
 * roads, estates and projects are made up for the demo and only have to sound plausible together.
 */

export const COUNTY = '青岚县';
/** The one-character abbreviation used in document numbers (岚建〔2020〕12号). */
export const COUNTY_ABBR = '岚';
export const COUNTY_SEAT_ADDRESS = '青岚县岚城街道政务中心路88号';
export const POSTCODE = '237900';
/** The invented city above the county: the county government's reconsideration body (行政复议法第二十四条). */
export const CITY = '云岫市';
export const CITY_GOVERNMENT_ADDRESS = '云岫市行政中心东楼（市司法局行政复议受理窗口）';

export const STREETS = ['岚城街道', '桐阳街道'] as const;
export const TOWNS = ['柏坪镇', '石岭镇', '枫林镇', '梅塘镇', '槐店镇', '双河镇', '桐溪镇'] as const;
export const VILLAGE_TOWNSHIPS = ['清泉乡', '东垣乡', '龙潭乡', '杏山乡'] as const;
/** All 13 township-level divisions (街道、镇、乡). */
export const TOWNSHIPS: readonly string[] = [...STREETS, ...TOWNS, ...VILLAGE_TOWNSHIPS];
/** Only the rural ones, where 农村危房改造 happens. */
export const RURAL_TOWNSHIPS: readonly string[] = [...TOWNS, ...VILLAGE_TOWNSHIPS];

export const ROADS = [
  '岚山路', '人民路', '文昌路', '滨河路', '桐阳大道', '建设路', '解放路', '迎宾大道',
  '学府路', '青云路', '新华街', '长宁路', '梅园路', '东环路', '西环路', '振兴路',
] as const;

export const ESTATES = [
  '岚苑小区', '桐阳花园', '滨河家园', '锦绣华庭', '翰林苑', '阳光新城', '金桂园', '御景湾',
  '东湖名邸', '天润府', '青云雅居', '凤栖园', '梅溪新村', '文昌花苑', '和顺家园', '岚山一品',
] as const;

/** Old residential compounds, the targets of 老旧小区改造. */
export const OLD_COMPOUNDS = [
  '县粮食局宿舍', '人民路老住宅区', '建设路南区', '百货公司家属院', '县运输公司宿舍', '解放路北区',
  '新华街片区', '县化肥厂宿舍', '文昌路东区', '老供销社家属院', '县机械厂宿舍', '长宁路老小区',
] as const;

export const PUBLIC_HOUSING = ['岚苑公租房小区', '桐阳公租房小区', '城北保障房小区', '滨河公租房小区'] as const;

export const MUNICIPAL_PROJECTS = [
  '城东污水处理厂提标改造工程', '滨河路拓宽改造工程', '桐阳大道北延工程', '城区雨污分流改造工程',
  '县城第二水厂建设工程', '岚山公园提升改造工程', '老城区供水管网改造工程', '青云路桥梁改建工程',
  '县城生活垃圾转运站建设工程', '城区公共停车场建设项目', '县城燃气管网改造工程', '城区公厕提升改造工程',
  '东环路排水防涝设施建设工程', '学府路人行道改造工程', '城北安置小区配套道路工程', '梅园路绿化提升工程',
] as const;

export const EXPROPRIATION_AREAS = [
  '老城区东门片区', '城南棚户区', '解放路北侧片区', '文昌路旧城改造片区', '滨河路西片区',
  '桐阳街道老粮站片区', '城关农贸市场片区', '建设路老厂区片区',
] as const;

/** Anonymised enterprises for penalties, permits and checks: only the trade, never a real name. */
export const ENTERPRISE_KINDS = [
  '建筑工程有限公司', '建设集团有限公司', '建筑安装工程有限公司', '房地产开发有限公司', '市政工程有限公司',
  '装饰工程有限公司', '混凝土有限公司', '劳务有限公司', '物业服务有限公司', '置业有限公司',
] as const;

export const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '周', '吴', '孙'] as const;

export const MONTHS_CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;
export const QUARTERS_CN = ['一', '二', '三', '四'] as const;
export const ORDINALS_CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'] as const;

/** Numbers written as in official prose: 1→一 … 99→九十九. */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

/**
 * The county congress (人大) and political consultative conference (政协) sessions held in `year`:
 * the 十七届/十一届 terms ran 2017–2021, the 十八届/十二届 terms from 2022, one session a year.
 */
export function congressSessions(year: number): { npc: string; cppcc: string } {
  const [npcTerm, cppccTerm] = year <= 2021 ? ['十七', '十一'] : ['十八', '十二'];
  const n = chineseNumber(year <= 2021 ? year - 2016 : year - 2021);
  return { npc: `县${npcTerm}届人大${n}次会议`, cppcc: `县政协${cppccTerm}届${n}次会议` };
}

/** 某-style names only (张某), as the demo must contain no real personal data. */
export function anonymousPerson(surname: string): string {
  return `${surname}某`;
}
