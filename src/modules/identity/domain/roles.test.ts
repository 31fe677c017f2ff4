import { describe, expect, it } from 'vitest';
import { holdsRoleOn, type Principal } from './roles.ts';

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
