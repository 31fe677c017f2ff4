import type { IsoDate } from '../../../shared/iso-date.ts';

/** 0 = Sunday … 6 = Saturday, for a valid `YYYY-MM-DD` date (no time zone involved). */
export function dayOfWeek(on: IsoDate): number {
  return new Date(`${on}T00:00:00Z`).getUTCDay();
}

export function isWeekend(on: IsoDate): boolean {
  const d = dayOfWeek(on);
  return d === 0 || d === 6;
}

const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** 周一 … 周日, as written in notices and traces. */
export function weekdayLabel(on: IsoDate): string {
  return WEEKDAY_LABELS[dayOfWeek(on)];
}

export function yearOf(on: IsoDate): number {
  return Number(on.slice(0, 4));
}
