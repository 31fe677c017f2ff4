/**
 * The one rule of 有效期至 (docs/adr/0027-period-of-validity.md), for the lapse job and for every write
 * that publishes an item or changes its date (publish, an import, an approved 修订).
 */

/** What the rule reads of an item. `lapsedByDate`: its 已失效 came from this rule, not from an officer. */
export type DatedStanding = {
  status: string;
  validity: string;
  /** The last China date in force, inclusive, or null when the document sets no period. */
  validThroughOn: string | null;
  /** `repealed_on`: the last day the item counts as in force (table 二), or null. */
  endedOn: string | null;
  lapsedByDate: boolean;
};

/** The 效力 the date gives an item, and the end it dates it by; null when the rule changes nothing. */
export type ValidityByDate = { validity: 'expired'; endedOn: string } | { validity: 'valid'; endedOn: null };

/**
 * What the 有效期至 alone says of a published item on China date `today`:
 * - 有效 with a last day before today: 已失效, ended on that day;
 * - 已失效 by this rule before: 有效 again when the date was moved to today or later or cleared (the
 *   officer prolonged it or corrected a wrong date), or re-dated when it was moved but is still past;
 * - anything else stays: 已修改 and 已废止 are later acts of the organ, an 已失效 an officer chose (not
 *   the date) is the officer's to change, and an item not published is not public.
 */
export function validityByDate(item: DatedStanding, today: string): ValidityByDate | null {
  if (item.status !== 'published') return null;
  const past = item.validThroughOn !== null && item.validThroughOn < today;
  if (item.validity === 'valid') return past ? { validity: 'expired', endedOn: item.validThroughOn! } : null;
  if (item.validity !== 'expired' || !item.lapsedByDate) return null;
  if (!past) return { validity: 'valid', endedOn: null };
  return item.endedOn === item.validThroughOn ? null : { validity: 'expired', endedOn: item.validThroughOn! };
}

/** How far ahead the staff list says when an item in force lapses (信息管理, docs/adr/0027). */
export const LAPSE_SOON_DAYS = 30;

/**
 * In how many days an item still 有效 lapses — the day after its 有效期至, so 1 on its last day —
 * when that is at most `LAPSE_SOON_DAYS` away; null otherwise (no date, not 有效, or further off).
 */
export function daysUntilLapse(item: { validity: string; validThroughOn: string | null }, today: string): number | null {
  if (item.validity !== 'valid' || item.validThroughOn === null || item.validThroughOn < today) return null;
  const days = Math.round((Date.parse(`${item.validThroughOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) + 1;
  return days <= LAPSE_SOON_DAYS ? days : null;
}
