import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Secrets the platform must be able to read back (a staff member's TOTP secret) are kept in the
 * database sealed with AES-256-GCM under a key that lives outside it (secret-key.ts, ADR 0025).
 *
 * Stored form: `v1:KEYID:BASE64` where BASE64 is iv (12 bytes) | tag (16) | ciphertext. KEYID (8 hex
 * characters, an HMAC of the key, revealing nothing of it) names the key that sealed the value, so a
 * later key can be added while older values still open with theirs, and a value sealed under another
 * key is told apart from a damaged one. `context` (e.g. `users.totp:42`) is authenticated with it:
 * a sealed value copied to another row does not open there.
 */
export type OpenResult =
  | { ok: true; plain: string; keyId: string }
  /** other_key: sealed under a key this process does not hold; damaged: altered, moved to another row, or not an envelope. */
  | { ok: false; reason: 'other_key' | 'damaged'; keyId: string | null };

/** The port areas receive (AppDeps.secretBox): seal on write, open on read. */
export type SecretBox = {
  /** The key id new values are sealed under. */
  readonly keyId: string;
  seal(plain: string, context: string): string;
  open(stored: string, context: string): OpenResult;
};

const VERSION = 'v1';
const ENVELOPE = /^v1:([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Is this stored value a sealed envelope (of any version this code knows)? */
export const isSealed = (stored: string): boolean => stored.startsWith(`${VERSION}:`);

/** The public name of a key: the first 4 bytes of HMAC-SHA-256(key, "gongkai secret key id"), in hex. */
export const keyIdOf = (key: Uint8Array): string => createHmac('sha256', key).update('gongkai secret key id').digest('hex').slice(0, 8);

const aad = (keyId: string, context: string) => Buffer.from(`${VERSION}:${keyId}|${context}`, 'utf8');

/** A box sealing under `current`; `older` keys (after a rotation) still open what they sealed. */
export function createSecretBox(current: Uint8Array, older: Uint8Array[] = []): SecretBox {
  for (const k of [current, ...older]) if (k.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  const keys = new Map([current, ...older].map((k) => [keyIdOf(k), Buffer.from(k)] as const));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.get(keyId)!, iv);
      cipher.setAAD(aad(keyId, context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(stored, context) {
      const m = ENVELOPE.exec(stored);
      if (!m) return { ok: false, reason: 'damaged', keyId: null };
      const id = m[1]!;
      const key = keys.get(id);
      if (!key) return { ok: false, reason: 'other_key', keyId: id };
      const bytes = Buffer.from(m[2]!, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) return { ok: false, reason: 'damaged', keyId: id };
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(aad(id, context));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
        return { ok: true, plain, keyId: id };
      } catch {
        return { ok: false, reason: 'damaged', keyId: id };
      }
    },
  };
}
