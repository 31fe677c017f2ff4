import { sql, type Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import { loadMigrations } from './migrations/index.ts';
import type { MigrationContext } from './migrations/migration.ts';

function contextFor(dialect: DialectName): MigrationContext {
  return dialect === 'postgres'
    ? { dialect, id: { type: 'serial', build: (c) => c.primaryKey() } }
    : { dialect, id: { type: 'integer', build: (c) => c.primaryKey().autoIncrement() } };
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const done = new Set((await db.selectFrom('schema_migrations').select('name').execute()).map((r: { name: string }) => r.name));
  const applied: string[] = [];
  for (const m of await loadMigrations()) {
    if (done.has(m.name)) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx, contextFor(dialect));
      await trx.insertInto('schema_migrations').values({ name: m.name, applied_at: new Date().toISOString() }).execute();
    });
    applied.push(m.name);
  }
  return applied;
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
