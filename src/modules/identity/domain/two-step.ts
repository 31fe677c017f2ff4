import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Principal, Role } from './roles.ts';

/**
 * Two-step sign-in for staff (docs/security.md): a TOTP code (RFC 6238: 6 digits, 30 seconds,
 * SHA-1, which every authenticator app reads) after the password, or a one-time recovery code.
 */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes one step early or late are accepted (clock drift of the phone). */
const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** Wrong codes in one sign-in before it must start again with the password. */
export const MAX_FAILED_CODES = 5;
/** A session ends after this long without a request, and in any case SESSION_HOURS after sign-in. */
export const IDLE_MINUTES = 30;
export const SESSION_HOURS = 12;

/** The roles that a "two-step sign-in required" rule covers: administrators and reviewers. */
export const TWO_STEP_ROLES: readonly Role[] = ['system_admin', 'organ_admin', 'unit_head', 'disclosure_office', 'leader_in_charge'];

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totp = (secret: string, username: string, issuer: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), issuer, label: username, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS });

/** The otpauth:// address an authenticator app reads from the QR code. */
export const otpauthUri = (secret: string, username: string, issuer: string): string => totp(secret, username, issuer).toString();

/** The code an authenticator shows at `at` (for tests and the set-up check). */
export const totpCodeAt = (secret: string, at: Date): string => totp(secret, 'x', 'x').generate({ timestamp: at.getTime() });

/**
 * The time step `code` is valid for at `now`, or null. A step at or before `lastStep` is refused, so
 * a code seen over someone's shoulder cannot be used again.
 */
export function acceptedTotpStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, 'x', 'x').validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Recovery codes like "K7QX2-M9PTA": 10 characters from an alphabet without look-alikes. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}
/** How a typed recovery code is compared: case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/**
 * Must `p` use two-step sign-in? When they hold an administrator's or reviewer's role on an organ
 * that, or one of whose parents, requires it. `chainOf` gives an organ's chain, self first.
 */
export function twoStepRequired(p: Principal, requiringOrganIds: ReadonlySet<number>, chainOf: (organId: number) => number[]): boolean {
  if (requiringOrganIds.size === 0) return false;
  return p.roles.some((r) => TWO_STEP_ROLES.includes(r.role) && chainOf(r.organId).some((id) => requiringOrganIds.has(id)));
}

/** What a correct password leads to: the code, setting two-step up first, or straight in. */
export function stageAfterPassword(s: { enabled: boolean; required: boolean }): 'full' | 'second_factor' | 'enrol' {
  if (s.enabled) return 'second_factor';
  return s.required ? 'enrol' : 'full';
}

/** Has a session ended: idle for IDLE_MINUTES, or past its absolute end? */
export function sessionLapsed(s: { createdAt: string; lastSeenAt: string | null; expiresAt: string }, now: Date): boolean {
  if (Date.parse(s.expiresAt) <= now.getTime()) return true;
  const seen = Date.parse(s.lastSeenAt ?? s.createdAt);
  return now.getTime() - seen >= IDLE_MINUTES * 60_000;
}

/** Write "last seen" at most once a minute, not on every request. */
export const shouldTouchSession = (lastSeenAt: string | null, createdAt: string, now: Date): boolean =>
  now.getTime() - Date.parse(lastSeenAt ?? createdAt) >= 60_000;
