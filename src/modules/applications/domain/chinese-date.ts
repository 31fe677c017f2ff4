import type { IsoDate } from '../../../shared/iso-date.ts';

/** 2026-03-10 → 2026年3月10日, as dates are written in 公文. */
export function chineseDate(on: IsoDate | null | undefined): string {
  if (!on) return '';
  const [y, m, d] = on.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
