import type { IsoDate } from '../../../shared/iso-date.ts';

/** The report period: 1 January to 31 December of the report year (docs/rules/annual-report.md). */
export const yearStart = (year: number): IsoDate => `${year}-01-01`;
export const yearEnd = (year: number): IsoDate => `${year}-12-31`;
export const inYear = (on: IsoDate | null, year: number): boolean => on !== null && on >= yearStart(year) && on <= yearEnd(year);

/**
 * Where one application falls in table 三 of `year` (docs/rules/annual-report.md, 本项目约定):
 * 一 received in the year; 二 received before the year and not closed before 1 January;
 * 三 closed (replied) in the year, in its outcome row; 四 received by 31 December and still open then.
 * An application not yet received (条例第三十一条: awaiting confirmation) counts nowhere.
 */
export function placeApplication(a: { receivedOn: IsoDate | null; repliedOn: IsoDate | null; outcome: string | null }, year: number) {
  if (a.receivedOn === null) return { received: false, carriedIn: false, closedAs: null, carriedOut: false };
  const start = yearStart(year);
  const end = yearEnd(year);
  return {
    received: inYear(a.receivedOn, year),
    carriedIn: a.receivedOn < start && (a.repliedOn === null || a.repliedOn >= start),
    closedAs: inYear(a.repliedOn, year) ? a.outcome : null,
    carriedOut: a.receivedOn <= end && (a.repliedOn === null || a.repliedOn > end),
  };
}

/** The column of table 四 a case filed in the year goes in: its result if decided by 31 December, else 尚未审结. */
export function appealColumnOn(a: { result: string; decidedOn: IsoDate | null }, year: number, pending: string): string {
  return a.decidedOn !== null && a.decidedOn <= yearEnd(year) ? a.result : pending;
}
