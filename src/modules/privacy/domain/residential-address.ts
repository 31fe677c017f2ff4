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
const SEGMENT = new RegExp(`${SPACE}(${NUMBER})(号楼|#楼|＃楼|栋|幢|座|单元|门|楼|层|室|户|号|组)`, 'y');
const HYPHENATED = new RegExp(`${SPACE}${DIGITS}{1,5}(?:[-－—‐]${DIGITS}{1,5}){1,3}(?:室|号)?(?!${DIGITS}|[-－—‐.．])`, 'y');
/** The room number after a building or 单元 (2号楼302, 2单元501), not a quantity or a longer number. */
const ROOM = new RegExp(`${SPACE}(?:${DIGITS}{2,5}|${DIGITS}{1,3}[-－—‐]${DIGITS}{2,4})(?![0-9０-９.．元万亿%％吨亩平㎡米人户年月日个套间号楼栋幢层室])`, 'y');
/** After 3栋, 3幢 or 5层 these make a count (3栋楼, 3幢房子, 5层住宅, 6层以上), not building No. 3. */
const COUNT_AFTER_BUILDING = /^(?:楼|房|住宅|高|以)/;
/** 两室一厅, 3室2厅1卫: a flat's layout, not its room number. */
const LAYOUT_AFTER_ROOM = /^[0-9０-９一二两三四五六]?[厅卫]/;
const BUILDING_UNITS = new Set(['号楼', '#楼', '＃楼', '栋', '幢', '座', '单元', '门', '楼', '层']);
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

function placeEnds(text: string): { end: number; needsUnit: boolean }[] {
  const out: { end: number; needsUnit: boolean }[] = [];
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
  return out.sort((a, b) => a.end - b.end);
}

/** The house details of home addresses in `text`, sorted, non-overlapping; each masked whole. */
export function detectResidentialAddresses(text: string): Finding[] {
  const out: Finding[] = [];
  let covered = 0;
  for (const place of placeEnds(text)) {
    if (place.end < covered) continue;
    PHASE.lastIndex = place.end;
    const start = PHASE.exec(text) ? PHASE.lastIndex : place.end;
    const end = detailEnd(text, start, place.needsUnit);
    if (end <= start) continue;
    const lead = /^[ \u3000]/.test(text[start]) ? 1 : 0; // a space before the detail is not part of it
    const detail = text.slice(start + lead, end);
    out.push({ type: 'residential_address', text: detail, start: start + lead, end, severity: 'warn', suggestion: maskAll(detail), rule: 'residential-detail' });
    covered = end;
  }
  return out;
}
