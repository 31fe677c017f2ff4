/** A calendar date `YYYY-MM-DD` (China Standard Time when it is "today"). Fields named `…On`. */
export type IsoDate = string;
/** A UTC instant in ISO 8601 (`2026-11-29T04:58:13.000Z`). Fields named `…At`. */
export type IsoInstant = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** China Standard Time is UTC+8 all year (no daylight saving): the one place that offset is written. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar date in China (UTC+8, no DST) of an instant. */
export function chinaDateOf(at: Date): IsoDate {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as Beijing time to the minute, `YYYY-MM-DD HH:mm`, for pages, letters and alerts. */
export function chinaTimeOf(at: Date | IsoInstant): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 16);
}

/** The instant of a Beijing wall-clock time `YYYY-MM-DDTHH:mm[:ss]` or a date at its midnight (forms, feeds). */
export function instantOfChinaTime(local: string): Date {
  const full = local.length === 10 ? `${local}T00:00:00` : local.length === 16 ? `${local}:00` : local;
  return new Date(`${full}+08:00`);
}

/** The instant an instant's China minute begins, rounded up to the next minute (for "try again at" times). */
export function chinaMinuteAfter(atMs: number): string {
  return chinaTimeOf(new Date(Math.ceil(atMs / 60_000) * 60_000));
}

export function addDays(on: IsoDate, days: number): IsoDate {
  const t = new Date(`${on}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
