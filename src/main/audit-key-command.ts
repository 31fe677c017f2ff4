import fs from 'node:fs';
import pino from 'pino';
import type { Config } from '../platform/config/config.ts';
import { parseArgs, usage } from '../platform/cli/cli-args.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { makeReplacementAuditKeyFile, recordLostAuditKey } from '../modules/audit/index.ts';
import { makeDeps } from './bootstrap.ts';
import { refuseWithoutDatabase } from './existing-database.ts';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const USAGE = '用法：audit new-key --old-key-lost（仅在原审计日志密钥确已丢失、无处可找回时使用，见 docs/operations.md#when-the-audit-key-is-lost）';

/**
 * `gongkai audit new-key --old-key-lost`: the way on when the audit key is lost for good (ADR 0032).
 * Makes a new audit.key (or takes the new GONGKAI_AUDIT_KEY the operator set) and records the loss in
 * the log, which then goes on under the new key; the entries before can no longer be checked, and
 * `audit verify` says so. A new key file made here is removed again if the recording fails.
 */
export async function runAuditNewKeyCommand(rest: string[], io: Io, config: Config): Promise<number> {
  const args = parseArgs(rest, ['old-key-lost'], []);
  if (args.positionals.length !== 0 || args.options.get('old-key-lost') !== true) throw usage(USAGE);
  // The log to record the loss in must exist: nothing is made where there is no database.
  refuseWithoutDatabase(config);
  const made = config.auditKey ? null : makeReplacementAuditKeyFile(config.dataDir);
  try {
    const { deps, handle } = makeDeps(config, pino({ level: 'warn' }));
    try {
      await migrateToLatest(deps.db, deps.dialect);
      const r = await recordLostAuditKey(deps.db, deps.dialect, deps.clock.now().toISOString(), '原审计日志密钥丢失，此后的记录以新密钥签名');
      io.stdout(made ? `已生成新的审计日志密钥 ${made}（权限 600）` : '新的审计日志密钥：GONGKAI_AUDIT_KEY 现在的值');
      io.stdout(`已在审计日志中记录原密钥丢失：此前的 ${r.entries} 条记录${r.lastId ? `（至第 ${r.lastId} 条）` : ''}已无法校验其内容，只能核对其链接和条数；此后的记录以新密钥签名，照常校验`);
      io.stdout('请立即另行复制一份新密钥离线保管（它不在备份中），再运行 ./bin/gongkai audit verify 并记下链头哈希');
      return 0;
    } finally {
      await handle.destroy();
    }
  } catch (e) {
    if (made) fs.rmSync(made, { force: true });
    throw e;
  }
}
