/** Roles a user holds on an organ. A system admin holds `system_admin` on the top organ. */
export const ROLES = ['system_admin', 'organ_admin', 'editor', 'unit_head', 'disclosure_office', 'leader_in_charge'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员', organ_admin: '机关管理员', editor: '信息员', unit_head: '股室（单位）负责人', disclosure_office: '政务公开办公室', leader_in_charge: '分管领导',
};

export type Principal = {
  userId: number;
  username: string;
  displayName: string;
  roles: { organId: number; role: Role }[];
};

/** An organ and its ancestors, self first, from every organ's parent (roles on an ancestor reach down). */
export function organChainFrom(parents: Map<number, number | null>, organId: number): number[] {
  const out: number[] = [];
  for (let cur: number | null | undefined = organId; cur != null && !out.includes(cur); cur = parents.get(cur)) out.push(cur);
  return out;
}

/**
 * The organ an account's audit entries are recorded against (docs/operations.md, "Reading the audit log"):
 * the organ of its roles where they sit on one; where they sit on several, the nearest organ at or above
 * them all, whose readers keep every one; null when they share none, or the account holds no role.
 */
export function accountOrganOf(parents: Map<number, number | null>, roleOrganIds: number[]): number | null {
  const chains = [...new Set(roleOrganIds)].map((id) => organChainFrom(parents, id));
  if (chains.length === 0) return null;
  return chains[0].find((organ) => chains.every((c) => c.includes(organ))) ?? null;
}

export const isSystemAdmin = (p: Principal): boolean => p.roles.some((r) => r.role === 'system_admin');

/** Every role `p` holds on an organ or on an organ above it (self first in `organChain`). */
export function rolesOn(p: Principal, organChain: number[]): Set<Role> {
  return new Set(p.roles.filter((r) => r.role === 'system_admin' || organChain.includes(r.organId)).map((r) => r.role));
}

/**
 * May `p` act with `role` (or a stronger one) on the organ whose ancestor chain (self first) is
 * given? A role on an organ reaches its sub-units too: the 住建局's admin manages its 股室.
 */
export function holdsRoleOn(p: Principal, organChain: number[], role: 'organ_admin' | 'editor'): boolean {
  if (isSystemAdmin(p)) return true;
  // Every staff role may draft; reviewers are staff of the organ too.
  const accepted: Role[] = role === 'editor' ? ['editor', 'organ_admin', 'unit_head', 'disclosure_office', 'leader_in_charge'] : ['organ_admin'];
  return p.roles.some((r) => accepted.includes(r.role) && organChain.includes(r.organId));
}

/** The signed-in person as the back-office frame shows them (name, account, whether they administer the system). */
export const staffUserOf = (p: Principal) => ({ displayName: p.displayName, username: p.username, isSystemAdmin: isSystemAdmin(p) });
