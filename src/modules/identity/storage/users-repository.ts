import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Principal, Role } from '../domain/roles.ts';

type Executor = Db | Transaction<Database>;

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
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
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'is_active', 'created_at']).orderBy('username').execute();
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('organs', 'organs.id', 'user_roles.organ_id')
    .select(['user_roles.user_id', 'user_roles.role', 'organs.name as organ_name', 'organs.code as organ_code', 'organs.id as organ_id'])
    .execute();
  return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id) }));
}
