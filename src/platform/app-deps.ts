import type { Logger } from 'pino';
import type { Clock } from '../shared/clock.ts';
import type { Db } from './db/connect.ts';
import type { DialectName } from './db/dialect.ts';

/** What use cases need from the outside world, wired once in src/main. */
export type AppDeps = {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  /**
   * Wall time for sign-in sessions (idle and absolute expiry). Sessions always run on real elapsed
   * time, also when `clock` is set to another date (tests, back-dated imports); a test of session
   * expiry sets this. Default: the system clock.
   */
  sessionClock?: Clock;
  /** Root of stored files (attachments) — the same GONGKAI_DATA_DIR the SQLite file lives in. */
  dataDir: string;
  logger: Logger;
  /**
   * The portal's public base address (GONGKAI_PUBLIC_URL, no trailing slash), or null when not
   * configured: letters print addresses under it (the 申请登记回执 names the status page).
   */
  publicUrl?: string | null;
};
