import type { Principal } from './roles.ts';
import { holdsRoleOn, isSystemAdmin } from './roles.ts';

/**
 * API tokens (docs/security.md): each has a name, an expiry, may be read-only, and may be limited
 * to some of its holder's organs. Pure rules; storage and use cases apply them.
 */
export type TokenGrant = { expiresAt: string | null; revokedAt: string | null; readOnly: boolean; organIds: number[] | null };

export const DEFAULT_TOKEN_DAYS = 365;
export const MAX_TOKEN_DAYS = 730;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a token may not be used for a request of `method` at `now`, or null when it may. */
export function tokenRefusal(t: TokenGrant, now: Date, method: string): 'revoked' | 'expired' | 'read_only' | null {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt !== null && Date.parse(t.expiresAt) <= now.getTime()) return 'expired';
  if (t.readOnly && !SAFE_METHODS.has(method.toUpperCase())) return 'read_only';
  return null;
}

/**
 * The principal a token acts as: its holder, with only the roles on the organs it is limited to
 * (a role on an organ still reaches that organ's units). A system administrator's token limited to
 * organs loses the region-wide role.
 */
export function scopedPrincipal(p: Principal, organIds: number[] | null): Principal {
  if (organIds === null) return p;
  const allowed = new Set(organIds);
  return { ...p, roles: p.roles.filter((r) => r.role !== 'system_admin' && allowed.has(r.organId)) };
}

/**
 * May `p` see and revoke a token of `owner`? Their own; a system admin every token; an organ admin
 * the tokens of people whose roles are all on organs it administers (chains self first).
 */
export function mayManageTokensOf(p: Principal, ownerUserId: number, ownerRoleChains: number[][]): boolean {
  if (p.userId === ownerUserId || isSystemAdmin(p)) return true;
  return ownerRoleChains.length > 0 && ownerRoleChains.every((chain) => holdsRoleOn(p, chain, 'organ_admin'));
}

/** The expiry of a token made at `now` valid for `days` whole days (1 … MAX_TOKEN_DAYS), or why not. */
export function tokenExpiry(now: Date, days: number): { expiresAt: string } | { error: string } {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) return { error: `有效期应为 1–${MAX_TOKEN_DAYS} 天的整数` };
  return { expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString() };
}
