import { createRequire } from 'node:module';
import type PgDefault from 'pg';

type Pg = typeof PgDefault;
let loaded: Pg | null = null;

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is first opened: a platform on SQLite
 * (the default) never needs it, and loaded at start it held about 15 MB of a server that must stay
 * under 300 MB (docs/performance.md "RSS"). Loading it also sets how it reads numbers: COUNT(*) and
 * BIGINT come back from pg as strings; our counts and ids fit in a JS number.
 */
export function pgModule(): Pg {
  if (!loaded) {
    loaded = createRequire(import.meta.url)('pg') as Pg;
    loaded.types.setTypeParser(loaded.types.builtins.INT8, (v) => Number(v));
    loaded.types.setTypeParser(loaded.types.builtins.NUMERIC, (v) => Number(v));
  }
  return loaded;
}
