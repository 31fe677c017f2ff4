import { HOME_LABELS } from './address-lead-ins.ts';
import type { Finding } from './finding.ts';
import { maskAll } from './mask.ts';

/**
 * A person's home address (个人信息保护法第四条: information about an identified or identifiable
 * person; 条例第十五条: personal information is not made public). What identifies a household is the
 * house detail after the name of its estate or village — 3栋2单元501室, 2号楼302, 12号楼3门201 (门 for 单元), 3-2-501, 3组15号 —
 * so that detail is the finding and is masked whole (幸福小区3栋2单元501室 → 幸福小区*********); the
 * estate or village itself, shared by hundreds of households, stays so the text still says where the
 * problem is.
 *
 * A detail counts only when it reaches below the building (a 单元, floor, room or house number) and
 * only right after a residential place word: 小区, 苑, 园 (花园, 家园 … but not 公园,
 * 工业园, 科技园, 幼儿园 …), 村, 公寓, 宿舍, 家属院, 号院, a numbered 组 (东风3组), or a road number
 * (人民路18号) when the detail names a 单元. Office addresses (县政务服务中心三楼, 行政中心2号楼301室,
 * 科技园2号楼, 人民医院3号楼, 人民路18号3楼) have no such place word before their floor and room, and
 * counts are not house numbers (小区3栋楼, 全村300户, 两室一厅).
 */
const DIGITS = '[0-9０-９]';
/** Ordinals only: 两 counts (两栋楼, 两室一厅), it never numbers a building or a room. */
const CN_NUMERAL = '[零〇一二三四五六七八九十百]';
const LATIN = '[A-Za-zＡ-Ｚａ-ｚ]';
const NUMBER = `(?:${LATIN}?${DIGITS}{1,5}${LATIN}?|${CN_NUMERAL}{1,4}|${LATIN})`;
const SPACE = '[ \\u3000]?';

/** The place words a house detail may follow; 园 and 组 are checked against what comes before them. */
const PLACE = /小区|公寓|宿舍|家属院|号院|苑|园|村|组/g;
const NOT_RESIDENTIAL_GARDEN = /(?:公|幼儿|工业|产业|科技|创业|物流|软件|孵化|动物|植物|陵|墓|校|菜|果|茶|乐|游|花卉|农业|生态|体育|文化)$/;
/** A 组 is a place only as a numbered 村民小组 (东风3组, 五组), not 第3组. */
const NUMBERED_GROUP = new RegExp(`(?<!第)(?:${DIGITS}{1,2}|${CN_NUMERAL}{1,3})$`);
const ROAD_NUMBER = new RegExp(`(?:路|街|巷|弄|大道)${SPACE}${DIGITS}{1,5}号`, 'g');

/** A phase or block of the estate (二期, A区): part of its name, kept. */
const PHASE = new RegExp(`${SPACE}(?:${LATIN}|${DIGITS}{1,2}|${CN_NUMERAL}{1,3})[期区]`, 'y');
/** Spaces may stand inside a detail as typed on a phone (3 栋 2 单元 501 室); 3# is 3#楼. */
const SEGMENT = new RegExp(`${SPACE}(${NUMBER})${SPACE}(号楼|#楼|＃楼|栋|幢|座|单元|门|楼|层|室|户|号|组|#|＃)`, 'y');
const HYPHENATED = new RegExp(`${SPACE}${DIGITS}{1,5}(?:[-－—‐]${DIGITS}{1,5}){1,3}(?:室|号)?(?!${DIGITS}|[-－—‐.．])`, 'y');
/** The room number after a building or 单元 (2号楼302, 2单元501), not a quantity or a longer number. */
const ROOM = new RegExp(`${SPACE}(?:${DIGITS}{2,5}|${DIGITS}{1,3}[-－—‐]${DIGITS}{2,4})(?![0-9０-９.．元万亿%％吨亩平㎡米人户年月日个套间号楼栋幢层室余多])`, 'y');
/** After 3栋, 3幢 or 5层 these make a count (3栋楼, 3幢房子, 5层住宅, 6层以上), not building No. 3. */
const COUNT_AFTER_BUILDING = /^(?:楼|房|住宅|高|以)/;
/** 两室一厅, 3室2厅1卫: a flat's layout, not its room number. */
const LAYOUT_AFTER_ROOM = /^[0-9０-９一二两三四五六]?[厅卫]/;
const BUILDING_UNITS = new Set(['号楼', '#楼', '＃楼', '#', '＃', '栋', '幢', '座', '单元', '门', '楼', '层']);
/** Below the building: these name one household (or a handful), a building or a 村民小组 alone does not. */
const HOUSEHOLD_UNITS = new Set(['单元', '门', '楼', '层', '室', '户', '号']);

/**
 * The house detail that starts at `from`, as its end, or -1. It must reach below the building (a
 * 单元, floor, room or house number): 金桂园二期6#楼 in a 施工许可 list is a building of a project,
 * 东关村五组 a group of dozens of households. `needsUnit` (after a road number) asks for a 单元.
 */
function detailEnd(text: string, from: number, needsUnit = false): number {
  let at = from;
  let segments = 0;
  let sawUnit = false;
  let household = false;
  let lastUnit = '';
  for (;;) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(text);
    if (!m) break;
    const unit = m[2];
    const after = text.slice(SEGMENT.lastIndex, SEGMENT.lastIndex + 2);
    if ((unit === '栋' || unit === '幢' || unit === '层') && COUNT_AFTER_BUILDING.test(after)) break;
    if (unit === '室' && LAYOUT_AFTER_ROOM.test(after)) break;
    if (unit === '户' && segments === 0) break; // 全村300户: households counted
    if (unit === '组' && segments > 0) break;
    // 门 is an entrance (a 单元) only after a building (12号楼3门); 小区3门, 小区3号门 are gates of the estate.
    if (unit === '门' && segments === 0) break;
    if (unit === '号' && text[SEGMENT.lastIndex] === '门') break;
    segments++;
    lastUnit = unit;
    if (unit === '单元') sawUnit = true;
    if (HOUSEHOLD_UNITS.has(unit)) household = true;
    at = SEGMENT.lastIndex;
    if (unit === '室' || unit === '户') break;
  }
  if (segments === 0) {
    if (needsUnit) return -1;
    HYPHENATED.lastIndex = at;
    return HYPHENATED.exec(text) ? HYPHENATED.lastIndex : -1;
  }
  const room = BUILDING_UNITS.has(lastUnit) ? roomEnd(text, at) : -1;
  if (room > at) {
    at = room;
    household = true;
  }
  if (!household || (needsUnit && !sawUnit)) return -1;
  return at;
}

/** The end of a room number written after a building or 单元 (302, 2-501), or -1. */
function roomEnd(text: string, from: number): number {
  HYPHENATED.lastIndex = from;
  if (HYPHENATED.exec(text)) return HYPHENATED.lastIndex;
  ROOM.lastIndex = from;
  return ROOM.exec(text) ? ROOM.lastIndex : -1;
}

/**
 * In a citizen's own text (a letter, a comment) more estate names count: 阳光城, 万科府, 滨江湾,
 * 御景庭, 锦绣居, 龙邸, 天悦郡, 幸福里 — in an organ's documents these words name too many other things
 * for the scanner (城关镇, 政府, 里程) and the detail alone decides there.
 */
const CITIZEN_PLACE = /城|府|湾|庭|居|邸|郡|里/g;
const NOT_CITIZEN_PLACE_AFTER = /^(?:[关市区乡镇]|[0-9０-９]+[个次座所])/;
const NOT_CITIZEN_PLACE_BEFORE = /(?:公|千|万|这|那|哪|家|政|县|区|市|省|州|镇|乡|局)$/;
/**
 * A building and what is below it with no estate before it (朋友住5号楼2-301, 同事4栋1202), in a
 * citizen's text only — never right after a building's, an organ's or a project's name (行政中心2号楼301室,
 * 人民医院3号楼, 项目部), after a count or ordinal (第3栋, 共4栋), and never a building alone (3号楼) or a
 * floor (3楼302室).
 */
const BARE_BUILDING = new RegExp(`(?<![0-9０-９A-Za-zＡ-Ｚａ-ｚ#＃${'零〇一二三四五六七八九十百两'}心楼厦院局府委办馆所站厅校司厂园场部处队行店宫号第共约计余和及期区段])(?:${NUMBER})${SPACE}(?:号楼|#楼|＃楼|栋|幢|座|#|＃)`, 'g');
/**
 * 家住人民路88号, 住在城关镇滨河路12号3楼: a street address after a label that says it is a home; its house
 * number and what follows are the detail. Not when an estate follows the number (家住滨河路88号阳光花园5幢…):
 * then the number is the estate's and the detail after the estate is the finding.
 */
const HOME_STREET = new RegExp(`(?:${HOME_LABELS.join('|')})[:：]?${SPACE}[\\p{Script=Han}0-9０-９]{0,16}?(?:路|街|巷|弄|大道|道)${SPACE}(?=${DIGITS}{1,5}号)`, 'gu');
const HOUSE_NUMBER = new RegExp(`${DIGITS}{1,5}号(?:院)?`, 'y');
const ESTATE_AFTER = /^[\p{Script=Han}A-Za-z0-9]{0,10}?(?:小区|公寓|宿舍|家属院|苑|园|村|城|府|湾|庭|居|邸|郡|里|大厦|广场)/u;

type Place = { end: number; needsUnit: boolean; bare?: boolean };

function placeEnds(text: string, citizen: boolean): Place[] {
  const out: Place[] = [];
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(text); m; m = PLACE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (m.index === 0) continue; // a place word needs a name before it
    if (m[0] === '园' && NOT_RESIDENTIAL_GARDEN.test(before)) continue;
    if (m[0] === '组' && !NUMBERED_GROUP.test(before)) continue;
    out.push({ end: m.index + m[0].length, needsUnit: false });
  }
  ROAD_NUMBER.lastIndex = 0;
  for (let m = ROAD_NUMBER.exec(text); m; m = ROAD_NUMBER.exec(text)) out.push({ end: m.index + m[0].length, needsUnit: true });
  if (citizen) {
    CITIZEN_PLACE.lastIndex = 0;
    for (let m = CITIZEN_PLACE.exec(text); m; m = CITIZEN_PLACE.exec(text)) {
      const end = m.index + m[0].length;
      if (m.index === 0 || NOT_CITIZEN_PLACE_BEFORE.test(text.slice(0, m.index)) || NOT_CITIZEN_PLACE_AFTER.test(text.slice(end))) continue;
      out.push({ end, needsUnit: false });
    }
    BARE_BUILDING.lastIndex = 0;
    for (let m = BARE_BUILDING.exec(text); m; m = BARE_BUILDING.exec(text)) out.push({ end: m.index, needsUnit: false, bare: true });
  }
  return out.sort((a, b) => a.end - b.end);
}

/** The house numbers of street addresses labelled as a home (家住人民路88号 → 88号), with any detail after them. */
function homeStreetNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  HOME_STREET.lastIndex = 0;
  for (let m = HOME_STREET.exec(text); m; m = HOME_STREET.exec(text)) {
    const start = m.index + m[0].length;
    HOUSE_NUMBER.lastIndex = start;
    if (!HOUSE_NUMBER.exec(text)) continue;
    let end = HOUSE_NUMBER.lastIndex;
    if (ESTATE_AFTER.test(text.slice(end))) continue;
    const detail = detailEnd(text, end);
    if (detail > end) end = detail;
    out.push(finding(text, start, end));
  }
  return out;
}

function finding(text: string, start: number, end: number): Finding {
  const detail = text.slice(start, end);
  return { type: 'residential_address', text: detail, start, end, severity: 'warn', suggestion: maskAll(detail), rule: 'residential-detail' };
}

/**
 * The house details of home addresses in `text`, sorted, non-overlapping; each masked whole.
 * `citizen`: the text is a private person's own (a letter, a comment, masked for the portal), where
 * an address is almost always a home, so the stricter forms apply too — more estate words (阳光城),
 * a building with its room and no estate (5号楼2-301, 4栋1202) and a labelled home's street number
 * (家住人民路88号). The scanner, which reads the organ's documents, uses the default.
 */
export function detectResidentialAddresses(text: string, options: { citizen?: boolean } = {}): Finding[] {
  const citizen = options.citizen === true;
  const found: Finding[] = [];
  for (const place of placeEnds(text, citizen)) {
    PHASE.lastIndex = place.end;
    const start = !place.bare && PHASE.exec(text) ? PHASE.lastIndex : place.end;
    const end = detailEnd(text, start, place.needsUnit);
    if (end <= start) continue;
    const lead = /^[ \u3000]/.test(text[start]) ? 1 : 0; // a space before the detail is not part of it
    found.push(finding(text, start + lead, end));
  }
  if (citizen) found.push(...homeStreetNumbers(text));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) out[out.length - 1] = finding(text, last.start, f.end);
      continue;
    }
    out.push(f);
  }
  return out;
}
