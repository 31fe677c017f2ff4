import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from './schema.ts';
import type { DialectName } from './dialect.ts';
import { pgModule } from './pg-module.ts';
import { keepingStatements } from './statement-cache.ts';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  dialect: DialectName;
  /** Where the data lives, for messages: the SQLite file or the PostgreSQL database. */
  location: string;
  destroy(): Promise<void>;
};

/** The SQLite database of a data directory (when no DATABASE_URL is set). */
export const sqliteFileIn = (dataDir: string): string => path.join(dataDir, 'gongkai.sqlite');

/** SQLite file under the data dir unless DATABASE_URL names a PostgreSQL database; a missing SQLite file (and folder) is created. */
export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; sqliteFile?: string }): DatabaseHandle {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  return openSqlite(opts.sqliteFile ?? sqliteFileIn(opts.dataDir));
}

/** The better-sqlite3 connection under a Kysely instance made by openSqlite, for the few reads that must not wait for a promise. */
const sqliteConnections = new WeakMap<Db, SQLite.Database>();
export function sqliteConnectionOf(db: Db): SQLite.Database | null {
  return sqliteConnections.get(db) ?? null;
}

/** The pg pool under a Kysely instance made by openPostgres, for the one read that must cost as little as a round trip can (content-version.ts). */
const postgresPools = new WeakMap<Db, import('pg').Pool>();
export function postgresPoolOf(db: Db): import('pg').Pool | null {
  return postgresPools.get(db) ?? null;
}

/**
 * Every SQLite transaction begins IMMEDIATE: it takes the write lock at its start, so another process's write (the
 * server beside a command such as `reindex`, a command beside a start) waits its turn under the busy timeout. A
 * deferred transaction that read first and then wrote after the other process committed was refused at once
 * (SQLITE_BUSY_SNAPSHOT: its snapshot is stale; the busy timeout does not wait for that) — an outside tester's
 * `reindex` stopped at 21 % with database is locked. Readers are not held up (WAL); the server's own queries share
 * one connection and never meet this lock. The same choice as Rails' SQLite adapter (7.1).
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export function openSqlite(file: string): DatabaseHandle {
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: keepingStatements(raw) }) });
  sqliteConnections.set(db, raw);
  return { db, dialect: 'sqlite', location: file, destroy: () => db.destroy() };
}

/** What must be closed with a PostgreSQL database besides its pool (content-version.ts: the connection that listens for changes). */
const closers = new WeakMap<Db, (() => Promise<void>)[]>();
export function closeWithDatabase(db: Db, close: () => Promise<void>): void {
  closers.set(db, [...(closers.get(db) ?? []), close]);
}

export function openPostgres(url: string): DatabaseHandle {
  const pool = new (pgModule().Pool)({ connectionString: url, max: 10 });
  // An idle connection closed by the server (restart, admin command) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL 空闲连接已断开：${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  postgresPools.set(db, pool);
  const destroy = async () => {
    for (const close of closers.get(db) ?? []) await close();
    closers.delete(db);
    await db.destroy();
  };
  return { db, dialect: 'postgres', location: url.replace(/:[^:@/]*@/, ':***@'), destroy };
}

/** A round trip to the database, for /readyz. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
