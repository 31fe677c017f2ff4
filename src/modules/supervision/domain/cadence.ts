import { addDays, type IsoDate } from '../../../shared/iso-date.ts';

/**
 * How often a catalog node is expected to receive a new item, and when it is late. The classes and
 * their periods follow the national website inspection (国办秘函〔2019〕19号, 栏目不更新): news
 * columns 2 weeks, notice and policy columns 6 months; see docs/rules/website-inspection.md.
 */
export const CADENCES = ['biweekly', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'on_change', 'static'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, string> = {
  biweekly: '每两周',
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
  on_change: '有变化时更新',
  static: '基本不变（静态）',
};

/** The period of a cadence: calendar days or calendar months; none for nodes that are never late. */
const PERIOD: Record<Cadence, { days: number } | { months: number } | null> = {
  biweekly: { days: 14 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  half_yearly: { months: 6 },
  yearly: { months: 12 },
  on_change: null,
  static: null,
};

/** Which inspection class a node belongs to (news and notice/policy columns count towards the 栏目不更新 veto). */
export type InspectionClass = 'news' | 'notice_policy' | 'institution' | 'annual_report' | 'budget' | 'other';

export type CadenceDefault = { cadence: Cadence; inspectionClass: InspectionClass; reason: string };

/**
 * Name patterns of the inspection classes, tried on the node and then on its ancestors (规范性文件
 * under 政策文件 is a policy column). Order matters: 政策解读 is not 政策文件.
 */
const CLASS_RULES: { test: RegExp; value: CadenceDefault }[] = [
  // 国办秘函〔2019〕19号 栏目不更新: 动态、要闻类栏目超过 2 周未更新
  { test: /动态|要闻|新闻/, value: { cadence: 'biweekly', inspectionClass: 'news', reason: '动态、要闻类栏目：网站检查要求 2 周内有更新' } },
  // 国办秘函〔2019〕19号 栏目不更新: 通知公告、政策文件类栏目超过 6 个月未更新
  { test: /通知公告|政策文件|规范性文件|政府文件|县政府文件|办公室文件/, value: { cadence: 'half_yearly', inspectionClass: 'notice_policy', reason: '通知公告、政策文件类栏目：网站检查要求 6 个月内有更新' } },
  { test: /机构职能|机构概况|内设机构|领导信息|政府领导|机构设置/, value: { cadence: 'static', inspectionClass: 'institution', reason: '机构职能类栏目：内容基本不变，变化时及时更新' } },
  // 条例第四十九条：部门每年 1 月 31 日前、人民政府 3 月 31 日前公布上一年度的年度报告（第五十条是报告的内容）
  { test: /年报|年度报告/, value: { cadence: 'yearly', inspectionClass: 'annual_report', reason: '政府信息公开工作年度报告：最迟于每年 1 月 31 日（含当日）公布上一年度报告，人民政府最迟于 3 月 31 日（条例第四十九条）' } },
  { test: /预决算|部门预算|部门决算|政府预算|政府决算/, value: { cadence: 'yearly', inspectionClass: 'budget', reason: '预算、决算：每年批复后公开' } },
];

export type CadenceNode = { id: number; parentId: number | null; name: string; isStandardDirectory: boolean };

/** The default cadence of a node, from its own name, then its ancestors' names, then the standard-directory mark. */
export function defaultCadence(node: CadenceNode, byId: Map<number, CadenceNode>): CadenceDefault {
  const seen = new Set<number>();
  for (let cur: CadenceNode | undefined = node; cur && !seen.has(cur.id); cur = cur.parentId == null ? undefined : byId.get(cur.parentId)) {
    seen.add(cur.id);
    const hit = CLASS_RULES.find((r) => r.test.test(cur!.name));
    if (hit) return hit.value;
  }
  // 条例第二十六条：主动公开的信息自形成或者变更之日起 20 个工作日内公开 — a standard-directory
  // node is updated when its matters change, on that limit.
  if (node.isStandardDirectory) return { cadence: 'on_change', inspectionClass: 'other', reason: '标准目录栏目：事项形成或变更之日起 20 个工作日内公开' };
  return { cadence: 'on_change', inspectionClass: 'other', reason: '其他栏目：有新信息时更新' };
}

/** The date by which a node updated last on `lastUpdatedOn` must have its next item; null when it is never late. */
export function nextUpdateDue(cadence: Cadence, lastUpdatedOn: IsoDate): IsoDate | null {
  const p = PERIOD[cadence];
  if (!p) return null;
  return 'days' in p ? addDays(lastUpdatedOn, p.days) : addMonths(lastUpdatedOn, p.months);
}

export type Freshness =
  | { state: 'empty' }
  | { state: 'fresh'; lastUpdatedOn: IsoDate; dueOn: IsoDate | null }
  | { state: 'stale'; lastUpdatedOn: IsoDate; dueOn: IsoDate; daysLate: number };

/**
 * Whether a node is up to date on `today`. A node updated on D with a 2-week cadence is due on
 * D+14 and late from D+15 (the inspection counts "超过 2 周未更新"). Empty nodes are reported apart:
 * they fail a different veto rule (空白栏目).
 */
export function freshness(cadence: Cadence, lastUpdatedOn: IsoDate | null, today: IsoDate): Freshness {
  if (lastUpdatedOn === null) return { state: 'empty' };
  const dueOn = nextUpdateDue(cadence, lastUpdatedOn);
  if (dueOn === null || today <= dueOn) return { state: 'fresh', lastUpdatedOn, dueOn };
  return { state: 'stale', lastUpdatedOn, dueOn, daysLate: daysBetween(dueOn, today) };
}

/** The same day `months` calendar months later, or the month's last day when it has no such day (08-31 + 6 → 02-28/29). */
export function addMonths(on: IsoDate, months: number): IsoDate {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
