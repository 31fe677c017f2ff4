import type { Logger } from 'pino';
import type { Clock } from '../shared/clock.ts';
import type { Db } from './db/connect.ts';
import type { DialectName } from './db/dialect.ts';
import type { SecretBox } from './secrets/secret-box.ts';

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
  /**
   * Seals and opens secrets the database keeps for the platform to read back (staff TOTP secrets),
   * under the key of GONGKAI_SECRET_KEY or the data directory's secret.key (ADR 0025). Set by the
   * server, the commands and the test factories; a composition root that never touches such
   * secrets (a benchmark, the inspection thread) may leave it out.
   */
  secretBox?: SecretBox;
};
