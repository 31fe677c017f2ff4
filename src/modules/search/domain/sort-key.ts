/**
 * One number that orders indexed items newest first: the day of publication (days since
 * 1900-01-01) times 2^32, plus the item's id (ids stay below 2^32). A larger key is a newer item;
 * two items of one day are ordered by id, as the portal lists them. The key stays below 2^53, so
 * JavaScript numbers hold it exactly, and it is the FTS5 rowid on SQLite, which lets the index hand
 * out matches newest first and stop after a page.
 */
const ID_SPAN = 2 ** 32;
const EPOCH = Date.UTC(1900, 0, 1);
const DAY = 86_400_000;

const dayNumber = (on: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!m) throw new Error(`日期格式不正确：${on}`);
  return Math.round((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH) / DAY);
};

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
