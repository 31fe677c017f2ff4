import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a session cookie or an API token; only its sha256 is stored. */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
