import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { postgresPoolOf, sqliteConnectionOf } from './connect.ts';

/** The version of what the public portal shows and when it last changed (migration 034). */
export type ContentVersion = { version: number; changedAt: string };

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Records, in the caller's transaction, that something a public page shows has changed, so every
 * instance's rendered pages (src/platform/http/page-cache.ts) and portal frame are rebuilt on their
 * next request. Callers: catalog's `catalogChanged` (publish, amend, withdraw, repeal, nodes),
 * saving an organ or the site identity, publishing an annual report, a rebuild of the search index
 * (searches' kept results, modules/search/use-cases/search-cache.ts).
 */
export async function contentChanged(db: Executor, at: string): Promise<void> {
  await db.insertInto('content_versions').values({ scope: 'site', version: 1, changed_at: at })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ version: sql`content_versions.version + 1`, changed_at: at })).execute();
}

/**
 * Reads the version: one row by its key, the query compiled once (a cached page's request costs this
 * read and nothing else on the database). On PostgreSQL the read goes to the pool itself as a named
 * statement with rows as arrays, not through Kysely: parsed once per connection, and about a third less
 * of the server's CPU per read (docs/performance.md, "the version's read on PostgreSQL"); under a burst
 * a kept page shares one such read per turn of the event loop.
 */
export function contentVersionReader(db: Kysely<Database>): () => Promise<ContentVersion> {
  const pool = postgresPoolOf(db);
  if (pool) {
    const named = { name: 'gk_content_version', text: VERSION_SQL, rowMode: 'array' as const };
    return async () => {
      const row = (await pool.query<[number | string, string]>(named)).rows[0];
      return row ? versionOf(row[0], row[1]) : NO_VERSION();
    };
  }
  const query = db.selectFrom('content_versions').select(['version', 'changed_at']).where('scope', '=', 'site').compile();
  return async () => {
    const row = (await db.executeQuery(query)).rows[0];
    return row ? versionOf(row.version, row.changed_at) : NO_VERSION();
  };
}

const VERSION_SQL = "select version, changed_at from content_versions where scope = 'site'";
const NO_VERSION = (): ContentVersion => ({ version: 0, changedAt: new Date(0).toISOString() });
const versionOf = (version: number | string, changedAt: string): ContentVersion => ({ version: Number(version), changedAt });

/**
 * Reads the version at once, without a promise, where that is safe: on SQLite, on the server's own
 * connection, when no transaction is open on it (a transaction's own uncommitted raise must not be
 * seen) and no statement is being stepped through. Answers null otherwise (PostgreSQL, or the
 * connection busy): the caller reads through `contentVersionReader` instead. The kept pages' front
 * door uses it (http/page-cache.ts): through Kysely the read was about a quarter of a kept page's time.
 *
 * One read serves every request of the same turn of the event loop (`oncePerTurn`): under a burst
 * Node hands the server many requests per wake-up, and the read was a tenth of a kept page's CPU.
 */
export function contentVersionNow(db: Kysely<Database>): () => ContentVersion | null {
  const raw = sqliteConnectionOf(db);
  if (!raw) return () => null;
  type Row = { version: number; changed_at: string };
  let statement: import('better-sqlite3').Statement<[], Row> | null = null;
  return oncePerTurn(() => {
    if (raw.inTransaction || !raw.open) return null;
    try {
      statement ??= raw.prepare<[], Row>(VERSION_SQL);
      const row = statement.get();
      return row ? versionOf(row.version, row.changed_at) : NO_VERSION();
    } catch {
      return null; // busy (a statement being iterated) or the table not there yet: the caller reads the usual way
    }
  });
}

/**
 * A read kept until the event loop's next check phase (`setImmediate`), so that the requests Node
 * hands over in one wake-up share it; a null answer is not kept. Sound for the version because every
 * request of a turn had arrived before the turn began, and so before the read: a change committed
 * earlier is in the read, and one committed during the turn (by this process, between two requests,
 * or by another) could not have been seen by any client before it sent one of these requests — they
 * are concurrent with it, as requests in flight always are. The next turn reads again.
 */
export function oncePerTurn<T>(read: () => T | null): () => T | null {
  let kept: T | null = null;
  return () => {
    if (kept !== null) return kept;
    kept = read();
    if (kept !== null) setImmediate(() => { kept = null; });
    return kept;
  };
}
