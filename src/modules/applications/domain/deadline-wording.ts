/**
 * How a deadline is worded wherever staff or citizens read it. A statutory period's last day is
 * itself in the period (条例第三十三条: 自收到申请之日起20个工作日内), so "应于2027-01-04前答复"
 * — readable as "before the 4th" — is never written (found by an outside tester): a deadline is
 * given as its last day, 含当日, or as 最迟于 that day. The letter templates use the same words
 * (default-templates.ts: 最迟于{{答复期限}}), and a template an organ saves may not say
 * {{…期限}}前 (placeholders.ts). The words themselves are the platform's (src/shared/deadline-wording.ts);
 * this file adds the applications' own: the reply deadline's label and the template rule.
 */
import { lastDay } from '../../../shared/deadline-wording.ts';

export { INCLUDES_THE_DAY, lastDay, noLaterThan, noLaterThanTheDay, deadlineStanding } from '../../../shared/deadline-wording.ts';

/** "答复期限：2027-01-04（含当日）". */
export const replyDeadline = (on: string): string => `答复期限：${lastDay(on)}`;

/** A deadline placeholder written as "before" it: {{补正期限}}前, {{答复期限}}之前, {{缴费期限}} 以前. */
const DEADLINE_BEFORE = /\{\{\s*([^{}]*?期限)\s*\}\}\s*(?:之前|以前|前)/g;

/** The names of the deadline placeholders a template's text says "…前" of (each once, in order). */
export const deadlinesSaidBefore = (text: string): string[] => [...new Set([...text.matchAll(DEADLINE_BEFORE)].map((m) => m[1]))];

/** What to tell an officer whose template says {{…期限}}前: why, and the words to use instead. */
export const saidBeforeAdvice = (names: string[]): string =>
  `“${names.map((n) => `{{${n}}}前`).join('”“')}”会被理解为当日不算，而期限含当日（条例第三十三条）；请写作“${names.map((n) => `最迟于{{${n}}}`).join('”“')}”`;
