import { addDays, type IsoDate } from '../../../shared/iso-date.ts';
import type { WorkingDayCalendar } from '../../calendar/index.ts';
import { isRefusal, type Outcome } from './outcomes.ts';

/** Ways a letter is served (送达), recorded with its proof. */
export const SERVICE_METHODS = ['in_person', 'post', 'email', 'online', 'fax'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
export const SERVICE_METHOD_LABELS: Record<ServiceMethod, string> = {
  in_person: '直接送达（送达回证）',
  post: '邮寄（EMS等）',
  email: '电子邮件',
  online: '网上送达',
  fax: '传真',
};
export const isServiceMethod = (v: unknown): v is ServiceMethod => typeof v === 'string' && (SERVICE_METHODS as readonly string[]).includes(v);

/**
 * The 送达 way that matches how the applicant asked to receive the information (获取信息的方式): the
 * same way where there is one, 当面领取 in person (送达回证); null for anything else. The 登记送达
 * form starts on it (found by an outside tester: it started on 直接送达 for an applicant who chose 电子邮件).
 */
export function serviceMethodFor(deliveryMethod: string): ServiceMethod | null {
  if (deliveryMethod === 'pickup') return 'in_person';
  return isServiceMethod(deliveryMethod) ? deliveryMethod : null;
}

/** `on` plus `months`, on the same day of the month, or the month's last day when it has none. */
export function addMonths(on: IsoDate, months: number): IsoDate {
  const [y, m, d] = on.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A period ending on a rest day runs to the next working day (民法典第二百零三条). */
function onWorkingDay(on: IsoDate, calendar: WorkingDayCalendar): IsoDate {
  let day = on;
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The periods a served reply starts, counted from the day after service (民法典第二百零一条):
 * reconsideration within 60 days (行政复议法第二十条); a direct lawsuit within 6 months (行政诉讼法
 * 第四十六条) — none for a refusal, where reconsideration comes first (行政复议法第二十三条).
 */
export function remedyPeriods(
  letter: { servedOn: IsoDate | null }, outcome: Outcome | null, calendar: WorkingDayCalendar,
): { reconsiderationBy: IsoDate; lawsuitBy: IsoDate | null } | null {
  if (!letter.servedOn) return null;
  return {
    reconsiderationBy: onWorkingDay(addDays(letter.servedOn, 60), calendar),
    lawsuitBy: outcome !== null && isRefusal(outcome) ? null : onWorkingDay(addMonths(letter.servedOn, 6), calendar),
  };
}
