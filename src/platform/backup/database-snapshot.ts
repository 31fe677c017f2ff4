import { spawn } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { DomainError } from '../../shared/domain-error.ts';
import { pgModule } from '../db/pg-module.ts';

/**
 * The database half of a backup. SQLite: the online backup API, a consistent copy taken while the
 * server keeps writing. PostgreSQL: pg_dump's custom format (one consistent snapshot) and pg_restore.
 */
export async function snapshotSqlite(sourceFile: string, destFile: string): Promise<void> {
  const source = new SQLite(sourceFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destFile);
  } finally {
    source.close();
  }
}

/** `PRAGMA integrity_check` of an SQLite file: 'ok' or the problems it lists. */
export function sqliteIntegrity(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('；');
  } finally {
    db.close();
  }
}

export function sqliteLastMigration(file: string): string | null {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('select name from schema_migrations order by name desc limit 1').get() as { name: string } | undefined;
    return row?.name ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

export async function dumpPostgres(url: string, destFile: string): Promise<void> {
  await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${destFile}`, `--dbname=${url}`]);
}

/** Restores a dump into the database at `url`, in one transaction: a failure leaves it as it was. */
export async function restorePostgres(url: string, dumpFile: string, replaceExisting: boolean): Promise<void> {
  const clean = replaceExisting ? ['--clean', '--if-exists'] : [];
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...clean, `--dbname=${url}`, dumpFile]);
}

/** Tables in the public schema, and the newest migration when there is a schema_migrations table. */
export async function postgresState(url: string): Promise<{ tables: number; lastMigration: string | null }> {
  const client = new (pgModule().Client)({ connectionString: url });
  await client.connect();
  try {
    const t = await client.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_schema = 'public'`);
    const tables = Number(t.rows[0]!.n);
    if (tables === 0) return { tables, lastMigration: null };
    const m = await client.query<{ name: string }>('select name from schema_migrations order by name desc limit 1').catch(() => ({ rows: [] as { name: string }[] }));
    return { tables, lastMigration: m.rows[0]?.name ?? null };
  } finally {
    await client.end();
  }
}

function runTool(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT'
        ? new DomainError('ERR_BACKUP_TOOL_MISSING', `找不到 ${tool}。PostgreSQL 的备份与恢复需要与服务器同一主版本的客户端工具（Debian：apt-get install postgresql-client）`)
        : e);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new DomainError('ERR_BACKUP_TOOL_FAILED', `${tool} 执行失败（退出码 ${code}）：${stderr.trim().slice(0, 2000)}`));
    });
  });
}
