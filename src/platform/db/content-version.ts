import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { closeWithDatabase, postgresPoolOf, sqliteConnectionOf } from './connect.ts';
import { pgModule } from './pg-module.ts';

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
  for (const w of listening) w.changedHere();
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
 * Reads the version at once, without a promise, where that is safe, or answers null: the caller then
 * reads through `contentVersionReader`. The kept pages' front door uses it (http/page-cache.ts).
 *
 * - SQLite: from the server's own connection, when no transaction is open on it (a transaction's own
 *   uncommitted raise must not be seen) and no statement is being stepped through; one read serves
 *   every request of the same turn of the event loop (`oncePerTurn`): under a burst Node hands the
 *   server many requests per wake-up, and through Kysely the read was a quarter of a kept page's time.
 * - PostgreSQL: the version kept in memory between the changes the database announces (migration 063,
 *   `ListenedVersion` below), so a kept page needs no round trip at all.
 */
export function contentVersionNow(db: Kysely<Database>): () => ContentVersion | null {
  const pool = postgresPoolOf(db);
  if (pool) {
    let w = watchers.get(db);
    if (!w) {
      const made = new ListenedVersion(pool);
      watchers.set(db, made);
      closeWithDatabase(db, () => made.close());
      w = made;
    }
    const watcher = w;
    return () => watcher.now();
  }
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

/** The channel migration 063's trigger announces every raise of the version on. */
export const CONTENT_VERSION_CHANNEL = 'gongkai_content_version';

/**
 * After this process raised the version itself, how long its kept pages read the version as before
 * (once per request turn, from the database) instead of trusting the version in memory: the raise's
 * announcement comes on another connection and may be heard a moment after the writer's transaction
 * has returned, and a request this process handles right after its own change (a test's next call, a
 * redirect answered on the same instance) must see it.
 */
const LOCAL_CHANGE_MS = 30_000;
/** Between attempts to listen again after the listening connection was lost. */
const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];
/**
 * How long the listening connection waits to hear its own test announcement before it gives up (and
 * tries again after the longest retry): a pooler in transaction mode between the server and PostgreSQL
 * accepts LISTEN but never delivers, and then the kept pages must go on reading the version themselves.
 */
const PROBE_MS = 5_000;
/** Between attempts to listen again after a connection that heard nothing (the warning is written once). */
const DEAF_RETRY_MS = 60_000;

const watchers = new WeakMap<Kysely<Database>, ListenedVersion>();
/** Every watcher of this process, told of the changes this process makes (`contentChanged`). */
const listening = new Set<ListenedVersion>();

/**
 * PostgreSQL: one connection per server that LISTENs on the version's channel; the version read once
 * after each announcement (and after listening starts) and kept until the next. Every instance on
 * the database hears every raise when its transaction commits, before any client could have seen the
 * change, as the per-turn read guaranteed. While the connection is down (PostgreSQL restarting), for
 * a while after a change made by this process, and until the first read after an announcement, it
 * answers null and the kept pages read the version from the database as before.
 */
class ListenedVersion {
  private client: import('pg').Client | null = null;
  private heard = false;
  private known: ContentVersion | null = null;
  /** Raised by every announcement, loss of the connection and local change: a read begun before one of these is not kept. */
  private generation = 0;
  private reading = false;
  private trustAfter = 0;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private probe: string | null = null;
  private warned = false;
  private closed = false;

  constructor(private readonly pool: import('pg').Pool) {
    listening.add(this);
    void this.listen();
  }

  now(): ContentVersion | null {
    if (!this.heard || performance.now() < this.trustAfter) return null;
    if (this.known) return this.known;
    if (!this.reading) void this.refresh();
    return null;
  }

  changedHere(): void {
    this.forget();
    this.trustAfter = performance.now() + LOCAL_CHANGE_MS;
  }

  async close(): Promise<void> {
    this.closed = true;
    listening.delete(this);
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    this.heard = false;
    if (c) await c.end().catch(() => {});
  }

  private forget(): void {
    this.known = null;
    this.generation++;
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const client = new (pgModule().Client)(this.pool.options);
    client.on('notification', (n) => {
      if (n.channel !== CONTENT_VERSION_CHANNEL || this.client !== client) return;
      this.forget();
      if (n.payload && n.payload === this.probe) {
        this.probe = null;
        this.attempt = 0;
        this.heard = true;
      }
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen ${CONTENT_VERSION_CHANNEL}`);
      if (this.closed || this.client !== client) return void client.end().catch(() => {});
      // Trusted only once an announcement is heard through it: its own, sent from the pool.
      const probe = `probe:${process.pid}:${Math.random().toString(36).slice(2)}`;
      this.probe = probe;
      const deaf = setTimeout(() => {
        if (this.probe !== probe || this.client !== client) return;
        if (!this.warned) process.emitWarning('PostgreSQL 的 LISTEN 收不到通知（连接池为事务模式？），公开页面改为每次从数据库读取内容版本');
        this.warned = true;
        this.lost(client, DEAF_RETRY_MS);
      }, PROBE_MS);
      deaf.unref();
      await this.pool.query('select pg_notify($1, $2)', [CONTENT_VERSION_CHANNEL, probe]);
    } catch {
      this.lost(client);
    }
  }

  private lost(client: import('pg').Client, pause?: number): void {
    if (this.client !== client) return;
    this.client = null;
    this.heard = false;
    this.probe = null;
    this.forget();
    client.end().catch(() => {});
    if (this.closed) return;
    const wait = pause ?? RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    this.retry = setTimeout(() => { this.retry = null; void this.listen(); }, wait);
    this.retry.unref();
  }

  private async refresh(): Promise<void> {
    const generation = this.generation;
    this.reading = true;
    try {
      const row = (await this.pool.query<[number | string, string]>({ name: 'gk_content_version', text: VERSION_SQL, rowMode: 'array' })).rows[0];
      if (generation === this.generation && this.heard) this.known = row ? versionOf(row[0], row[1]) : NO_VERSION();
    } catch {
      // the pool's error: the kept pages read the usual way meanwhile
    } finally {
      this.reading = false;
    }
  }
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
