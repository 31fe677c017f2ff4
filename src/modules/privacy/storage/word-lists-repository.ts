import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { parseWordListText } from '../domain/word-list-text.ts';
import type { WordList } from '../domain/word-list.ts';

type Executor = Db | Transaction<Database>;

/** The lists that apply to an item of these organs: region-wide ones and each organ's own. */
export async function wordListsFor(db: Executor, organIds: number[]): Promise<WordList[]> {
  const rows = await db
    .selectFrom('word_lists')
    .select(['name', 'entries_text'])
    .where((eb) => (organIds.length ? eb.or([eb('organ_id', 'is', null), eb('organ_id', 'in', organIds)]) : eb('organ_id', 'is', null)))
    .orderBy('id')
    .execute();
  return rows.map((r) => parseWordListText(r.name, r.entries_text).list);
}

export async function listWordLists(db: Executor) {
  return db
    .selectFrom('word_lists as w')
    .leftJoin('organs as o', 'o.id', 'w.organ_id')
    .select(['w.id', 'w.name', 'w.organ_id', 'o.name as organ_name', 'w.word_count', 'w.updated_at', 'w.entries_text'])
    .orderBy('w.organ_id')
    .orderBy('w.name')
    .execute();
}
