import type { Executor } from './executor.ts';

/** The id of every organ (in the database's order), for reminders across all organs. */
export async function allOrganIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('organs').select('id').execute()).map((o) => o.id);
}
