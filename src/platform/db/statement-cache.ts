import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many distinct statements each SQLite connection keeps prepared (least recently used go first). */
export const STATEMENTS_KEPT = 256;

/**
 * The SQLite connection as Kysely sees it, keeping its prepared statements: Kysely's SQLite driver
 * prepares every query it runs, and with better-sqlite3 preparing (parsing and planning the SQL)
 * costs as much as running a small query — the most of a kept public page's database time
 * (docs/performance.md "Portal against nginx"). A statement is reused by its SQL text; its
 * parameters are bound at each run, so reuse never mixes two queries' values. A schema change
 * (a migration) is no matter: SQLite prepares a kept statement again when the schema it was
 * prepared for changed. Streaming (`iterate`) prepares its own statement, because a statement
 * being iterated cannot run another query until the iteration ends.
 */
export function keepingStatements(raw: SQLite.Database, max = STATEMENTS_KEPT): SqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  const wrap = (sql: string, stmt: SQLite.Statement): SqliteStatement => ({
    reader: stmt.reader,
    all: (parameters) => stmt.all(parameters),
    run: (parameters) => stmt.run(parameters),
    iterate: (parameters) => raw.prepare(sql).iterate(parameters),
  });
  return {
    close: () => {
      kept.clear();
      raw.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const found = kept.get(sql);
      if (found) {
        // Most recently used last.
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const stmt = wrap(sql, raw.prepare(sql));
      kept.set(sql, stmt);
      if (kept.size > max) kept.delete(kept.keys().next().value!);
      return stmt;
    },
  };
}
