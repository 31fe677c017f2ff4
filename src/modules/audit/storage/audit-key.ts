import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/domain-error.ts';
import { createKeyFileOnce } from '../../../platform/secrets/key-file.ts';

/**
 * The key of the audit chain's HMAC, kept outside the database: GONGKAI_AUDIT_KEY, or the file
 * `audit.key` in the data directory, created (mode 0600) on first start. Someone who can write the
 * database but cannot read this key cannot recompute the chain. See docs/security.md. Backups leave
 * the file out: the key is kept apart from the log it protects (ADR 0032).
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

export type LoadedAuditKey = { key: Buffer; source: string; created: boolean; warnings: string[] };

/**
 * The key from the environment value, or from the data directory's key file. The file is made on
 * first use, whole and once (platform's key-file.ts: a temporary file, flushed, linked into place),
 * so processes starting at once all read the one key that won. It is never made again once the data
 * directory records a keyed chain (`audit.keyed`): the key is then missing — a restore onto a new
 * machine without the kept copy, a deleted file — and a new one would leave the log unverifiable, so
 * the start stops and says to put the kept key back (ADR 0032). A file that is there but is not 64
 * hexadecimal characters stops the start too; it is never replaced.
 */
export function loadOrCreateAuditKey(dataDir: string, fromEnv: string | null): LoadedAuditKey {
  if (fromEnv) return { key: Buffer.from(fromEnv, 'utf8'), source: 'GONGKAI_AUDIT_KEY', created: false, warnings: [] };
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const marker = path.join(dataDir, AUDIT_KEYED_MARKER);
  if (!fs.existsSync(file) && fs.existsSync(marker)) {
    throw new DomainError('ERR_AUDIT_KEY_MISSING', `数据目录中没有审计日志密钥 ${file}，而本数据目录的审计日志已用密钥签名（见 ${marker}）。备份中不含此密钥：请把另行保管的 audit.key 放回 ${file}（权限 600），或设置原来的 GONGKAI_AUDIT_KEY，然后再启动。系统不会另生成新密钥，否则已有的审计日志将无法校验；密钥确已丢失时，见 docs/operations.md#when-the-audit-key-is-lost`, { httpStatus: 500 });
  }
  const created = createKeyFileOnce(file, `${randomBytes(32).toString('hex')}\n`);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) {
    const found = text.length === 0 ? '文件是空的' : /^[0-9a-f]+$/i.test(text) ? `只有 ${text.length} 位` : '含有十六进制以外的字符';
    throw new DomainError('ERR_AUDIT_KEY_INVALID', `审计日志密钥文件 ${file} 内容有误（应为 64 位十六进制，${found}），未启动。请把另行保管的原密钥文件放回此处（权限 600）；系统不会替换它，因为换用别的密钥后已有的审计日志将无法校验`, { httpStatus: 500 });
  }
  const warnings: string[] = [];
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    warnings.push(`审计日志密钥文件 ${file} 可被其他用户读取，请执行 chmod 600 ${file}`);
  }
  return { key: Buffer.from(text, 'hex'), source: file, created, warnings };
}

/**
 * Makes a new key file where the data directory has none, even though it records a keyed chain: only
 * for `audit new-key --old-key-lost`, which then records the loss in the log (ADR 0032). Refused when
 * a file is there — a key that exists is never replaced. Returns the file's path.
 */
export function makeReplacementAuditKeyFile(dataDir: string): string {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!createKeyFileOnce(file, `${randomBytes(32).toString('hex')}\n`)) {
    throw new DomainError('ERR_AUDIT_KEY_EXISTS', `数据目录中已有审计日志密钥文件 ${file}，不会替换它。若确认它不是原密钥（原密钥已丢失），请先把它移到别处再执行此命令`, { httpStatus: 409 });
  }
  return file;
}
