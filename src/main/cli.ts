import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../platform/config/config.ts';
import { keepServerHeapSmall } from '../platform/runtime/server-memory.ts';
import { RUNS_COMPILED } from '../platform/runtime/project-root.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { DomainError, isDomainError } from '../shared/domain-error.ts';
import { verifyAuditLog, type AuditVerification } from '../modules/audit/index.ts';
import { runAuditNewKeyCommand } from './audit-key-command.ts';
import { actorLabel, COMMAND_LINE_ACTOR, createApiToken, createUser, listApiTokens, revokeApiToken, ROLES, runUserRecoveryCommand, type Role } from '../modules/identity/index.ts';
import { runScanCommand, runScanEvalCommand } from '../modules/privacy/index.ts';
import { makeDeps, prepareDatabase } from './bootstrap.ts';
import { buildApp } from './build-app.ts';
import { parseArgs, requireOption, usage } from '../platform/cli/cli-args.ts';
import { commandHelp } from './command-help.ts';
import { seedDemoRegion, seedDemoSearchLog } from './seed-demo.ts';
import { runImportCommand } from '../modules/applications/index.ts';
import { runExportItemsCommand, runImportItemsCommand } from '../modules/transfer/index.ts';
import { runReportCommand } from '../modules/reports/index.ts';
import { runDirectoryCommand } from '../modules/catalog/cli/directory-command.ts';
import { saveOrgan } from '../modules/catalog/index.ts';
import { reindex, runReindexCommand } from '../modules/search/index.ts';
import { runInspectCommand } from '../modules/supervision/index.ts';
import { loadAdminHolidayYearsIfMigrated, runDeadlineCommand, type HolidayYear } from '../modules/calendar/index.ts';
import { existsSync } from 'node:fs';
import { sqliteFileIn } from '../platform/db/connect.ts';
import { refuseWithoutDatabase } from './existing-database.ts';
import { markStarting, waitForStart } from './start-marker.ts';
import { backgroundJobs } from './background-jobs.ts';
import { assertCanListen, explainSystemError, startFailed } from './system-errors.ts';
import { startJobs } from '../platform/jobs/job-runner.ts';
import { databaseJobClaims } from '../platform/jobs/job-claims.ts';
import { runBackupCommand, runRestoreCommand } from './backup-commands.ts';
import { chinaDateOf } from '../shared/iso-date.ts';
import { smtpMailer } from '../platform/mail/mailer.ts';
import { mailReminders } from './mail-reminders.ts';
import { runExportSiteCommand } from './static-site/export-site-command.ts';
import { runArchiveCommand } from './archive/archive-command.ts';
import { readSecretLine } from './read-secret.ts';

const HELP = `gongkai —— 政府信息公开平台

用法：./bin/gongkai <命令> [选项]

  serve                          启动平台（首次启动自动建库、载入演示数据、创建 admin）
  migrate                        执行数据库迁移
  seed --demo                    载入演示地区（县政府、县住建局及其下属机构、公开目录与历年信息）
  organ add --code 机关代码 --name 机关全称 --kind government|department|unit --credit-code 统一社会信用代码 [--parent 上级机关代码]
                                 新增机关（不载入演示数据启动时，先用它建本级机关，再启动以创建管理员）
  user add --username U --password P --name 姓名 --organ 机关代码 [--role 角色]
                                 角色：editor unit_head disclosure_office leader_in_charge organ_admin system_admin
                                 新增工作人员账号
  user reset-2fa --username U    清除用户的两步验证（验证器密钥和恢复码）并退出其全部登录：唯一的管理员丢失手机和恢复码时用
  user set-password --username U (--password P|--password-stdin)
                                 重设用户密码（规则同网页表单）、解除锁定并退出其全部登录；--password-stdin 从标准输入读取第一行，
                                 密码不留在 shell 历史中
  user reactivate --username U   重新启用已停用的账号（同用户页面的“重新启用账号”；停用时吊销的 API 令牌不恢复）
  token create --user U --name 用途 [--days N|--no-expiry] [--read-only] [--organ 机关代码,…]
                                 为用户创建 API 令牌（只显示一次；默认 365 天有效）
  token list [--user U]          列出 API 令牌（状态、范围、到期与最近使用时间）
  token revoke 编号              撤销 API 令牌
  scan FILE… [--json]            扫描文件中的身份证号、手机号、银行卡号、邮箱和密级标志
  scan-eval [--json]             用标注语料评估扫描器的精确率和召回率
  deadline --received YYYY-MM-DD [--days N] [--pause FROM..TO]… [--restart YYYY-MM-DD] [--extend N] [--json]
                                 按工作日计算法定答复期限并说明计算过程
  import applications FILE --organ 机关代码
                                 导入依申请公开台账（CSV 或 .xlsx；列 tracking_no,received_on,channel,applicant_type,applicant_name,subject,outcome,replied_on）
  import appeals FILE --organ 机关代码
                                 导入行政复议、行政诉讼台账（列 tracking_no,kind,filed_on,result,decided_on）
  import items FILE --organ 机关代码 [--attachments 目录|文件.zip] [--dry-run] [--as published|draft] [--allow-duplicates]
                                 导入公开信息（JSON、CSV 或 .xlsx，列见 docs/import-export.md），全部成功或全部不导入，显示进度；
                                 --dry-run 只检查并列出每一行的错误；--as published 保留原发布日期和索引号作为已发布信息（默认 draft 草稿）；
                                 与本机关已有信息或文件中其他行的标题、文号、成文日期和发布日期都相同的行视为疑似重复，不导入，
                                 确属不同信息时加 --allow-duplicates 仍导入
  import site 清单.csv --organ 机关代码 --pages 网页目录 [--attachments 目录|文件.zip] [--dry-run] [--as published|draft] [--allow-duplicates]
                                 从旧网站保存的网页导入信息（清单列 原网址、页面文件 及任何信息列），原网址（含 ?id= 等查询参数）转向新页面；
                                 作为草稿导入的信息发布后才开始转向，此前旧地址显示“该信息正在迁移整理，暂未发布”
  export items --organ 机关代码 --format json|csv|xlsx [--out FILE] [--attachments 目录|文件.zip]
                                 导出机关的公开目录和已发布信息（与 import items 的格式相同）及附件；原网址列含信息的现地址和旧地址，
                                 导入另一数据库后旧链接仍然有效
  directory list [--json]        列出基层政务公开标准目录模板（住建领域：保障性住房、房屋征收与补偿、农村危房改造等）
  directory import --organ 机关代码 (--template 模板编号|--file 模板文件) [--under 栏目编号或路径]
                                 把标准目录模板导入机关的公开目录（重复导入不重复添加栏目和事项）
  directory coverage --organ 机关代码 [--json]
                                 各标准目录事项已发布的信息条数，列出尚无信息的事项
  audit verify [--expect-head 哈希]
                                 校验审计日志哈希链是否完整（可核对另行记录的链头哈希）
  audit new-key --old-key-lost   原审计日志密钥确已丢失时：生成新密钥并在审计日志中记录丢失，此前的记录从此无法校验
  report annual --organ 机关代码 --year YYYY --format json|html|docx|pdf [--out FILE] [--published]
                                 导出政府信息公开工作年度报告（表格由数据计算并核对）
  reindex [--organ 机关代码]       重建全文检索索引（显示进度；服务运行时也可执行）
  report reminders [--on YYYY-MM-DD]
                                 列出应公布而尚未公布的年度报告（条例第四十九条）
  backup FILE                    在线备份：数据库的一致性快照与数据目录（附件等；不含密钥文件 audit.key、secret.key）写入一个文件，另写 FILE.sha256
  restore FILE [--force]         校验后从备份恢复（先停止服务；已有数据时需 --force，原数据目录保留为 ….before-restore-时间）
  inspect [--organ 机关代码] [--json] [--offline]
                                 按政府网站检查指标检查栏目更新、空白栏目、待审核、超期发布、逾期办理、断链和严重表述错误并记录，
                                 有单项否决时退出码为 1；--offline 不访问站外链接
  export-site 目录 [--organ 机关代码]
                                 导出门户的静态副本（全部公开页面、附件、样式、站点地图和订阅源），再次导出只改写有变化的文件
  archive --organ 机关代码 --year YYYY 目录
                                 年度归档：当年的公开信息及附件、保密审查表与签批、依申请公开案卷与文书、信箱来信、建议提案、年度报告，
                                 附 manifest.json（SHA-256 校验值）和 index.html；目录须为空（含个人信息，不得公开）
  remind                         立即发送到期提醒邮件（需设置 GONGKAI_SMTP_URL 和 GONGKAI_MAIL_FROM；服务运行时每小时自动发送）

环境变量：PORT（默认 3000）、HOST（默认 127.0.0.1）、GONGKAI_DATA_DIR（默认 ./data）、
DATABASE_URL（postgres://…，不设置则使用 SQLite）、GONGKAI_ADMIN_PASSWORD、GONGKAI_PUBLIC_URL、GONGKAI_AUDIT_KEY、
GONGKAI_SECRET_KEY（两步验证密钥的加密密钥，64 位十六进制；不设置则用数据目录中的 secret.key，多实例须相同）、
GONGKAI_SMTP_URL 与 GONGKAI_MAIL_FROM（提醒邮件）、GONGKAI_DEMO（false：首次启动不载入演示数据）、LOG_LEVEL。`;

/** A progress line redrawn in place on a terminal, one line per update otherwise. */
const progressLine = (s: string) => process.stderr.write(process.stderr.isTTY ? `\r${s}${s.includes(' 100%') ? '\n' : ''}` : `${s}\n`);

type Io = { stdout: (s: string) => void; stderr: (s: string) => void; readSecret?: (prompt: string) => Promise<string> };
const stdio: Io = { stdout: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'), stderr: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n') };

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  // COMMAND --help (or -h) anywhere after it: that command's lines of the help, nothing run.
  const section = command && rest.some((a) => a === '--help' || a === '-h') ? commandHelp(HELP, command) : null;
  if (section) {
    io.stdout(`用法：\n${section}`);
    return 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(io);
      case 'migrate':
        return await withDb(async ({ deps }) => {
          const applied = await migrateToLatest(deps.db, deps.dialect);
          io.stdout(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新结构');
          return 0;
        }, { creates: true });
      case 'seed': {
        const args = parseArgs(rest, ['demo'], []);
        if (args.options.get('demo') !== true) throw usage('请使用 seed --demo 载入演示数据');
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          const r = await seedDemoRegion(deps);
          await reindex(deps);
          await seedDemoSearchLog(deps);
          io.stdout(`已载入演示数据：${r.organs} 个机关，${r.nodes} 个目录栏目，${r.publications} 条公开信息，${r.applications} 件依申请公开案件，${r.appeals} 件复议诉讼，${r.attachments} 个附件，${r.proposals} 件建议提案，${r.consultations} 件意见征集`);
          return 0;
        }, { creates: true });
      }
      case 'user':
        return await userCommand(rest, io);
      case 'organ':
        return await organCommand(rest, io);
      case 'token':
        return await tokenCommand(rest, io);
      case 'scan':
        return await runScanCommand(rest, io);
      case 'scan-eval':
        return await runScanEvalCommand(rest, io);
      case 'deadline':
        return await runDeadlineCommand(rest, io, await adminHolidayYearsForCli());
      case 'import':
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          // Items and an old site's crawl (docs/import-export.md); ledgers of the applications area.
          if (rest[0] === 'items' || rest[0] === 'site') return runImportItemsCommand(rest[0], rest.slice(1), { ...io, progress: progressLine }, deps);
          return runImportCommand(rest, io, deps);
        });
      case 'export':
        if (rest[0] !== 'items') throw usage('用法：export items --organ 机关代码 --format json|csv|xlsx [--out FILE] [--attachments 目录|文件.zip]');
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          return runExportItemsCommand(rest.slice(1), { ...io, progress: progressLine }, deps);
        });
      case 'directory':
        // 基层政务公开标准目录 (docs/standard-directories.md); listing the templates needs no database.
        if (rest[0] !== 'import' && rest[0] !== 'coverage') return await runDirectoryCommand(rest, io, null);
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          return runDirectoryCommand(rest, io, deps);
        });
      case 'audit':
        return await auditCommand(rest, io);
      case 'reindex':
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          return runReindexCommand(rest, { ...io, progress: progressLine }, deps);
        });
      case 'report':
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          return runReportCommand(rest, io, deps);
        });
      case 'backup':
        return await runBackupCommand(rest, io, loadConfig());
      case 'restore':
        return await runRestoreCommand(rest, io, loadConfig());
      case 'inspect':
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          const publicUrl = loadConfig().publicUrl;
          return runInspectCommand(rest, io, deps, { publicOrigin: publicUrl ? new URL(publicUrl).origin : null });
        });
      case 'export-site':
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          return runExportSiteCommand(rest, { ...io, progress: progressLine }, deps, { publicUrl: loadConfig().publicUrl });
        });
      case 'archive':
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          return runArchiveCommand(rest, { ...io, progress: progressLine }, deps);
        });
      case 'remind': {
        if (rest.length) throw new DomainError('ERR_CLI_USAGE', `无法识别的参数“${rest[0]}”\n用法：remind`);
        const config = loadConfig();
        if (!config.smtp) throw new DomainError('ERR_CLI_USAGE', '未配置发信服务器：请设置 GONGKAI_SMTP_URL 和 GONGKAI_MAIL_FROM（见 docs/operations.md）');
        const smtp = config.smtp;
        return await withDb(async ({ deps }) => {
          await migrateToLatest(deps.db, deps.dialect);
          const r = await mailReminders(deps, smtpMailer(smtp), { siteUrl: config.publicUrl });
          io.stdout(`提醒邮件：发送 ${r.sent} 封（${r.reminders} 项提醒）${r.failed ? `，${r.failed} 封发送失败，下次运行时重发` : ''}`);
          return r.failed ? 1 : 0;
        });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`未知命令“${command}”。\n\n${HELP}`);
        return 2;
    }
  } catch (raw) {
    const e = explainSystemError(raw, safeConfig());
    if (isDomainError(e)) {
      io.stderr(`错误（${e.code}）：${e.message}`);
      return e.code === 'ERR_CLI_USAGE' ? 2 : 1;
    }
    io.stderr(`错误：${(e as Error).message}`);
    return 1;
  }
}

function safeConfig() {
  try {
    return loadConfig();
  } catch {
    return null;
  }
}

/**
 * Opens the database for one command. Only the commands that make a database (`migrate`, `seed --demo`,
 * `organ add`; and `serve`, `restore` their own way) pass `creates`; every other one refuses where
 * there is none instead of creating an empty one (refuseWithoutDatabase, docs/operations.md).
 */
async function withDb<T>(fn: (ctx: ReturnType<typeof makeDeps>) => Promise<T>, opts: { creates?: boolean; io?: Io } = {}): Promise<T> {
  const config = loadConfig();
  if (!opts.creates) refuseWithoutDatabase(config);
  // Not beside a start that prepares the database (start-marker.ts): it waits, then runs on what the start left.
  await waitForStart(config.dataDir, (opts.io ?? stdio).stderr);
  const ctx = makeDeps(config, pino({ level: 'warn' }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.handle.destroy();
  }
}

async function userCommand(rest: string[], io: Io): Promise<number> {
  const [sub, ...more] = rest;
  // Recovery when no administrator can sign in (docs/security.md): checked before the database is opened.
  if (sub === 'reset-2fa' || sub === 'set-password' || sub === 'reactivate') {
    return runUserRecoveryCommand(sub, more, { ...io, readSecret: io.readSecret ?? readSecretLine }, (fn) => withDb(async ({ deps, handle }) => {
      await migrateToLatest(deps.db, deps.dialect);
      try {
        return await fn(deps);
      } catch (e) {
        // The usual cause on a server: another data directory than the running service's (README, Command line).
        if (!isDomainError(e) || e.code !== 'ERR_IDENTITY_USER_NOT_FOUND') throw e;
        throw new DomainError(e.code, `${e.message}（所用数据：${handle.location}；须与运行中的服务相同的 GONGKAI_DATA_DIR 或 DATABASE_URL）`);
      }
    }));
  }
  if (sub !== 'add') {
    throw usage(`用法：user add --username U --password P --name 姓名 --organ 机关代码 [--role ${ROLES.join('|')}]
      user reset-2fa --username U
      user set-password --username U (--password P|--password-stdin)
      user reactivate --username U`);
  }
  const args = parseArgs(more, [], ['username', 'password', 'name', 'organ', 'role']);
  const role = (args.options.get('role') as string | undefined) ?? 'editor';
  if (!ROLES.includes(role as Role)) throw usage(`--role 应为 ${ROLES.join(' / ')} 之一`);
  const input = {
    username: requireOption(args, 'username', '登录用户名'),
    password: requireOption(args, 'password', '初始密码，至少 8 个字符'),
    displayName: requireOption(args, 'name', '姓名'),
    organCode: requireOption(args, 'organ', '所属机关代码，如 qhx-zjj'),
    role: role as Role,
  };
  return withDb(async ({ deps }) => {
    await migrateToLatest(deps.db, deps.dialect);
    const u = await createUser(deps, input, { userId: null, label: actorLabel(COMMAND_LINE_ACTOR) });
    io.stdout(`已新增用户 ${u.username}（编号 ${u.id}，角色 ${input.role}，机关 ${input.organCode}）`);
    return 0;
  }, { io });
}

/** Adds an organ from the command line: the first organ of a database started without the demo (GONGKAI_DEMO=false). */
async function organCommand(rest: string[], io: Io): Promise<number> {
  const [sub, ...more] = rest;
  if (sub !== 'add') throw usage('用法：organ add --code 机关代码 --name 机关全称 --kind government|department|unit --credit-code 统一社会信用代码 [--parent 上级机关代码] [--short-name 简称]');
  const args = parseArgs(more, [], ['code', 'name', 'kind', 'credit-code', 'parent', 'short-name']);
  const input = {
    code: requireOption(args, 'code', '机关代码，2–40 位小写字母、数字或连字符，用于网址'),
    name: requireOption(args, 'name', '机关全称'),
    kind: requireOption(args, 'kind', '机关类型：government（人民政府）、department（政府部门）或 unit（二级机构）'),
    creditCode: requireOption(args, 'credit-code', '统一社会信用代码（用于索引号）'),
    parentCode: (args.options.get('parent') as string | undefined) ?? null,
    shortName: (args.options.get('short-name') as string | undefined) ?? '',
  };
  return withDb(async ({ deps }) => {
    await migrateToLatest(deps.db, deps.dialect);
    const organ = await saveOrgan(deps, COMMAND_LINE_ACTOR, input);
    io.stdout(`已新增机关 ${organ.name}（代码 ${organ.code}）`);
    return 0;
  }, { creates: true, io });
}

async function tokenCommand(rest: string[], io: Io): Promise<number> {
  const [sub, ...more] = rest;
  const usageText = '用法：token create --user 用户名 --name 用途 [--days 天数|--no-expiry] [--read-only] [--organ 机关代码[,机关代码…]]\n      token list [--user 用户名]\n      token revoke 令牌编号';
  if (sub === 'create') {
    const args = parseArgs(more, ['read-only', 'no-expiry'], ['user', 'name', 'days', 'organ']);
    const user = requireOption(args, 'user', '用户名');
    const name = requireOption(args, 'name', '令牌用途');
    const rawDays = args.options.get('days');
    if (rawDays !== undefined && args.options.get('no-expiry') === true) throw usage('--days 与 --no-expiry 只能选一个');
    const days = args.options.get('no-expiry') === true ? null : rawDays === undefined ? undefined : Number(rawDays);
    const organ = args.options.get('organ');
    return withDb(async ({ deps }) => {
      await migrateToLatest(deps.db, deps.dialect);
      const token = await createApiToken(deps, user, name, { days, readOnly: args.options.get('read-only') === true, organCodes: typeof organ === 'string' ? organ.split(',') : undefined }, COMMAND_LINE_ACTOR);
      io.stdout(token);
      io.stderr('请妥善保存以上令牌，它只显示这一次。调用接口时使用：Authorization: Bearer <令牌>；用 token list 查看，token revoke 编号 撤销');
      return 0;
    });
  }
  if (sub === 'list') {
    const args = parseArgs(more, [], ['user']);
    const user = args.options.get('user');
    return withDb(async ({ deps }) => {
      await migrateToLatest(deps.db, deps.dialect);
      const rows = (await listApiTokens(deps, COMMAND_LINE_ACTOR)).filter((t) => typeof user !== 'string' || t.username === user);
      if (rows.length === 0) io.stdout('没有 API 令牌');
      const state = { active: '有效', expired: '已过期', revoked: '已撤销' } as const;
      for (const t of rows) {
        io.stdout([`#${t.id}`, t.username, t.name, state[t.state], t.readOnly ? '只读' : '读写', t.organCodes ? `限 ${t.organCodes.join(',')}` : '全部机关',
          `创建 ${chinaDateOf(new Date(t.createdAt))}`, t.expiresAt ? `到期 ${chinaDateOf(new Date(t.expiresAt))}` : '无期限', t.lastUsedAt ? `最近使用 ${t.lastUsedAt}` : '从未使用'].join('  '));
      }
      return 0;
    });
  }
  if (sub === 'revoke') {
    const args = parseArgs(more, [], []);
    const id = Number(args.positionals[0]);
    if (args.positionals.length !== 1 || !Number.isInteger(id) || id <= 0) throw usage(usageText);
    return withDb(async ({ deps }) => {
      await revokeApiToken(deps, COMMAND_LINE_ACTOR, id);
      io.stdout(`已撤销令牌 #${id}`);
      return 0;
    });
  }
  throw usage(usageText);
}

async function auditCommand(rest: string[], io: Io): Promise<number> {
  if (rest[0] === 'new-key') {
    // It records the loss in an existing log: where there is no database it would make one (and a key) to record it in.
    const config = loadConfig();
    refuseWithoutDatabase(config);
    return runAuditNewKeyCommand(rest.slice(1), io, config);
  }
  const args = parseArgs(rest, [], ['expect-head']);
  if (args.positionals[0] !== 'verify' || args.positionals.length !== 1) throw usage('用法：audit verify [--expect-head 链头哈希[,链头哈希…]] 或 audit new-key --old-key-lost');
  const raw = args.options.get('expect-head');
  const expectHeads = typeof raw === 'string' ? raw.split(',').map((h) => h.trim()).filter(Boolean) : [];
  for (const h of expectHeads) if (!/^[0-9a-f]{64}$/i.test(h)) throw usage(`--expect-head 应为 64 位十六进制的链头哈希，“${h}”不是`);
  return withDb(async ({ deps }) => {
    const r = await verifyAuditLog(deps.db, { expectHeads });
    if (r.breaks.length === 0) {
      io.stdout(`审计日志完整：共 ${r.entries} 条记录，哈希链${r.scheme === 'hmac-sha256' ? '（密钥 HMAC）' : '（尚未启用密钥）'}校验通过${expectHeads.length ? `，另行记录的 ${expectHeads.length} 个链头均在链中` : ''}`);
      // Recording this value elsewhere lets a later check (--expect-head) detect a rewritten chain.
      if (r.head) io.stdout(`链头哈希：${r.head.hash}（第 ${r.head.lastId} 条）`);
      if (r.keyLost) io.stdout(keyLostLine(r.keyLost));
      return 0;
    }
    if (r.keyLost) io.stderr(keyLostLine(r.keyLost));
    for (const b of r.breaks) io.stderr(b.problem);
    io.stderr(`审计日志校验失败：发现 ${r.breaks.length} 处断裂`);
    if (r.entries > 0 && r.breaks.filter((b) => b.problem.includes('哈希不符')).length === r.entries) {
      io.stderr('（每条记录都不符：若审计密钥 audit.key / GONGKAI_AUDIT_KEY 与写入时不同，请放回另行保管的原密钥；确已丢失时见 docs/operations.md#when-the-audit-key-is-lost）');
    }
    return 1;
  });
}

const keyLostLine = (k: NonNullable<AuditVerification['keyLost']>) =>
  `注意：原审计日志密钥已于 ${k.at} 记录为丢失（第 ${k.recordedIn} 条记录）；此前的 ${k.entries} 条记录无法再校验其内容，只核对了链接和条数`;

async function serve(io: Io): Promise<number> {
  keepServerHeapSmall();
  const config = loadConfig();
  await assertCanListen(config);
  // Commands run meanwhile in another shell wait for the database to be prepared (start-marker.ts).
  const unmark = markStarting(config.dataDir);
  let opened: ReturnType<typeof makeDeps> | null = null;
  try {
    opened = makeDeps(config);
    await prepareDatabase(opened.deps, config, io.stdout);
  } catch (e) {
    // A start that fails closes what it opened and answers (bin/gongkai then ends the process): it never stays up unready.
    await opened?.handle.destroy().catch(() => {});
    throw startFailed(e, config);
  } finally {
    unmark();
  }
  const { deps, handle } = opened;
  let jobs: ReturnType<typeof startJobs> | null = null;
  const app = await buildApp(deps, config, { jobStatus: () => jobs?.status() ?? [] });
  // Each job runs once per window however many instances share the database (docs/operations.md).
  const claims = databaseJobClaims(deps.db, `${os.hostname()}:${process.pid}`);
  const inspectionThread = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, auditKey: config.auditKey, logLevel: config.logLevel };
  jobs = startJobs(backgroundJobs(deps, { publicUrl: config.publicUrl, mailer: config.smtp ? smtpMailer(config.smtp) : null, inspectionThread }), deps.logger, undefined, claims);
  const close = async () => {
    await jobs?.stop();
    // Requests in flight finish; a keep-alive connection left idle after its answer is closed at
    // once instead of holding the shutdown for the 72-second keep-alive timeout (docs/operations.md).
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    await app.close();
    clearInterval(sweep);
    await handle.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  io.stdout(`gongkai 已启动：http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/ （数据：${handle.location}）`);
  io.stdout(`管理后台：http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/admin`);
  io.stdout(RUNS_COMPILED ? '运行编译后的代码（dist/）' : '运行 TypeScript 源码（先 npm run build 再启动，服务约少占 80 MB 内存）');
  return await new Promise<number>(() => {});
}

/** Holiday years an admin entered, for `deadline`; read only from a database that exists (the command never creates one). */
async function adminHolidayYearsForCli(): Promise<HolidayYear[]> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(sqliteFileIn(config.dataDir))) return [];
  return withDb(({ deps }) => loadAdminHolidayYearsIfMigrated(deps.db));
}
