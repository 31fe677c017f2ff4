import type { DialectName } from '../../src/platform/db/dialect.ts';
import { createTestDatabase } from './db.ts';
import { makeTempDir } from './temp-dirs.ts';

/** What a ./bin/gongkai command printed, line by line, and the io to give it. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

/**
 * Points the commands (which read process.env, like the real CLI) at a new data folder and, on
 * PostgreSQL, a new empty database. Returns what to call after the tests: it drops the database.
 */
export async function freshCliEnvironment(dialect: DialectName, dirName: string): Promise<{ dataDir: string; drop: () => Promise<void> }> {
  const dataDir = makeTempDir(dirName);
  process.env.GONGKAI_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  if (dialect !== 'postgres') return { dataDir, drop: async () => {} };
  const pg = await createTestDatabase('postgres');
  process.env.DATABASE_URL = pg.url;
  await pg.destroy();
  return { dataDir, drop: pg.drop };
}
