import { DomainError } from '../../../shared/domain-error.ts';
import { addDays, type IsoDate } from '../../../shared/iso-date.ts';
import type { Application } from './application.ts';
import { OPEN_STATES, STATE_LABELS } from './application-states.ts';
import { chineseDate } from './chinese-date.ts';
import { ApplicationErrorCode as E } from './error-codes.ts';

/**
 * Registering the same application twice (docs/workflows/application-states.md, "Registering twice").
 * Two paper forms from one applicant asking for the same information — handed in at the counter and
 * posted too, or typed in by two officers — would otherwise make two cases, two clocks and two replies.
 * This is a warning, never a refusal: 条例第二十九条 lets anyone apply, and applying again for the same
 * information is answered, not refused at registration (第三十六条第（六）项 treats a repeated application
 * when the reply is given; a request the organ finds unreasonable in number or frequency is handled
 * under 第三十五条). The officer checks the earlier case and registers anyway when it is a new one.
 */

/** A case that arrived within this many calendar days is compared even when it is closed. */
export const DUPLICATE_WINDOW_DAYS = 30;

/** What is compared of an earlier case. */
export type EarlierCase = Pick<Application,
  'id' | 'trackingNo' | 'state' | 'arrivedOn' | 'applicantName' | 'applicantIdKind' | 'applicantIdNumber' | 'contactPhone' | 'contactEmail' | 'subject' | 'documentNumber'>;

/** What is compared of the application being registered. */
export type IncomingApplication = {
  applicantName: string; applicantIdKind: string; applicantIdNumber: string; contactPhone: string; contactEmail: string;
  subject: string; documentNumber: string | null;
};

/** The first arrival date that still counts as recent on `today`. */
export const duplicateWindowStart = (today: IsoDate): IsoDate => addDays(today, -DUPLICATE_WINDOW_DAYS);

/** Full-width to half-width, lower case, without spaces and punctuation: how two hand-typed texts are compared. */
function normalised(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * The same applicant: the same name, and the same identity document or the same contact (phone or
 * e-mail). The name alone is not enough (two 王某 are two people); an ID alone is not either (a form
 * filled in for a relative carries the helper's number).
 */
export function sameApplicant(a: IncomingApplication | EarlierCase, b: IncomingApplication | EarlierCase): boolean {
  if (normalised(a.applicantName) === '' || normalised(a.applicantName) !== normalised(b.applicantName)) return false;
  const id = (x: typeof a) => (x.applicantIdNumber.trim() ? `${x.applicantIdKind}:${x.applicantIdNumber.trim().toUpperCase()}` : '');
  if (id(a) && id(a) === id(b)) return true;
  if (digits(a.contactPhone).length >= 7 && digits(a.contactPhone) === digits(b.contactPhone)) return true;
  return a.contactEmail.trim() !== '' && a.contactEmail.trim().toLowerCase() === b.contactEmail.trim().toLowerCase();
}

/** Each character pair of a text (its bigrams), counted. */
function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice's coefficient over character bigrams: 1 for the same text, 0 for texts without a pair in common. */
export function subjectSimilarity(a: string, b: string): number {
  const x = bigrams(normalised(a));
  const y = bigrams(normalised(b));
  const total = [...x.values(), ...y.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return normalised(a) === normalised(b) ? 1 : 0;
  let common = 0;
  for (const [pair, n] of x) common += Math.min(n, y.get(pair) ?? 0);
  return (2 * common) / total;
}

/** Texts this close (Dice over character bigrams) ask for the same thing in other words. */
export const NEAR_SUBJECT = 0.8;

/**
 * The same or nearly the same information asked for: when both name a 文号, the same 文号 (in any
 * bracket spelling); otherwise descriptions that are the same once spacing and punctuation are set
 * aside, one contained in the other, or close in wording — but never when their numbers differ (2024年
 * and 2025年 budgets are two requests).
 */
export function sameRequest(a: Pick<IncomingApplication, 'subject' | 'documentNumber'>, b: Pick<IncomingApplication, 'subject' | 'documentNumber'>): boolean {
  const [docA, docB] = [normalised(a.documentNumber ?? ''), normalised(b.documentNumber ?? '')];
  if (docA && docB) return docA === docB;
  const [x, y] = [normalised(a.subject), normalised(b.subject)];
  if (!x || !y) return false;
  if (x === y) return true;
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).join(',');
  if (numbers(x) !== numbers(y)) return false;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if ([...shorter].length >= 8 && longer.includes(shorter)) return true;
  return subjectSimilarity(x, y) >= NEAR_SUBJECT;
}

/** Still being handled (waiting for confirmation included), or arrived within the window. */
export function openOrRecent(c: Pick<EarlierCase, 'state' | 'arrivedOn'>, today: IsoDate): boolean {
  if (c.state === 'awaiting_confirmation' || OPEN_STATES.includes(c.state)) return true;
  return c.arrivedOn >= duplicateWindowStart(today) && c.arrivedOn <= today;
}

/**
 * The earlier cases the new application may repeat: the same applicant, the same or nearly the same
 * request, open or recent. Newest first. A case 不予登记 (discarded) was never registered and does not count.
 */
export function possibleDuplicates<C extends EarlierCase>(incoming: IncomingApplication, earlier: readonly C[], today: IsoDate): C[] {
  return earlier
    .filter((c) => c.state !== 'discarded' && openOrRecent(c, today) && sameApplicant(incoming, c) && sameRequest(incoming, c))
    .sort((a, b) => b.arrivedOn.localeCompare(a.arrivedOn) || b.id - a.id);
}

/**
 * Registration stopped to ask: the form comes back with the earlier cases and a 仍然登记 choice
 * (`duplicateConfirmed`); sent again with it ticked, the application is registered.
 */
export class PossibleDuplicateApplication extends DomainError {
  readonly cases: readonly EarlierCase[];
  constructor(cases: readonly EarlierCase[]) {
    const listed = cases.map((c) => `${c.trackingNo}（${chineseDate(c.arrivedOn)}到达，${STATE_LABELS[c.state]}）`).join('、');
    super(E.possibleDuplicate, `该申请人已有内容相同或相近的申请：${listed}。请先核对；确属另一次申请的，勾选“仍然登记”后再提交`, { httpStatus: 409, field: 'duplicateConfirmed' });
    this.name = 'PossibleDuplicateApplication';
    this.cases = cases;
  }
}
