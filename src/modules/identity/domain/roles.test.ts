import { describe, expect, it } from 'vitest';
import { accountOrganOf, holdsRoleOn, type Principal } from './roles.ts';
import { mayManageOrganSetting, mayMoveOrgan } from './permissions.ts';

const person = (roles: Principal['roles']): Principal => ({ userId: 1, username: 'u', displayName: 'U', roles });
// county government 1 > 住建局 2 > 村镇建设股 3; 财政局 4
const chainOf = { 1: [1], 2: [2, 1], 3: [3, 2, 1], 4: [4, 1] } as Record<number, number[]>;

describe('who may act on which organ', () => {
  it('lets an organ admin manage the organ and its units, not a sibling department', () => {
    const admin = person([{ organId: 2, role: 'organ_admin' }]);
    expect(holdsRoleOn(admin, chainOf[2], 'organ_admin')).toBe(true);
    expect(holdsRoleOn(admin, chainOf[3], 'organ_admin')).toBe(true);
    expect(holdsRoleOn(admin, chainOf[4], 'editor')).toBe(false);
    expect(holdsRoleOn(admin, chainOf[1], 'organ_admin')).toBe(false);
  });

  it('lets an editor draft but not administer', () => {
    const editor = person([{ organId: 2, role: 'editor' }]);
    expect(holdsRoleOn(editor, chainOf[2], 'editor')).toBe(true);
    expect(holdsRoleOn(editor, chainOf[2], 'organ_admin')).toBe(false);
  });

  it('lets a system admin act anywhere', () => {
    expect(holdsRoleOn(person([{ organId: 1, role: 'system_admin' }]), chainOf[4], 'organ_admin')).toBe(true);
  });
});

describe('who may move an organ to another parent or change its kind', () => {
  it('refuses an organ admin moving their own organ under a sibling (it would hand them the sibling)', () => {
    const bureauAdmin = person([{ organId: 2, role: 'organ_admin' }]);
    // 财政局 4 moved from the county 1 under 住建局 2: the admin of 4 holds nothing on 1
    expect(mayMoveOrgan(person([{ organId: 4, role: 'organ_admin' }]), chainOf[1], chainOf[2])).toBe(false);
    // the admin of 2 holds the new parent 2 but not the old parent 1
    expect(mayMoveOrgan(bureauAdmin, chainOf[1], chainOf[2])).toBe(false);
    // and cannot make a top-level organ of anything
    expect(mayMoveOrgan(bureauAdmin, chainOf[2], null)).toBe(false);
  });

  it('lets an organ admin move a unit between places inside their own organ, and a system admin anything', () => {
    expect(mayMoveOrgan(person([{ organId: 2, role: 'organ_admin' }]), chainOf[2], chainOf[3])).toBe(true);
    expect(mayMoveOrgan(person([{ organId: 2, role: 'editor' }]), chainOf[2], chainOf[3])).toBe(false);
    expect(mayMoveOrgan(person([{ organId: 1, role: 'system_admin' }]), null, chainOf[4])).toBe(true);
  });
});

describe('who may read and change an organ setting such as a word list', () => {
  it('is the organ’s admin (also for its units), and the system admin for region-wide settings', () => {
    expect(mayManageOrganSetting(person([{ organId: 2, role: 'organ_admin' }]), chainOf[3])).toBe(true);
    expect(mayManageOrganSetting(person([{ organId: 2, role: 'organ_admin' }]), chainOf[4])).toBe(false);
    expect(mayManageOrganSetting(person([{ organId: 2, role: 'editor' }]), chainOf[2])).toBe(false);
    expect(mayManageOrganSetting(person([{ organId: 2, role: 'organ_admin' }]), null)).toBe(false);
    expect(mayManageOrganSetting(person([{ organId: 1, role: 'system_admin' }]), null)).toBe(true);
  });
});

describe('which organ an account’s audit entries are recorded against', () => {
  // county government 1 > 住建局 2 > 村镇建设股 3; 财政局 4; another county 5
  const parents = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, 1], [5, null]]);
  it('is the organ of its roles, or the nearest organ keeping them all; none when none does', () => {
    expect(accountOrganOf(parents, [3])).toBe(3);
    expect(accountOrganOf(parents, [3, 3])).toBe(3);
    expect(accountOrganOf(parents, [2, 3])).toBe(2);
    expect(accountOrganOf(parents, [3, 4])).toBe(1);
    expect(accountOrganOf(parents, [3, 5])).toBeNull();
    expect(accountOrganOf(parents, [])).toBeNull();
  });
});
