import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config/config.ts';
import { AUDIT_KEY_FILE, createBackup, restoreBackup } from '../platform/backup/backup.ts';
import { parseArgs, usage } from '../platform/cli/cli-args.ts';
import { AUDIT_KEYED_MARKER } from '../modules/audit/index.ts';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `gongkai backup FILE`: one file with the database snapshot and the data directory (docs/operations.md). */
export async function runBackupCommand(rest: string[], io: Io, config: Config): Promise<number> {
  const args = parseArgs(rest, [], []);
  if (args.positionals.length !== 1) throw usage('用法：backup FILE（例如 backup /var/backups/gongkai-2026-12-03.tar.gz）');
  const r = await createBackup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, args.positionals[0]!, new Date());
  io.stdout(`已备份：${r.manifest.dialect === 'sqlite' ? 'SQLite 数据库' : 'PostgreSQL 数据库'}与数据目录中 ${r.manifest.files.length} 个文件，共 ${mb(r.size)}`);
  io.stdout(`SHA-256：${r.sha256}（已写入 ${args.positionals[0]}.sha256）`);
  io.stderr('注意：备份含公民的个人信息，请像保管服务器一样保管备份文件。');
  // The audit log's key is never in the backup (ADR 0032): whoever holds a backup must not be able to rewrite the log.
  io.stderr(config.auditKey
    ? '注意：审计日志密钥来自 GONGKAI_AUDIT_KEY，不在备份中；请与备份分开、离线保管它，恢复后校验审计日志须用同一密钥。'
    : r.manifest.keysLeftOut?.some((k) => k.path === AUDIT_KEY_FILE)
      ? '注意：数据目录中的 audit.key（审计日志密钥）有意不放入备份（清单 keysLeftOut 中有记载），以免持有备份者能改写审计日志而不被发现；请另行复制一份离线保管，与备份分开（它不会变化，保管一次即可），在新机器上恢复时须放回数据目录，否则无法启动、无法校验审计日志。'
      : '注意：数据目录中还没有审计日志密钥 audit.key（首次启动时生成）；生成后请另行复制一份离线保管，它不会放入备份。');
  // The key sealing the staff TOTP secrets is never in the backup (ADR 0025).
  io.stderr(config.secretKey
    ? '注意：两步验证密钥的加密密钥来自 GONGKAI_SECRET_KEY，不在备份中；请与备份分开、长期保管它，恢复时须用同一密钥。'
    : '注意：数据目录中的 secret.key（两步验证密钥的加密密钥）有意不放入备份；请另行复制一份与备份分开保管（它不会变化，保管一次即可），在新机器上恢复时须放回数据目录。');
  return 0;
}

/** `gongkai restore FILE [--force]`: checks everything first, then replaces the data. */
export async function runRestoreCommand(rest: string[], io: Io, config: Config): Promise<number> {
  const args = parseArgs(rest, ['force'], []);
  if (args.positionals.length !== 1) throw usage('用法：restore FILE [--force]（先停止服务）');
  const r = await restoreBackup({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }, args.positionals[0]!, { force: args.options.get('force') === true }, new Date());
  io.stdout(`已从 ${r.manifest.createdAt} 的备份恢复：数据库（迁移 ${r.manifest.lastMigration ?? '无'}）与 ${r.manifest.files.length} 个文件，校验全部通过`);
  if (r.keptOldDataAt) io.stdout(`原数据目录保留在 ${r.keptOldDataAt}，确认无误后可删除`);
  // The backup holds no audit key (ADR 0032): say what the restored log needs before anything starts.
  const auditKeyLeftOut = r.manifest.keysLeftOut?.some((k) => k.path === AUDIT_KEY_FILE) ?? false;
  const keyFile = path.join(config.dataDir, AUDIT_KEY_FILE);
  const logIsKeyed = auditKeyLeftOut || existsSync(path.join(config.dataDir, AUDIT_KEYED_MARKER));
  if (r.keptAuditKey) io.stdout('已沿用本机原有的 audit.key（备份中不含审计日志密钥）');
  else if (r.manifest.files.some((f) => f.path === AUDIT_KEY_FILE)) io.stdout('这是旧版本的备份，其中含有审计日志密钥 audit.key，已一并恢复；今后的备份不再含此密钥，请另行复制一份离线保管');
  else if (!config.auditKey && logIsKeyed && !existsSync(keyFile)) {
    io.stdout(`备份中不含审计日志密钥：启动服务或运行其他命令之前，请把另行保管的 audit.key 放回 ${keyFile}（权限 600）${auditKeyLeftOut ? '' : '（备份所来自的系统用的是 GONGKAI_AUDIT_KEY）'}，或设置原来的 GONGKAI_AUDIT_KEY；没有它服务不会启动，审计日志也无法校验`);
  }
  if (r.keptSecretKey) io.stdout('已沿用本机原有的 secret.key（备份中不含此密钥），已启用的两步验证照常可用');
  else if (!config.secretKey) io.stdout('备份中不含 secret.key：启动服务或运行其他命令之前，请把原来保管的 secret.key 放回数据目录（权限 600），或设置原来的 GONGKAI_SECRET_KEY；否则已启用两步验证的人员只能用恢复码登录，须由管理员重置其两步验证');
  io.stdout('下一步：启动服务（会自动执行新版本的迁移），再运行 ./bin/gongkai audit verify 核对审计日志');
  return 0;
}
