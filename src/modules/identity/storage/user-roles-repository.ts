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

/** Grants one role, doing nothing when it is already held; returns nothing. */
export async function grantUserRole(db: Executor, userId: number, organId: number, role: Role): Promise<void> {
  await db.insertInto('user_roles').values({ user_id: userId, organ_id: organId, role }).onConflict((oc) => oc.doNothing()).execute();
}

/** Removes one role of a user on one organ; returns nothing. */
export async function revokeUserRole(db: Executor, userId: number, organId: number, role: Role): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).where('organ_id', '=', organId).where('role', '=', role).execute();
}
