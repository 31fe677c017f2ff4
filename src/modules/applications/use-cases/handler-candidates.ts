import { mayWorkOn, type Principal, type Role } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';
import { listStaffRoles, type StaffMember } from '../storage/staff-repository.ts';

/**
 * The people a case of the organ may be given to as 承办人: exactly those the permission rules let
 * work on it (mayWorkOn, as isStaffOf checks on assignment) — 信息员, 政务公开办公室, 股室负责人,
 * 分管领导, administrators — so the list never offers one the server refuses, nor leaves one out.
 */
export async function handlerCandidates(db: Executor, chain: number[]): Promise<StaffMember[]> {
  const byUser = new Map<number, { member: StaffMember; principal: Principal }>();
  for (const r of await listStaffRoles(db, chain)) {
    const seen = byUser.get(r.userId) ?? { member: { userId: r.userId, displayName: r.displayName, username: r.username, role: r.role }, principal: { userId: r.userId, username: r.username, displayName: r.displayName, roles: [] } };
    seen.principal.roles.push({ organId: r.organId, role: r.role as Role });
    byUser.set(r.userId, seen);
  }
  return [...byUser.values()].filter((c) => mayWorkOn(c.principal, chain)).map((c) => c.member);
}
