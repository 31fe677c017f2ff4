import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

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
 * read and nothing else on the database).
 */
export function contentVersionReader(db: Kysely<Database>): () => Promise<ContentVersion> {
  const query = db.selectFrom('content_versions').select(['version', 'changed_at']).where('scope', '=', 'site').compile();
  return async () => {
    const row = (await db.executeQuery(query)).rows[0];
    return row ? { version: Number(row.version), changedAt: row.changed_at } : { version: 0, changedAt: new Date(0).toISOString() };
  };
}
