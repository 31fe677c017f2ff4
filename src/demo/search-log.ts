import { Rng } from './prng.ts';
import { ORGAN_KEYS } from './organ-keys.ts';

/**
 * What citizens typed into the portal's search over the demo's last days, for the back office's 检索统计 (search
 * statistics): terms a county's readers look for — housing first, the 住建局 being the demo's largest organ — each
 * with how often it is searched, and a few that the demo's items do not answer (what the 无结果 list is for). The
 * seed runs each search against the demo's index and counts it through the portal's own counter (SearchTermCounter),
 * so the page shows what it would after a quarter of real use. No person appears: visitors are numbers, told apart
 * by the counter for the day only, as for real ones.
 */
const TERMS: readonly (readonly [term: string, weight: number])[] = [
  ['公租房', 40], ['老旧小区改造', 34], ['住宅专项维修资金', 26], ['农民工工资', 22], ['房屋征收', 20], ['危房改造', 18],
  ['招生入学', 18], ['公共租赁住房', 16], ['预售资金', 14], ['物业服务', 14], ['学生资助', 12], ['燃气安全', 10],
  ['扬尘', 9], ['保障性住房', 9], ['行政处罚', 8], ['部门预算', 8], ['施工许可', 7], ['年度报告', 7], ['排水', 6],
  ['义务教育', 6], ['教师招聘', 5], ['棚户区改造', 5], ['双随机', 4], ['政府采购', 4],
  // What the demo's items do not answer: a reader's questions the catalog has nothing for yet.
  ['公积金提取', 9], ['人才公寓', 6], ['电动车充电桩', 5], ['契税补贴', 4],
];

/** The 住建局's own search box: a share of its readers search within it. */
const HOUSING_TERMS = new Set(['公租房', '老旧小区改造', '住宅专项维修资金', '房屋征收', '预售资金', '物业服务', '公积金提取', '人才公寓']);

export type DemoSearch = {
  /** The China day it was made. */
  on: string;
  q: string;
  /** The organ whose search box it was typed in, or null for the whole site's. */
  scopeOrganKey: string | null;
  /** Who, as a number: the same number on one day is the same reader. */
  visitor: number;
};

/** The searches of each of `days` (YYYY-MM-DD, oldest first): a working day busier than a weekend, the same every run. */
export function demoSearchLog(days: readonly string[]): DemoSearch[] {
  const rng = new Rng('search-log');
  const out: DemoSearch[] = [];
  for (const on of days) {
    const weekday = new Date(`${on}T00:00:00Z`).getUTCDay();
    const readers = weekday === 0 || weekday === 6 ? rng.int(6, 14) : rng.int(18, 40);
    for (let visitor = 0; visitor < readers; visitor++) {
      // A reader searches one term or two; some search the same again (re-sorted, filtered): one reader all the same.
      for (let n = rng.int(1, 2); n > 0; n--) {
        const q = rng.weighted(TERMS);
        const scopeOrganKey = HOUSING_TERMS.has(q) && rng.chance(0.3) ? ORGAN_KEYS.housing : null;
        const times = rng.chance(0.25) ? 2 : 1;
        for (let i = 0; i < times; i++) out.push({ on, q, scopeOrganKey, visitor });
      }
    }
  }
  return out;
}
