import crypto from 'node:crypto';

/**
 * The receipt of an online application (tracking number and query code) must be shown again when
 * the same form arrives twice — the browser shows the answer to the last post, not the first — but
 * only the query code's hash is kept with the case. So the code is also kept sealed with a key
 * derived from the form token: whoever holds the token (the applicant's browser) can open it, the
 * database alone cannot. Rows are found by another hash of the token.
 */
const derive = (purpose: string, token: string) => crypto.createHash('sha256').update(`gongkai:${purpose}:${token}`).digest();

export const submissionKeyOf = (formToken: string): string => derive('submission', formToken).toString('hex');

export function sealReceipt(formToken: string, queryCode: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive('receipt', formToken), iv);
  const body = Buffer.concat([cipher.update(queryCode, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The query code, or null when the token does not open the seal. */
export function openReceipt(formToken: string, sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = crypto.createDecipheriv('aes-256-gcm', derive('receipt', formToken), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
