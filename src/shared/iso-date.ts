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

/** The calendar date in China (UTC+8, no DST) of an instant. */
export function chinaDateOf(at: Date): IsoDate {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(on: IsoDate, days: number): IsoDate {
  const t = new Date(`${on}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
