import fs from 'node:fs/promises';
import { constants as fsConstants, existsSync } from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { DomainError } from '../../shared/domain-error.ts';
import type { DialectName } from '../db/dialect.ts';
import {
  compareWithManifest, isLiveDatabaseFile, MANIFEST_NAME, parseManifest, PG_DUMP, SQLITE_SNAPSHOT, type BackupManifest, type LeftOutKey,
} from './backup-manifest.ts';
import { dumpPostgres, postgresState, restorePostgres, snapshotSqlite, sqliteIntegrity, sqliteLastMigration } from './database-snapshot.ts';
import { hashFile, isInside, listFiles } from './data-dir-files.ts';
import { SECRET_KEY_FILE } from '../secrets/secret-key.ts';
import { isKeyFileOrTemp } from '../secrets/key-file.ts';

/** Where the platform's data lives: the data directory, and PostgreSQL when `databaseUrl` is set. */
export type BackupTarget = { dataDir: string; databaseUrl: string | null };

const SQLITE_FILE = 'gongkai.sqlite';
/** The audit log's key file (the audit area's AUDIT_KEY_FILE; platform does not import areas). */
export const AUDIT_KEY_FILE = 'audit.key';
/**
 * Key files stay out of the archive on purpose, each kept apart by the operator (docs/operations.md)
 * and kept in place by a restore over this machine's data:
 * - `secret.key` seals the staff TOTP secrets (ADR 0025): a backup that leaks must not carry the key
 *   to what it seals;
 * - `audit.key` keys the audit log's chain (ADR 0032): whoever holds a backup with the key could
 *   rewrite the log and key the chain again undetected; the key must live apart from what it protects.
 * Their temporary files while being made are left out too.
 */
export const KEYS_LEFT_OUT: readonly LeftOutKey[] = [
  { path: AUDIT_KEY_FILE, what: '审计日志密钥' },
  { path: SECRET_KEY_FILE, what: '两步验证密钥的加密密钥' },
];
const isKeyFile = (relativePath: string) => KEYS_LEFT_OUT.some((k) => isKeyFileOrTemp(relativePath, k.path));
const dialectOf = (t: BackupTarget): DialectName => (t.databaseUrl ? 'postgres' : 'sqlite');

/**
 * Writes one file holding a consistent copy of the database and every file of the data directory
 * but the key files (KEYS_LEFT_OUT, named in the manifest's `keysLeftOut`), while the server runs
 * (docs/operations.md). The archive is written under a temporary name and renamed when complete, so a failed backup never leaves a file that looks whole; its SHA-256 goes
 * into FILE.sha256 beside it.
 */
export async function createBackup(target: BackupTarget, outFile: string, now: Date): Promise<{ manifest: BackupManifest; sha256: string; size: number }> {
  const out = path.resolve(outFile);
  if (existsSync(out)) throw new DomainError('ERR_BACKUP_FILE_EXISTS', `备份文件 ${out} 已存在，不会覆盖；请换一个文件名`);
  if (!existsSync(path.dirname(out))) throw new DomainError('ERR_BACKUP_FILE_EXISTS', `目录 ${path.dirname(out)} 不存在`);
  const dialect = dialectOf(target);
  const sqliteFile = path.join(target.dataDir, SQLITE_FILE);
  if (dialect === 'sqlite' && !existsSync(sqliteFile)) throw new DomainError('ERR_BACKUP_NO_DATA', `数据目录 ${target.dataDir} 中没有数据库 ${SQLITE_FILE}；请确认 GONGKAI_DATA_DIR 与服务器相同`);

  const staging = await fs.mkdtemp(path.join(path.dirname(out), '.gongkai-backup-'));
  const partial = `${out}.partial`;
  try {
    // The database first: files added later are harmless extras; attachments are never rewritten in place.
    const dbPath = dialect === 'sqlite' ? SQLITE_SNAPSHOT : PG_DUMP;
    await fs.mkdir(path.join(staging, 'database'));
    if (dialect === 'sqlite') await snapshotSqlite(sqliteFile, path.join(staging, dbPath));
    else await dumpPostgres(target.databaseUrl!, path.join(staging, dbPath));
    const lastMigration = dialect === 'sqlite' ? sqliteLastMigration(path.join(staging, dbPath)) : (await postgresState(target.databaseUrl!)).lastMigration;

    const skip = (rel: string) => {
      const abs = path.join(target.dataDir, rel);
      return isLiveDatabaseFile(rel) || isKeyFile(rel) || [out, partial, `${out}.sha256`, staging].some((p) => isInside(p, abs));
    };
    const files = await listFiles(target.dataDir, skip);
    const manifest: BackupManifest = {
      format: 'gongkai-backup', version: 1, createdAt: now.toISOString(), dialect,
      database: { path: dbPath, ...(await hashFile(path.join(staging, dbPath))) },
      files, lastMigration,
      // The key files the data directory had and the archive leaves out, so a restore can say what to put back.
      keysLeftOut: KEYS_LEFT_OUT.filter((k) => existsSync(path.join(target.dataDir, k.path))),
    };
    await fs.writeFile(path.join(staging, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
    // `data` points at the data directory, so the archive names its files data/… without copying them.
    await fs.symlink(path.resolve(target.dataDir), path.join(staging, 'data'), 'dir');
    await tar.create(
      { file: partial, cwd: staging, gzip: true, follow: true, portable: true },
      [MANIFEST_NAME, dbPath, ...files.map((f) => `data/${f.path}`)],
    );
    const { sha256, size } = await hashFile(partial);
    await fs.rename(partial, out);
    await fs.writeFile(`${out}.sha256`, `${sha256}  ${path.basename(out)}\n`);
    return { manifest, sha256, size };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(partial, { force: true });
  }
}

/**
 * Restores a backup into the target. Everything is checked before anything is touched: the archive
 * against FILE.sha256 when it is there, every file against the manifest, the SQLite snapshot's
 * integrity. A target that holds data is replaced only with `force`, and its data directory is then
 * kept beside it as DIR.before-restore-… rather than deleted.
 */
export async function restoreBackup(
  target: BackupTarget, file: string, opts: { force: boolean }, now: Date,
): Promise<{ manifest: BackupManifest; keptOldDataAt: string | null; keptSecretKey: boolean; keptAuditKey: boolean }> {
  const archive = path.resolve(file);
  if (!existsSync(archive)) throw new DomainError('ERR_RESTORE_FILE_MISSING', `找不到备份文件 ${archive}`);
  const sidecar = `${archive}.sha256`;
  if (existsSync(sidecar)) {
    const expected = (await fs.readFile(sidecar, 'utf8')).trim().split(/\s+/)[0];
    const { sha256 } = await hashFile(archive);
    if (expected !== sha256) throw new DomainError('ERR_RESTORE_CHECKSUM', `备份文件的 SHA-256 与 ${path.basename(sidecar)} 记录的不符，文件可能已损坏或被改动，未做任何恢复`);
  }

  const dataDir = path.resolve(target.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(dataDir), '.gongkai-restore-'));
  try {
    try {
      await tar.extract({ file: archive, cwd: staging, strict: true });
    } catch (e) {
      throw new DomainError('ERR_RESTORE_NOT_A_BACKUP', `无法解开备份文件（${(e as Error).message}），未做任何恢复`);
    }
    if (!existsSync(path.join(staging, MANIFEST_NAME))) throw new DomainError('ERR_RESTORE_NOT_A_BACKUP', '这不是一个 gongkai 备份文件：缺少 manifest.json');
    const manifest = parseManifest(await fs.readFile(path.join(staging, MANIFEST_NAME), 'utf8'));
    const dialect = dialectOf(target);
    if (manifest.dialect !== dialect) {
      throw new DomainError('ERR_RESTORE_DIALECT', manifest.dialect === 'sqlite'
        ? '这是 SQLite 数据库的备份，而当前配置了 DATABASE_URL（PostgreSQL）；请取消 DATABASE_URL 后恢复到数据目录'
        : '这是 PostgreSQL 数据库的备份，请设置 DATABASE_URL 指向要恢复到的数据库');
    }
    const extracted = new Map((await listFiles(staging)).map((f) => [f.path, { size: f.size, sha256: f.sha256 }]));
    const problems = compareWithManifest(manifest, extracted);
    if (problems.length) throw new DomainError('ERR_RESTORE_CHECKSUM', `备份内容与清单不符，未做任何恢复：${problems.join('；')}`);
    if (dialect === 'sqlite') {
      const integrity = sqliteIntegrity(path.join(staging, manifest.database.path));
      if (integrity !== 'ok') throw new DomainError('ERR_RESTORE_CHECKSUM', `备份中的数据库未通过完整性检查：${integrity}`);
    }

    const dirHasData = existsSync(dataDir) && (await fs.readdir(dataDir)).length > 0;
    const dbHasData = dialect === 'postgres' && (await postgresState(target.databaseUrl!)).tables > 0;
    if ((dirHasData || dbHasData) && !opts.force) {
      throw new DomainError('ERR_RESTORE_TARGET_NOT_EMPTY', `${dbHasData ? '目标数据库已有数据' : `数据目录 ${dataDir} 不是空的`}。确认要用备份替换现有数据时加 --force（原数据目录会保留为 ….before-restore-时间）；恢复前请先停止服务`);
    }

    // PostgreSQL first, in one transaction: if it fails, the data directory is still untouched.
    if (dialect === 'postgres') await restorePostgres(target.databaseUrl!, path.join(staging, manifest.database.path), dbHasData);
    let keptOldDataAt: string | null = null;
    if (existsSync(dataDir)) {
      if (dirHasData) {
        keptOldDataAt = `${dataDir}.before-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
        await fs.rename(dataDir, keptOldDataAt);
      } else {
        await fs.rmdir(dataDir);
      }
    }
    const restoredData = path.join(staging, 'data');
    if (existsSync(restoredData)) await fs.rename(restoredData, dataDir);
    else await fs.mkdir(dataDir);
    if (dialect === 'sqlite') await fs.rename(path.join(staging, manifest.database.path), path.join(dataDir, SQLITE_FILE));
    // The backup holds no key file (ADR 0025, 0032): the ones this machine had stay, so what they sealed still opens.
    const keptKeys: string[] = [];
    for (const { path: name } of KEYS_LEFT_OUT) {
      const oldKey = keptOldDataAt ? path.join(keptOldDataAt, name) : null;
      if (!oldKey || !existsSync(oldKey) || existsSync(path.join(dataDir, name))) continue;
      await fs.copyFile(oldKey, path.join(dataDir, name), fsConstants.COPYFILE_EXCL);
      await fs.chmod(path.join(dataDir, name), 0o600);
      keptKeys.push(name);
    }
    const keptSecretKey = keptKeys.includes(SECRET_KEY_FILE);
    const keptAuditKey = keptKeys.includes(AUDIT_KEY_FILE);
    return { manifest, keptOldDataAt, keptSecretKey, keptAuditKey };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
