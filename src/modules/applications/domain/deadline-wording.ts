/**
 * How a deadline is worded wherever staff or citizens read it. A statutory period's last day is
 * itself in the period (条例第三十三条: 自收到申请之日起20个工作日内), so "应于2027-01-04前答复"
 * — readable as "before the 4th" — is never written (found by an outside tester): a deadline is
 * given as its last day, 含当日, or as 最迟于 that day. The letter templates use the same words
 * (default-templates.ts: 最迟于{{答复期限}}).
 */
export const INCLUDES_THE_DAY = '（含当日）';

/** "2027-01-04（含当日）": a deadline shown as a value, after a label such as 答复期限. */
export const lastDay = (on: string): string => `${on}${INCLUDES_THE_DAY}`;

/** "答复期限：2027-01-04（含当日）". */
export const replyDeadline = (on: string): string => `答复期限：${lastDay(on)}`;

/** "最迟于2027-01-04": a deadline in a sentence (…一次性告知, …缴纳). */
export const noLaterThan = (on: string): string => `最迟于${on}`;
