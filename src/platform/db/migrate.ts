import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import { loadMigrations } from './migrations/index.ts';
import type { MigrationContext } from './migrations/migration.ts';

function contextFor(dialect: DialectName): MigrationContext {
  return dialect === 'postgres'
    ? { dialect, id: { type: 'serial', build: (c) => c.primaryKey() } }
    : { dialect, id: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() } };
}

/**
 * Applies every pending migration, each in its own transaction. Returns the names applied.
 *
 * Safe beside another process migrating the same database (two `migrate` in two terminals, two instances starting on
 * one PostgreSQL): a migration's transaction first claims its row of schema_migrations (an insert that does nothing
 * when the row is there), which makes a second claimant wait — for the row's key on PostgreSQL, for the write lock on
 * SQLite — until the first commits, then find the row and skip the migration. Each migration is applied once, by
 * whichever process claims it first; the other goes on to the next. On SQLite the wait is the busy timeout
 * (5 seconds, connect.ts): a migration that holds the lock longer makes the other process stop with
 * ERR_DATABASE_LOCKED (system-errors.ts), having applied nothing half.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  await createMigrationsTable(db, dialect);
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r: { name: string }) => r.name));
  const applied: string[] = [];
  for (const m of await loadMigrations()) {
    if (done.has(m.name)) continue;
    const ran = await db.transaction().execute(async (trx) => {
      // The claim comes first: on SQLite a transaction whose first statement writes waits for the write lock and then
      // reads what the other process committed (a read first would leave it a stale snapshot: SQLITE_BUSY_SNAPSHOT).
      const claimed = await trx
        .insertInto('schema_migrations')
        .values({ name: m.name, applied_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('name')
        .executeTakeFirst();
      if (!claimed) return false; // another process applied it meanwhile
      await m.up(trx, contextFor(dialect));
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}

/** PostgreSQL lets two concurrent `create table if not exists` both try to create the table: one waits for the other here. */
const MIGRATIONS_TABLE_LOCK = 7_034_095;

async function createMigrationsTable(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const create = (on: Kysely<any>) =>
    on.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
  if (dialect === 'sqlite') return create(db);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATIONS_TABLE_LOCK)})`.execute(trx);
    await create(trx);
  });
}

export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const exists = await sql<{ n: number }>`select count(*) as n from schema_migrations`.execute(db).then(
    () => true,
    () => false,
  );
  const migrations = await loadMigrations();
  if (!exists) return migrations.map((m) => m.name);
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r: { name: string }) => r.name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
