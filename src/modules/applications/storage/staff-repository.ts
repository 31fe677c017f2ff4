import type { Executor } from './executor.ts';

export type StaffMember = { userId: number; displayName: string; username: string; role: string };

/**
 * Every role row of the active people with a role on the organ, on an organ above it, or as system
 * administrator: who of them may handle a case is the permission rules' answer (handler-candidates.ts).
 */
export async function listStaffRoles(db: Executor, organChain: number[]): Promise<(StaffMember & { organId: number })[]> {
  if (organChain.length === 0) return [];
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as userId', 'users.display_name as displayName', 'users.username as username', 'user_roles.role as role', 'user_roles.organ_id as organId'])
    .where((eb) => eb.or([eb('user_roles.organ_id', 'in', organChain), eb('user_roles.role', '=', 'system_admin')]))
    .where('users.is_active', '=', 1)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}

export async function displayNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
