import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Principal, Role } from '../domain/roles.ts';

export type Executor = Db | Transaction<Database>;

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * What the start needs to decide on `admin` (src/main/bootstrap.ts): the usernames of the active system
 * administrators (by name), and whether the name `admin` is taken and by an active account.
 */
export async function firstStartAdministrators(db: Executor): Promise<{ systemAdmins: string[]; admin: { isActive: boolean } | null }> {
  const rows = await db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.username').distinct().where('user_roles.role', '=', 'system_admin').where('users.is_active', '=', 1)
    .orderBy('users.username').execute();
  const admin = await db.selectFrom('users').select('is_active').where('username', '=', 'admin').executeTakeFirst();
  return { systemAdmins: rows.map((r) => r.username), admin: admin ? { isActive: admin.is_active === 1 } : null };
}

export async function loadPrincipal(db: Executor, userId: number): Promise<Principal | null> {
  const user = await db.selectFrom('users').select(['id', 'username', 'display_name', 'is_active']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.is_active !== 1) return null;
  const roles = await db.selectFrom('user_roles').select(['organ_id', 'role']).where('user_id', '=', userId).execute();
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: roles.map((r) => ({ organId: r.organ_id, role: r.role as Role })),
  };
}

export async function listUsers(db: Executor) {
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'is_active', 'created_at', 'totp_enabled_at']).orderBy('username').execute();
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('organs', 'organs.id', 'user_roles.organ_id')
    .select(['user_roles.user_id', 'user_roles.role', 'organs.name as organ_name', 'organs.code as organ_code', 'organs.id as organ_id'])
    .execute();
  return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id) }));
}

/**
 * Counts one wrong password in a single statement, so parallel attempts cannot overwrite each
 * other's count (issue 10). A lock that has run out starts the count afresh; reaching `max` locks
 * the account until `lockUntil`. Answers the count and the lock after this failure.
 */
export async function recordFailedLogin(db: Executor, userId: number, opts: { now: string; lockUntil: string; max: number }) {
  return db
    .updateTable('users')
    .set((eb) => {
      const expired = eb.and([eb('locked_until', 'is not', null), eb('locked_until', '<=', opts.now)]);
      const next = eb.case().when(expired).then(eb.lit(1)).else(eb('failed_logins', '+', 1)).end();
      return {
        failed_logins: next,
        locked_until: eb.case().when(next, '>=', opts.max).then(opts.lockUntil).when(expired).then(null).else(eb.ref('locked_until')).end(),
      };
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

/** Every organ's parent, to walk chains (self first) in the use cases. */
export async function organParents(db: Executor): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('organs').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

export async function listOrganNames(db: Executor, ids: number[]): Promise<{ id: number; code: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organs').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('sort_order').orderBy('id').execute();
}

export async function clearFailedLogins(db: Executor, userId: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function passwordHashOf(db: Executor, userId: number): Promise<string | null> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return r?.password_hash ?? null;
}

export async function setPasswordHash(db: Executor, userId: number, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', userId).execute();
}

/** Every organ with its parent, in the back office's order, for the users page's choice of organs and its scope. */
export async function listOrganTree(db: Executor) {
  return db.selectFrom('organs').select(['id', 'code', 'name', 'parent_id']).orderBy('sort_order').orderBy('id').execute();
}

/** The user's id, username, display name and active flag, or undefined when there is no such user. */
export async function findUserStatus(db: Executor, userId: number) {
  return db.selectFrom('users').select(['id', 'username', 'display_name', 'is_active']).where('id', '=', userId).executeTakeFirst();
}

/** Inserts an active, unlocked user; returns the new id. */
export async function insertUser(db: Executor, u: { username: string; displayName: string; passwordHash: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ username: u.username, display_name: u.displayName, password_hash: u.passwordHash, is_active: 1, failed_logins: 0, locked_until: null, created_at: u.at, updated_at: u.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a user's active flag if it is not so already; false when it was (nothing written). */
export async function setUserActiveFlag(db: Executor, userId: number, active: boolean, at: string): Promise<boolean> {
  const r = await db.updateTable('users').set({ is_active: active ? 1 : 0, updated_at: at }).where('id', '=', userId).where('is_active', '=', active ? 0 : 1).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets a new password hash and clears failed sign-ins and any lock; returns nothing. */
export async function setPasswordAndUnlock(db: Executor, userId: number, passwordHash: string, at: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at }).where('id', '=', userId).execute();
}

/** The organ with this code (id and name), or undefined. */
export async function findOrganByCode(db: Executor, code: string) {
  return db.selectFrom('organs').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
}
