/**
 * How a deadline is worded wherever staff or citizens read it, in every area. A statutory period's last
 * day is itself in the period (条例第三十三条: 自收到申请之日起20个工作日内; 第四十九条: 每年1月31日前公布),
 * so "应于2027-01-04前答复" — readable as "before the 4th" — is never written (found by an outside
 * tester): a deadline is given as its last day, 含当日, or as 最迟于 that day.
 */
export const INCLUDES_THE_DAY = '（含当日）';

/** "2027-01-04（含当日）": a deadline shown as a value, after a label such as 答复期限. */
export const lastDay = (on: string): string => `${on}${INCLUDES_THE_DAY}`;

/** "最迟于2027-01-04": a deadline in a sentence (…一次性告知, …缴纳). */
export const noLaterThan = (on: string): string => `最迟于${on}`;

/** "最迟于2027年1月4日（含当日）": a deadline in a sentence to a citizen who may not know the rule (请…评价). */
export const noLaterThanTheDay = (on: string): string => noLaterThan(lastDay(on));

/**
 * Where a deadline stands on a day: 已逾期 once its last day has passed, 今日到期 on that day, else
 * nothing — the last day itself is never overdue.
 */
export function deadlineStanding(on: string, today: string): '已逾期' | '今日到期' | null {
  if (on < today) return '已逾期';
  return on === today ? '今日到期' : null;
}
