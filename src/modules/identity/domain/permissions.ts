import { holdsRoleOn, isSystemAdmin, rolesOn, type Principal, type Role } from './roles.ts';

/**
 * Who may do what on an organ, as pure rules over the person's roles and the organ's chain (the organ
 * itself first, then the organs above it: a role on an organ reaches the units below it). Every area
 * asks these rules, so changing who may do a thing changes one function here.
 */
type Chain = number[];

const holdsAny = (p: Principal, chain: Chain, roles: Role[]) => {
  const held = rolesOn(p, chain);
  return roles.some((r) => held.has(r));
};

/** Works on the organ at all (any staff role): sees its catalog, drafts, applications, letters and reports. */
export const mayWorkOn = (p: Principal, chain: Chain): boolean => holdsRoleOn(p, chain, 'editor');

/** Administers the organ: its settings, staff, review chain, site identity; decides its annual report. */
export const mayAdminister = (p: Principal, chain: Chain): boolean => holdsRoleOn(p, chain, 'organ_admin');

/** Writes items as their author (信息员), not only as a reviewer. */
export const mayAuthor = (p: Principal, chain: Chain): boolean => holdsAny(p, chain, ['editor', 'system_admin']);

/** The roles that keep an organ's supervision and assign its units' submission tasks. */
export const OFFICE_ROLES: Role[] = ['disclosure_office', 'organ_admin', 'system_admin'];

/** Keeps the organ's supervision (update cadences, inspection runs, the wording list): the 政务公开办公室 or the administrator. */
export const mayKeepSupervision = (p: Principal, chain: Chain): boolean => holdsAny(p, chain, OFFICE_ROLES);

/** Assigns recurring submission tasks (信息报送任务) to the organ's units: the same office. */
export const mayAssignTasks = mayKeepSupervision;

/**
 * Reads the audit log's entries recorded against the organ (its items, catalog, cases, settings):
 * the same office, who oversees the organ's disclosure work. Entries of no organ (sign-ins, accounts,
 * API tokens, the chain itself) are the system administrator's alone, who reads every entry.
 */
export const mayReadAuditLog = mayKeepSupervision;

/** Administers somebody else's API tokens (an organ administrator of any organ, or the system administrator). */
export const administersAnyone = (p: Principal, chainOfOwnRole: (organId: number) => Chain): boolean =>
  isSystemAdmin(p) || p.roles.some((r) => mayAdminister(p, chainOfOwnRole(r.organId)));

/**
 * May `p` change an organ's place in the tree (its parent or its kind)? Moving an organ hands its
 * drafts, applications and catalog to whoever administers the new parent, so it needs the
 * administrator's role on both the old and the new parent; a top-level organ (no parent) only a
 * system administrator may move or create. Chains are self first; null = no parent.
 */
export function mayMoveOrgan(p: Principal, oldParentChain: Chain | null, newParentChain: Chain | null): boolean {
  if (isSystemAdmin(p)) return true;
  if (oldParentChain === null || newParentChain === null) return false;
  return mayAdminister(p, oldParentChain) && mayAdminister(p, newParentChain);
}

/**
 * May `p` read and change a setting kept per organ (sensitive-word lists, …)? The organ's
 * administrators may; a region-wide setting (no organ, null chain) is the system administrator's.
 */
export function mayManageOrganSetting(p: Principal, organChain: Chain | null): boolean {
  return organChain === null ? isSystemAdmin(p) : mayAdminister(p, organChain);
}
