import type { Logger } from 'pino';
import type { Clock } from '../shared/clock.ts';
import type { Db } from './db/connect.ts';
import type { DialectName } from './db/dialect.ts';

/** What use cases need from the outside world, wired once in src/main. */
export type AppDeps = {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  /** Root of stored files (attachments) — the same GONGKAI_DATA_DIR the SQLite file lives in. */
  dataDir: string;
  logger: Logger;
};
