import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/domain-error.ts';

/**
 * The key of the audit chain's HMAC, kept outside the database: GONGKAI_AUDIT_KEY, or the file
 * `audit.key` in the data directory, created (mode 0600) on first start. Someone who can write the
 * database but cannot read this key cannot recompute the chain. See docs/security.md.
 *
 * The composition roots (server, CLI, test factories) set it once per process with useAuditKey;
 * every area appends through appendAuditEvent without carrying it.
 */
let current: Buffer | null = null;
let markerDir: string | null = null;

/** Sets the key for this process; `dataDir` is where the "chain is keyed" marker is kept (outside the database). */
export function useAuditKey(key: Uint8Array, dataDir: string | null = null): void {
  current = Buffer.from(key);
  markerDir = dataDir;
}

export const AUDIT_KEYED_MARKER = 'audit.keyed';

/**
 * Whether this installation has keyed its chain, as recorded in the data directory: once it has, a
 * database that claims an unkeyed (plain SHA-256) chain was rewritten, and is never re-keyed again.
 */
export function chainKeyedMarker(): { present: boolean; record(at: string): void } {
  const file = markerDir ? path.join(markerDir, AUDIT_KEYED_MARKER) : null;
  return {
    present: !!file && fs.existsSync(file),
    record(at: string) {
      if (!file || fs.existsSync(file)) return;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `审计日志自 ${at} 起以密钥（HMAC-SHA-256）签名。此后数据库中未签名的审计链均属被改写。\n`, { mode: 0o600 });
    },
  };
}

export function auditKey(): Buffer {
  if (!current) throw new DomainError('ERR_AUDIT_KEY_MISSING', '审计日志密钥未加载（GONGKAI_AUDIT_KEY 或数据目录中的 audit.key）', { httpStatus: 500 });
  return current;
}

/**
 * A key for one purpose derived from the audit key (HKDF-SHA-256, the purpose as its info): the one
 * secret every instance on a database already shares (docs/deployment.md), so what one instance
 * signs or seals — a public form's token, a status page's cookie — another accepts, and a restart
 * does not void it. Knowing a derived key reveals nothing of the audit key.
 */
export function instanceKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', auditKey(), Buffer.alloc(0), `gongkai ${purpose}`, 32));
}

export const AUDIT_KEY_FILE = 'audit.key';

/** The key from the environment value, or from the data directory's key file (made on first use). */
export function loadOrCreateAuditKey(dataDir: string, fromEnv: string | null): { key: Buffer; source: string; created: boolean } {
  if (fromEnv) return { key: Buffer.from(fromEnv, 'utf8'), source: 'GONGKAI_AUDIT_KEY', created: false };
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  let created = false;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    created = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) {
    throw new DomainError('ERR_AUDIT_KEY_INVALID', `审计日志密钥文件 ${file} 内容有误（应为 64 位十六进制），请从备份恢复`, { httpStatus: 500 });
  }
  return { key: Buffer.from(text, 'hex'), source: file, created };
}
