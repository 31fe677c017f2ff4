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

/** The organ a list is saved for, by code (id and parent), or undefined. */
export async function findListOrganByCode(db: Executor, code: string) {
  return db.selectFrom('organs').select(['id', 'parent_id']).where('code', '=', code).executeTakeFirst();
}

/** The organ a saved list belongs to now, or undefined when there is no such list. */
export async function findWordListOrgan(db: Executor, id: number) {
  return db.selectFrom('word_lists').select('organ_id').where('id', '=', id).executeTakeFirst();
}

/** A list with this name in this scope (an organ, or region-wide when null), or undefined. */
export async function findWordListByName(db: Executor, name: string, organId: number | null) {
  return db.selectFrom('word_lists').select('id').where('name', '=', name).where((eb) => (organId !== null ? eb('organ_id', '=', organId) : eb('organ_id', 'is', null))).executeTakeFirst();
}

export type WordListValues = { organ_id: number | null; name: string; entries_text: string; word_count: number; updated_by: number | null; updated_at: string };

/** Replaces a list's fields; returns nothing. */
export async function updateWordList(db: Executor, id: number, values: WordListValues): Promise<void> {
  await db.updateTable('word_lists').set(values).where('id', '=', id).execute();
}

/** Inserts a list; returns its id. */
export async function insertWordList(db: Executor, values: WordListValues): Promise<number> {
  return (await db.insertInto('word_lists').values(values).returning('id').executeTakeFirstOrThrow()).id;
}
