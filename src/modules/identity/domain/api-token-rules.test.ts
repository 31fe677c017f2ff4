import { describe, expect, it } from 'vitest';
import { mayManageTokensOf, scopedPrincipal, tokenExpiry, tokenRefusal, type TokenGrant } from './api-token-rules.ts';
import type { Principal } from './roles.ts';

const now = new Date('2026-12-03T08:00:00Z');
const grant = (over: Partial<TokenGrant> = {}): TokenGrant => ({ expiresAt: null, revokedAt: null, readOnly: false, organIds: null, ...over });
const person = (roles: Principal['roles'], userId = 7): Principal => ({ userId, username: 'u', displayName: '张某', roles });

describe('API token rules', () => {
  it.each([
    ['a token without expiry writes', grant(), 'POST', null],
    ['a revoked token', grant({ revokedAt: '2026-12-01T00:00:00Z' }), 'GET', 'revoked'],
    ['an expired token, at the instant it expires', grant({ expiresAt: '2026-12-03T08:00:00Z' }), 'GET', 'expired'],
    ['a token that has a second left', grant({ expiresAt: '2026-12-03T08:00:01Z' }), 'PATCH', null],
    ['a read-only token reads', grant({ readOnly: true }), 'GET', null],
    ['a read-only token may not write', grant({ readOnly: true }), 'post', 'read_only'],
    ['a read-only token may not delete', grant({ readOnly: true }), 'DELETE', 'read_only'],
  ])('%s', (_what, g, method, refusal) => {
    expect(tokenRefusal(g, now, method)).toBe(refusal);
  });

  it('limits the holder to the organs named, dropping the region-wide role', () => {
    const p = person([{ organId: 1, role: 'system_admin' }, { organId: 2, role: 'editor' }, { organId: 3, role: 'organ_admin' }]);
    expect(scopedPrincipal(p, null)).toBe(p);
    expect(scopedPrincipal(p, [3]).roles).toEqual([{ organId: 3, role: 'organ_admin' }]);
    expect(scopedPrincipal(p, [9]).roles).toEqual([]);
  });

  it('lets people manage their own tokens, a system admin all, an organ admin those of its staff only', () => {
    const admin = person([{ organId: 2, role: 'organ_admin' }], 1);
    expect(mayManageTokensOf(person([{ organId: 5, role: 'editor' }]), 7, [])).toBe(true);
    expect(mayManageTokensOf(person([{ organId: 1, role: 'system_admin' }], 2), 7, [[5]])).toBe(true);
    expect(mayManageTokensOf(admin, 7, [[4, 2]])).toBe(true); // a unit (4) of organ 2
    expect(mayManageTokensOf(admin, 7, [[4, 2], [9]])).toBe(false); // also staff elsewhere
    expect(mayManageTokensOf(admin, 7, [])).toBe(false);
  });

  it('sets the expiry in whole days within the limit', () => {
    expect(tokenExpiry(now, 30)).toEqual({ expiresAt: '2027-01-02T08:00:00.000Z' });
    expect(tokenExpiry(now, 0)).toHaveProperty('error');
    expect(tokenExpiry(now, 731)).toHaveProperty('error');
    expect(tokenExpiry(now, 1.5)).toHaveProperty('error');
  });
});
