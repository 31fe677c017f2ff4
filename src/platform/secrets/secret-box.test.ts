import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, keyIdOf } from './secret-box.ts';

const key = randomBytes(32);
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('secret box (AES-256-GCM, versioned envelope)', () => {
  it('seals to v1:KEYID:base64 that does not hold the secret, and opens it again', () => {
    const box = createSecretBox(key);
    const sealed = box.seal(secret, 'users.totp:7');
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
    expect(sealed.split(':')[1]).toBe(keyIdOf(key));
    expect(sealed).not.toContain(secret);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(secret)).toBe(false);
    expect(box.open(sealed, 'users.totp:7')).toEqual({ ok: true, plain: secret, keyId: box.keyId });
    // A fresh iv each time: the same secret never seals to the same text.
    expect(box.seal(secret, 'users.totp:7')).not.toBe(sealed);
  });

  it('a value moved to another context (another user) does not open', () => {
    const box = createSecretBox(key);
    expect(box.open(box.seal(secret, 'users.totp:7'), 'users.totp:8')).toEqual({ ok: false, reason: 'damaged', keyId: box.keyId });
  });

  it('tells a value sealed under another key from a damaged one', () => {
    const other = createSecretBox(randomBytes(32));
    const box = createSecretBox(key);
    const sealed = other.seal(secret, 'users.totp:7');
    expect(box.open(sealed, 'users.totp:7')).toEqual({ ok: false, reason: 'other_key', keyId: other.keyId });
    const flipped = box.seal(secret, 'users.totp:7').replace(/.(=*)$/, (c, pad) => (c[0] === 'A' ? 'B' : 'A') + pad);
    expect(box.open(flipped, 'users.totp:7')).toMatchObject({ ok: false, reason: 'damaged' });
    expect(box.open(secret, 'users.totp:7')).toEqual({ ok: false, reason: 'damaged', keyId: null });
    expect(box.open('v1:zz:AAAA', 'users.totp:7')).toEqual({ ok: false, reason: 'damaged', keyId: null });
  });

  it('after a rotation, the older key still opens what it sealed; new values use the new key', () => {
    const old = createSecretBox(key);
    const sealedBefore = old.seal(secret, 'users.totp:7');
    const next = randomBytes(32);
    const rotated = createSecretBox(next, [key]);
    expect(rotated.open(sealedBefore, 'users.totp:7')).toMatchObject({ ok: true, plain: secret, keyId: old.keyId });
    expect(rotated.seal(secret, 'users.totp:7').split(':')[1]).toBe(keyIdOf(next));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow();
  });
});
