import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/domain-error.ts';
import { createKeyFileOnce } from './key-file.ts';

/** The key file in the data directory, used when GONGKAI_SECRET_KEY is not set (ADR 0025). */
export const SECRET_KEY_FILE = 'secret.key';

/**
 * GONGKAI_SECRET_KEY's value as 32 bytes: 64 hexadecimal characters, or base64 (standard or URL
 * alphabet) of 32 bytes. null when it is neither.
 */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-f]{64}$/i.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) return null;
  const bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === 32 ? bytes : null;
}

export type LoadedSecretKey = { key: Buffer; source: string; created: boolean; warnings: string[] };

/**
 * The key from GONGKAI_SECRET_KEY (already checked by loadConfig), or from `secret.key` in the data
 * directory, made on first use, whole and once (key-file.ts): two processes starting at once on one
 * data directory both end up reading the one key that won, never a half-written file. A key file that is not 64
 * hexadecimal characters stops the start (it is never replaced: what it sealed would be lost).
 */
export function loadOrCreateSecretKey(dataDir: string, fromEnv: string | null): LoadedSecretKey {
  if (fromEnv) {
    const key = parseSecretKey(fromEnv);
    if (!key) throw new DomainError('ERR_SECRET_KEY_INVALID', 'GONGKAI_SECRET_KEY 应为 32 字节的随机数，写作 64 位十六进制或 base64', { httpStatus: 500 });
    return { key, source: 'GONGKAI_SECRET_KEY', created: false, warnings: [] };
  }
  const file = path.join(dataDir, SECRET_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const created = createKeyFileOnce(file, `${randomBytes(32).toString('hex')}\n`);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) {
    throw new DomainError('ERR_SECRET_KEY_INVALID', `密钥文件 ${file} 内容有误（应为 64 位十六进制）。请从保管处恢复原文件；不要删除它，否则已启用的两步验证都须重置`, { httpStatus: 500 });
  }
  const warnings: string[] = [];
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    warnings.push(`密钥文件 ${file} 可被其他用户读取，请执行 chmod 600 ${file}`);
  }
  return { key: Buffer.from(text, 'hex'), source: file, created, warnings };
}
