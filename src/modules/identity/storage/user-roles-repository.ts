import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Role } from '../domain/roles.ts';

type Executor = Db | Transaction<Database>;

/** Every role a user holds, as organ id and role. */
export async function userRolesOf(db: Executor, userId: number) {
  return db.selectFrom('user_roles').select(['organ_id', 'role']).where('user_id', '=', userId).execute();
}

/** Adds one role (fails if the user already holds it); returns nothing. */
export async function insertUserRole(db: Executor, userId: number, organId: number, role: Role): Promise<void> {
  await db.insertInto('user_roles').values({ user_id: userId, organ_id: organId, role }).execute();
}

/** Grants one role, doing nothing when it is already held; whether it was granted now (false: it was held). */
export async function grantUserRole(db: Executor, userId: number, organId: number, role: Role): Promise<boolean> {
  const r = await db.insertInto('user_roles').values({ user_id: userId, organ_id: organId, role }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Removes one role of a user on one organ; whether it was removed now (false: it was not held). */
export async function revokeUserRole(db: Executor, userId: number, organId: number, role: Role): Promise<boolean> {
  const r = await db.deleteFrom('user_roles').where('user_id', '=', userId).where('organ_id', '=', organId).where('role', '=', role).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
