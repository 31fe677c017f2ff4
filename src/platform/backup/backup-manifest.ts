import { DomainError } from '../../shared/domain-error.ts';
import type { DialectName } from '../db/dialect.ts';

/**
 * The manifest of a backup archive (docs/operations.md): what the archive holds, each file with its
 * size and SHA-256, so a restore can prove nothing was lost or changed before it touches the data.
 */
export type BackupFile = { path: string; size: number; sha256: string };

export type BackupManifest = {
  format: 'gongkai-backup';
  version: 1;
  createdAt: string;
  dialect: DialectName;
  /** The database snapshot inside the archive: an SQLite file or a pg_dump custom-format dump. */
  database: BackupFile;
  /** Every file of the data directory (attachments, letter photos, the audit log's marker …) but the key files, under `data/`. */
  files: BackupFile[];
  /** The newest migration applied to the database when it was backed up. */
  lastMigration: string | null;
  /**
   * Key files the data directory held that the archive leaves out on purpose (audit.key, secret.key;
   * ADR 0025, 0032): the operator keeps them apart and puts them back on a new machine. Absent in
   * backups made before this field (whose data/ may still hold audit.key).
   */
  keysLeftOut?: LeftOutKey[];
};

/** A key file left out of a backup: its path in the data directory and what it is, in words. */
export type LeftOutKey = { path: string; what: string };

export const MANIFEST_NAME = 'manifest.json';
export const SQLITE_SNAPSHOT = 'database/gongkai.sqlite';
export const PG_DUMP = 'database/gongkai.pgdump';

/** Database files of the data directory: the snapshot carries them, never a live copy. */
export const isLiveDatabaseFile = (relativePath: string) => /^gongkai\.sqlite(-wal|-shm|-journal)?$/.test(relativePath);

export function parseManifest(text: string): BackupManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw notABackup('manifest.json 不是有效的 JSON');
  }
  const m = raw as Partial<BackupManifest>;
  if (m?.format !== 'gongkai-backup') throw notABackup('缺少 gongkai 备份标记');
  if (m.version !== 1) throw new DomainError('ERR_RESTORE_VERSION', `备份格式版本 ${String(m.version)} 不受本版本支持（支持版本 1）`);
  if (m.dialect !== 'sqlite' && m.dialect !== 'postgres') throw notABackup('数据库类型无法识别');
  if (!isFileEntry(m.database) || !Array.isArray(m.files) || !m.files.every(isFileEntry)) throw notABackup('文件清单不完整');
  if (m.keysLeftOut !== undefined && !(Array.isArray(m.keysLeftOut) && m.keysLeftOut.every((k) => typeof k?.path === 'string' && typeof k?.what === 'string'))) throw notABackup('未放入备份的密钥清单（keysLeftOut）无法识别');
  return m as BackupManifest;
}

/**
 * Compares what was extracted with the manifest: every listed file present with its size and hash,
 * nothing unlisted. Returns every problem, so the operator sees them all at once.
 */
export function compareWithManifest(manifest: BackupManifest, extracted: Map<string, { size: number; sha256: string }>): string[] {
  const problems: string[] = [];
  const listed = [manifest.database, ...manifest.files.map((f) => ({ ...f, path: `data/${f.path}` }))];
  const expected = new Set(listed.map((f) => f.path));
  for (const f of listed) {
    const got = extracted.get(f.path);
    if (!got) problems.push(`缺少文件 ${f.path}`);
    else if (got.size !== f.size || got.sha256 !== f.sha256) problems.push(`文件 ${f.path} 的校验值不符（可能已损坏或被改动）`);
  }
  for (const p of extracted.keys()) if (p !== MANIFEST_NAME && !expected.has(p)) problems.push(`清单之外的文件 ${p}`);
  return problems;
}

function isFileEntry(f: unknown): f is BackupFile {
  const e = f as BackupFile;
  return typeof e?.path === 'string' && !e.path.split('/').includes('..') && !e.path.startsWith('/') && Number.isInteger(e.size) && typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256);
}

const notABackup = (why: string) => new DomainError('ERR_RESTORE_NOT_A_BACKUP', `这不是一个 gongkai 备份文件：${why}`);
