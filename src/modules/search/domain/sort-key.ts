/**
 * One number that orders indexed items newest first: the day of publication (days since
 * 1900-01-01) times 2^32, plus the item's id (ids stay below 2^32). A larger key is a newer item;
 * two items of one day are ordered by id, as the portal lists them. The key is the FTS5 rowid on
 * SQLite, which lets the index hand out matches newest first and stop after a page.
 *
 * Every key lies in [0, 2^48): the day is held within [0, 2^16), 1900-01-01 to 2079-06-06. SQLite's
 * organ-major rows (migration 068) are organ × 2^48 + key, so a key outside would fall into a
 * neighbouring organ's range. No item reaches either end — a 成文日期 before 1900 is refused
 * (catalog/domain/publication-input.ts) and a 发布日期 is never after today — so the ends only keep a
 * row written otherwise (by hand, or before that rule) from landing among another organ's items.
 */
const ID_SPAN = 2 ** 32;
const DAY_SPAN = 2 ** 16;
const EPOCH = Date.UTC(1900, 0, 1);
const DAY = 86_400_000;

const dayNumber = (on: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!m) throw new Error(`日期格式不正确：${on}`);
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const day = Math.round((new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH) / DAY);
  return Math.min(Math.max(day, 0), DAY_SPAN - 1);
};

/** The first key no item can have: 2^48. */
export const SORT_KEY_LIMIT = DAY_SPAN * ID_SPAN;

export function sortKeyOf(publishedOn: string, id: number): number {
  if (!Number.isInteger(id) || id < 0 || id >= ID_SPAN) throw new Error(`信息编号超出检索排序键的范围：${id}`);
  return dayNumber(publishedOn) * ID_SPAN + id;
}

export const idOfSortKey = (key: number): number => key % ID_SPAN;

/** The keys of items published on or after `fromOn` and on or before `toOn` (either open). */
export function keyRange(fromOn?: string, toOn?: string): { minKey?: number; maxKey?: number } {
  return {
    minKey: fromOn ? dayNumber(fromOn) * ID_SPAN : undefined,
    maxKey: toOn ? dayNumber(toOn) * ID_SPAN + (ID_SPAN - 1) : undefined,
  };
}

/** The year of publication of the item a key is for (the year a `year` filter's key range holds it in). */
export const yearOfSortKey = (key: number): number => new Date(EPOCH + Math.floor(key / ID_SPAN) * DAY).getUTCFullYear();

/** The first key of a year: every key of the year is at least this, every earlier year's below it. */
export const firstKeyOfYear = (year: number): number => keyRange(`${String(year).padStart(4, '0')}-01-01`).minKey!;
