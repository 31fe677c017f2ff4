import { existsSync } from 'node:fs';
import type { Config } from '../platform/config/config.ts';
import { sqliteFileIn } from '../platform/db/connect.ts';
import { DomainError } from '../shared/domain-error.ts';

/**
 * For a command that only reads or changes existing data: refuses, before anything is opened or
 * written, when the SQLite database it would use is not there — most often the command was run in
 * another directory than the server's, or before the first start. Opening it would create an empty
 * database (and the audit and secret keys beside it) and answer from that. With DATABASE_URL the
 * operator names the database, which must already exist. Which commands create a database and
 * which refuse: docs/operations.md.
 */
export function refuseWithoutDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): void {
  if (config.databaseUrl) return;
  const file = sqliteFileIn(config.dataDir);
  if (existsSync(file)) return;
  throw new DomainError(
    'ERR_CLI_NO_DATABASE',
    `没有数据库：${file} 不存在，本命令只处理已有的数据，未创建任何文件。` +
      '请在启动服务的目录中运行，或设置与服务相同的 GONGKAI_DATA_DIR（SQLite 数据目录）或 DATABASE_URL（PostgreSQL）；' +
      '尚未建库的，请先运行 npm start（首次启动建库）。',
  );
}
