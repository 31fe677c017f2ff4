import type { Executor } from '../../catalog/index.ts';
import type { Scope } from './full-text-index.ts';

/**
 * The items whose 文号 key is one of `keys` (a few dozen exact keys: a 文号 no item has, its neighbours), newest first,
 * the scope applied to the rows read. Asked by the keys alone, so both databases read the index of 文号 keys
 * (search_docs_document_number) whatever the scope: beside `organ_id IN (…)`, SQLite (no statistics) chose the index
 * led by the organ and read every item of the organ. The rows are as many as items hold those keys, at most `limit`.
 */
export async function documentNumbersAmong(db: Executor, keys: string[], s: Scope, limit = 500): Promise<{ sortKey: number; documentNumberKey: string }[]> {
  if (!keys.length || s.organIds?.length === 0 || s.keys?.length === 0) return [];
  const rows = await db.selectFrom('search_docs').select(['sort_key', 'document_number_key', 'organ_id', 'stage', 'genre', 'validity'])
    .where('document_number_key', 'in', keys).limit(limit).execute();
  const organs = s.organIds ? new Set(s.organIds) : null;
  const inNode = s.keys ? new Set(s.keys) : null;
  return rows
    .map((r) => ({ ...r, sortKey: Number(r.sort_key) }))
    .filter((r) => (!organs || organs.has(r.organ_id)) && (!s.stage || r.stage === s.stage) && (!s.genre || r.genre === s.genre) && (!s.validity || r.validity === s.validity)
      && (s.minKey === undefined || r.sortKey >= s.minKey) && (s.maxKey === undefined || r.sortKey <= s.maxKey) && (!inNode || inNode.has(r.sortKey)))
    .sort((a, b) => b.sortKey - a.sortKey)
    .map((r) => ({ sortKey: r.sortKey, documentNumberKey: r.document_number_key }));
}
