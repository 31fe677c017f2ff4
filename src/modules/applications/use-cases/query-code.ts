import crypto from 'node:crypto';
import { typedNumber } from '../../../shared/typed-number.ts';

// No 0/O, 1/I/L: the code is read out on the phone and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 8;

export function newQueryCode(): string {
  let out = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) out += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return out;
}

/** Stored instead of the code; the tracking number salts it. */
export const hashQueryCode = (trackingNo: string, code: string): string =>
  crypto.createHash('sha256').update(`${trackingNo}:${typedNumber(code)}`).digest('hex');

export function queryCodeMatches(trackingNo: string, code: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(hashQueryCode(trackingNo, code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
