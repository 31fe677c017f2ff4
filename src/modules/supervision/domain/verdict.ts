import { daysBetween } from './cadence.ts';

/**
 * The veto rules and scored items of the national website inspection that gongkai can measure
 * (国办秘函〔2019〕19号; docs/rules/website-inspection.md). Pure: the facts are counted elsewhere.
 */
export type InspectionFacts = {
  today: string;
  /** Newest publish date of any published item of the organ (the home page lists the newest items). */
  homeLastUpdatedOn: string | null;
  /** Stale news columns (2 weeks) and notice/policy columns (6 months). */
  staleNewsOrPolicyColumns: number;
  /** Columns late against their own cadence, any class. */
  staleColumns: number;
  /** Columns without any published item (leaf nodes). */
  emptyColumns: number;
  /** Stale policy-class columns (a scored item). */
  stalePolicyColumns: number;
  /** Open letters past their three-month line; null when the mailbox is not counted. */
  lettersPastThreeMonths: number | null;
  /** Published items containing a serious wording error of the organ's list; null when not inspected. */
  seriousWordingErrors?: number | null;
  /** Broken links and attachments in published items; null when links were not checked. */
  brokenLinks?: number | null;
};

export type VetoRule = 'home_not_updated' | 'columns_not_updated' | 'columns_unmaintained' | 'columns_empty' | 'poor_interaction' | 'serious_wording_error';

export const VETO_LABELS: Record<VetoRule, string> = {
  home_not_updated: '首页不更新（超过 2 周无新信息）',
  columns_not_updated: '栏目不更新（动态类超过 2 周、通知公告和政策文件类超过 6 个月未更新的栏目合计 5 个及以上）',
  columns_unmaintained: '栏目长期不维护（逾期未更新的栏目 10 个及以上）',
  columns_empty: '空白栏目（5 个及以上）',
  poor_interaction: '互动回应差（有效留言超过 3 个月未答复）',
  serious_wording_error: '严重表述错误（如领导姓名、机构名称错误）',
};

export type VetoResult = { rule: VetoRule; failed: boolean; measured: string };
export type Deduction = { item: string; points: number };
export type Verdict = { vetoes: VetoResult[]; vetoed: boolean; deductions: Deduction[]; score: number | null; passed: boolean };

// 国办秘函〔2019〕19号 单项否决 thresholds (see docs/rules/website-inspection.md).
export const HOME_STALE_DAYS = 14;
export const STALE_NEWS_POLICY_VETO = 5;
export const UNMAINTAINED_VETO = 10;
export const EMPTY_VETO = 5;
export const PASS_SCORE = 60;
// Broken links cost points; the official per-link deduction is not known to us, so (本项目约定)
// 1 point per broken link, at most 10 (docs/rules/website-inspection.md).
export const BROKEN_LINK_POINTS = 1;
export const BROKEN_LINK_MAX = 10;

/** How long before the inspection day something happened, in words (a later date is said as such, not as negative days). */
const ageWords = (days: number, today: string) => (days > 0 ? `${days} 天前` : days === 0 ? '今天' : `晚于检查日 ${today}`);

export function judge(f: InspectionFacts): Verdict {
  const homeAge = f.homeLastUpdatedOn ? daysBetween(f.homeLastUpdatedOn, f.today) : null;
  const vetoes: VetoResult[] = [
    { rule: 'home_not_updated', failed: homeAge === null || homeAge > HOME_STALE_DAYS, measured: homeAge === null ? '从未发布信息' : `最近更新 ${f.homeLastUpdatedOn}（${ageWords(homeAge, f.today)}）` },
    { rule: 'columns_not_updated', failed: f.staleNewsOrPolicyColumns >= STALE_NEWS_POLICY_VETO, measured: `${f.staleNewsOrPolicyColumns} 个` },
    { rule: 'columns_unmaintained', failed: f.staleColumns >= UNMAINTAINED_VETO, measured: `${f.staleColumns} 个` },
    { rule: 'columns_empty', failed: f.emptyColumns >= EMPTY_VETO, measured: `${f.emptyColumns} 个` },
  ];
  if (f.lettersPastThreeMonths !== null) {
    vetoes.push({ rule: 'poor_interaction', failed: f.lettersPastThreeMonths > 0, measured: `${f.lettersPastThreeMonths} 件` });
  }
  if (f.seriousWordingErrors != null) {
    vetoes.push({ rule: 'serious_wording_error', failed: f.seriousWordingErrors > 0, measured: `${f.seriousWordingErrors} 条信息` });
  }
  const vetoed = vetoes.some((v) => v.failed);
  const deductions: Deduction[] = [];
  // 扣分项: 政策文件栏目超过 6 个月未更新 −5.
  if (f.stalePolicyColumns > 0) deductions.push({ item: '政策文件类栏目超过 6 个月未更新', points: 5 });
  if (f.brokenLinks) deductions.push({ item: `断链 ${f.brokenLinks} 个`, points: Math.min(BROKEN_LINK_MAX, f.brokenLinks * BROKEN_LINK_POINTS) });
  // Any veto makes the site 不合格 and nothing else is scored.
  const score = vetoed ? null : 100 - deductions.reduce((s, d) => s + d.points, 0);
  return { vetoes, vetoed, deductions, score, passed: !vetoed && score !== null && score >= PASS_SCORE };
}
