import { addDays, isIsoDate, type IsoDate } from '../../../shared/iso-date.ts';
import { isWeekend } from '../domain/day-of-week.ts';

/**
 * Dates as an administrator types them from a notice: separated by commas, spaces or lines, single
 * days or ranges `2027-02-06..2027-02-13` (also `至` or `~`). In a range of days off, the weekend
 * days are dropped (they are off anyway); single dates are kept as typed so validation can name them.
 * Returns the dates and the pieces that could not be read.
 */
export function parseDateList(raw: string, kind: 'holidays' | 'workdays'): { dates: IsoDate[]; unreadable: string[] } {
  const dates: IsoDate[] = [];
  const unreadable: string[] = [];
  for (const piece of raw.split(/[\s,，、;；]+/).map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d{4}-\d{2}-\d{2})(?:\.\.|至|~|～)(\d{4}-\d{2}-\d{2})$/.exec(piece);
    if (range) {
      const [, from, to] = range;
      if (!isIsoDate(from) || !isIsoDate(to) || to < from || to > addDays(from, 40)) {
        unreadable.push(piece);
        continue;
      }
      for (let d = from; d <= to; d = addDays(d, 1)) if (kind === 'workdays' || !isWeekend(d)) dates.push(d);
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(piece)) {
      dates.push(piece);
    } else {
      unreadable.push(piece);
    }
  }
  return { dates, unreadable };
}
