import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * A 政策解读 has no 效力 of its own (docs/adr/0039-interpretation-without-validity.md): it follows the documents it explains.
 * Before the rule an officer could mark one 已废止 or 已修改 (the review's verbs), give it 已失效 or a 有效期至 (the item form,
 * the API, the import), and the portal then said of it 本文件已废止 (found by an outside tester). Every input now refuses
 * that (ERR_REVIEW_INTERPRETATION_NO_VALIDITY); here the interpretations that carry one are made 有效 with no 有效期至, so that
 * no list, search facet, API answer or lapse job reads a 效力 the item cannot have. Their 替代文件 and the amendment table
 * are left as they are (no page reads them for an interpretation). The audit log is sealed and keeps what was recorded,
 * with who did it and when. The search index's `search_docs` row (the 效力 facet and its filter without keywords) is set
 * alike; an index entry's filter tag changes at the item's next indexing or `gongkai reindex`.
 */
export const migration: Migration = {
  name: '084-interpretations-without-validity',
  async up(db: Kysely<any>) {
    await clearInterpretationValidity(db);
  },
};

/** Makes every interpretation 有效 with no 有效期至; returns how many were changed. */
export async function clearInterpretationValidity(db: Kysely<any>): Promise<number> {
  const ids: number[] = (await db.selectFrom('publications').select('id').where('item_kind', '=', 'interpretation')
    .where((eb) => eb.or([eb('validity', '!=', 'valid'), eb('valid_through_on', 'is not', null), eb('lapsed_by_date', '!=', 0), eb('repealed_on', 'is not', null)]))
    .execute()).map((r: { id: number }) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const some = ids.slice(i, i + 500);
    await db.updateTable('publications').set({ validity: 'valid', valid_through_on: null, lapsed_by_date: 0, repealed_on: null }).where('id', 'in', some).execute();
    await db.updateTable('search_docs').set({ validity: 'valid' }).where('publication_id', 'in', some).execute();
  }
  return ids.length;
}
