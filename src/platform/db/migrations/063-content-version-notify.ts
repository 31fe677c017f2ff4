import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * PostgreSQL only: every change of the content version (migration 034) is announced on the channel
 * `gongkai_content_version`, delivered when its transaction commits. Each server listens there and
 * keeps the version in memory between changes, so a kept page costs no round trip to the database
 * (content-version.ts, `contentVersionNow`; docs/adr/0024). A trigger, not the application, sends it:
 * whoever raises the version (any instance, any version of the code, an operator's SQL) is heard.
 */
export const migration: Migration = {
  name: '063-content-version-notify',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'postgres') return;
    await sql`create function gongkai_content_version_notify() returns trigger language plpgsql as $$
      begin
        perform pg_notify('gongkai_content_version', new.version::text);
        return null;
      end $$`.execute(db);
    await sql`create trigger content_versions_notify after insert or update on content_versions
      for each row execute function gongkai_content_version_notify()`.execute(db);
  },
};
