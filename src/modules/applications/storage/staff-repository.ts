import type { Executor } from './executor.ts';

export type StaffMember = { userId: number; displayName: string; username: string; role: string };

/** Active people holding a role on the organ or an organ above it (the handlers a case may get). */
export async function listOrganStaff(db: Executor, organChain: number[]): Promise<StaffMember[]> {
  if (organChain.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as userId', 'users.display_name as displayName', 'users.username as username', 'user_roles.role as role'])
    .where('user_roles.organ_id', 'in', organChain)
    .where('user_roles.role', 'in', ['editor', 'organ_admin'])
    .where('users.is_active', '=', 1)
    .orderBy('users.display_name')
    .execute();
  const seen = new Map<number, StaffMember>();
  for (const r of rows) if (!seen.has(r.userId) || r.role === 'organ_admin') seen.set(r.userId, r);
  return [...seen.values()];
}

export async function displayNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
