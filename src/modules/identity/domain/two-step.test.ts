import { describe, expect, it } from 'vitest';
import {
  acceptedTotpStep, IDLE_MINUTES, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri, sessionLapsed, stageAfterPassword,
  totpCodeAt, twoStepRequired,
} from './two-step.ts';
import type { Principal } from './roles.ts';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890") in base32, and its published values.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  it('match the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCodeAt(RFC_SECRET, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('accept a code of the step before or after, never the same step twice, and nothing else', () => {
    const now = new Date('2026-12-03T08:00:15Z');
    const step = Math.floor(now.getTime() / 30_000);
    const code = totpCodeAt(RFC_SECRET, now);
    expect(acceptedTotpStep(RFC_SECRET, code, now, null)).toBe(step);
    expect(acceptedTotpStep(RFC_SECRET, ` ${code.slice(0, 3)} ${code.slice(3)} `, now, null)).toBe(step);
    expect(acceptedTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(acceptedTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(acceptedTotpStep(RFC_SECRET, totpCodeAt(RFC_SECRET, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
    expect(acceptedTotpStep(RFC_SECRET, code, now, step)).toBeNull(); // replayed
    expect(acceptedTotpStep(RFC_SECRET, '12345', now, null)).toBeNull();
    expect(acceptedTotpStep(RFC_SECRET, 'abcdef', now, null)).toBeNull();
  });

  it('gives authenticator apps a standard otpauth address', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri(secret, 'zhangsan', '青岚县政务公开')).toBe(`otpauth://totp/${encodeURIComponent('青岚县政务公开')}:zhangsan?issuer=${encodeURIComponent('青岚县政务公开')}&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes without look-alike characters, typed in any case with or without the dash', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    expect(normaliseRecoveryCode(' k7qx2 m9pta ')).toBe('K7QX2M9PTA');
    expect(normaliseRecoveryCode('K7QX2-M9PTA')).toBe('K7QX2M9PTA');
  });
});

describe('who must use two-step sign-in', () => {
  const parents = new Map<number, number | null>([[1, null], [2, 1], [3, 2]]);
  const chainOf = (id: number) => { const out: number[] = []; for (let c: number | null | undefined = id; c != null; c = parents.get(c)) out.push(c); return out; };
  const p = (roles: Principal['roles']): Principal => ({ userId: 1, username: 'u', displayName: 'u', roles });
  it.each([
    ['an organ admin of an organ that requires it', [{ organId: 2, role: 'organ_admin' as const }], [2], true],
    ['a reviewer of a unit under it', [{ organId: 3, role: 'unit_head' as const }], [2], true],
    ['an editor there', [{ organId: 2, role: 'editor' as const }], [2], false],
    ['an admin of the organ above it', [{ organId: 1, role: 'organ_admin' as const }], [2], false],
    ['nobody when no organ requires it', [{ organId: 1, role: 'system_admin' as const }], [], false],
  ])('%s', (_what, roles, requiring, expected) => {
    expect(twoStepRequired(p(roles), new Set(requiring), chainOf)).toBe(expected);
  });

  it('sends a correct password to the code, to setting it up, or straight in', () => {
    expect(stageAfterPassword({ enabled: true, required: false })).toBe('second_factor');
    expect(stageAfterPassword({ enabled: false, required: true })).toBe('enrol');
    expect(stageAfterPassword({ enabled: false, required: false })).toBe('full');
  });
});

describe('sessions', () => {
  const s = { createdAt: '2026-12-03T08:00:00Z', lastSeenAt: '2026-12-03T09:00:00Z', expiresAt: '2026-12-03T20:00:00Z' };
  it(`end after ${IDLE_MINUTES} idle minutes or at their absolute end`, () => {
    expect(sessionLapsed(s, new Date('2026-12-03T09:29:59Z'))).toBe(false);
    expect(sessionLapsed(s, new Date('2026-12-03T09:30:00Z'))).toBe(true);
    expect(sessionLapsed({ ...s, lastSeenAt: '2026-12-03T19:59:00Z' }, new Date('2026-12-03T20:00:00Z'))).toBe(true);
    expect(sessionLapsed({ ...s, lastSeenAt: null }, new Date('2026-12-03T08:29:00Z'))).toBe(false);
  });
});
