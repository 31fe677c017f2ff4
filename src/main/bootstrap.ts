import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { systemClock } from '../shared/clock.ts';
import type { AppDeps } from '../platform/app-deps.ts';
import type { Config } from '../platform/config/config.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/connect.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createSecretBox } from '../platform/secrets/secret-box.ts';
import { loadOrCreateSecretKey } from '../platform/secrets/secret-key.ts';
import { actorLabel, createUser, FIRST_START_ACTOR, firstStartAdministrators, sealPlainTwoStepSecrets } from '../modules/identity/index.ts';
import { indexCondition, reindex } from '../modules/search/index.ts';
import { anyOrganExists, firstTopOrgan } from '../modules/catalog/index.ts';
import { auditKeyFitsLog, keyAuditChain, loadOrCreateAuditKey, useAuditKey } from '../modules/audit/index.ts';
import { completeDemoRegion, DEMO_STEPS, seedDemoRegion, seedDemoSearchLog, unfinishedDemoSteps } from './seed-demo.ts';

export function makeDeps(config: Config, logger?: Logger): { deps: AppDeps; handle: DatabaseHandle } {
  // The audit chain's key lives outside the database (docs/security.md), and out of the backups (ADR 0032):
  // loaded before the database is opened, since a missing or damaged key stops everything.
  const auditKey = loadOrCreateAuditKey(config.dataDir, config.auditKey);
  useAuditKey(auditKey.key, config.dataDir);
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // So is the key that seals the staff TOTP secrets (ADR 0025).
  const secretKey = loadOrCreateSecretKey(config.dataDir, config.secretKey);
  const deps: AppDeps = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    dataDir: config.dataDir,
    logger: logger ?? pino({ level: config.logLevel }),
    publicUrl: config.publicUrl,
    secretBox: createSecretBox(secretKey.key),
  };
  for (const w of auditKey.warnings) deps.logger.warn({ keyFile: auditKey.source }, w);
  if (auditKey.created) deps.logger.info({ keyFile: auditKey.source }, `已生成审计日志密钥 ${auditKey.source}：它不在备份中，请另行复制一份离线保管；丢失后已有的审计日志将无法校验（docs/operations.md）`);
  for (const w of secretKey.warnings) deps.logger.warn({ keyFile: secretKey.source }, w);
  if (secretKey.created) deps.logger.info({ keyFile: secretKey.source }, `已生成两步验证密钥的加密密钥 ${secretKey.source}：它不在备份中，请另行复制一份妥善保管（docs/operations.md）`);
  return { deps, handle };
}

/**
 * What the first start does: migrate, load the demo region into an empty database (unless
 * GONGKAI_DEMO=false) — or complete one a first start stopped loading (ADR 0055) — and create the `admin` account when there is no system administrator and an organ to
 * hold it (password from GONGKAI_ADMIN_PASSWORD, or a random one printed once; createFirstAdministrator).
 */
export async function prepareDatabase(deps: AppDeps, config: Config, say: (line: string) => void): Promise<void> {
  const applied = await migrateToLatest(deps.db, deps.dialect);
  if (applied.length) say(`数据库已迁移：${applied.join(', ')}`);
  if (await keyAuditChain(deps.db, deps.dialect, deps.clock.now().toISOString())) say('审计日志已启用密钥（HMAC），旧链的校验结果记入 audit.rekey 记录');
  // A key put back that is not the one the log was written with (ADR 0032): said at once, not found at the next audit verify.
  if ((await auditKeyFitsLog(deps.db)) === false) {
    const line = '审计日志链头的签名与当前的审计日志密钥不符：放回的 audit.key（或 GONGKAI_AUDIT_KEY）不是写入时的密钥，或链头被改动。请运行 ./bin/gongkai audit verify 核对，放回另行保管的原密钥；原密钥确已丢失时见 docs/operations.md#when-the-audit-key-is-lost';
    deps.logger.error(line);
    say(line);
  }
  // Plain TOTP secrets from before ADR 0025 are sealed now, not left for each officer's next sign-in.
  const secrets = await sealPlainTwoStepSecrets(deps);
  if (secrets.sealed) say(`已加密保存 ${secrets.sealed} 个原以明文存放的两步验证密钥（ADR 0025）；此前的备份中仍是明文，请妥善保管或按期销毁`);
  const seedingDemo = config.demo && !(await anyOrganExists(deps.db));
  // A first start that stopped while loading the demo (after its organs were written) left steps undone: completed now.
  const unfinished = config.demo && !seedingDemo ? await unfinishedDemoSteps(deps) : [];
  if (seedingDemo) {
    const r = await seedDemoRegion(deps);
    say(`数据库为空，已载入演示数据：${r.organs} 个机关，${r.nodes} 个目录栏目，${r.publications} 条公开信息，${r.applications} 件依申请公开案件，${r.appeals} 件复议诉讼，${r.attachments} 个附件，${r.proposals} 件建议提案，${r.consultations} 件意见征集`);
  } else if (unfinished.some((s) => s !== 'search-log')) {
    await completeDemoRegion(deps);
    say(`上次启动未载入完演示数据，已继续载入：${unfinished.filter((s) => s !== 'search-log').map((s) => DEMO_STEPS[s]).join('、')}`);
  }
  // The search index: built on the first start, before serving (the demo data is searchable from `npm start`). One built
  // by an earlier version is rebuilt in the background while the portal serves (docs/search.md): at a million items a
  // rebuild takes hours, which an upgrade must not keep the portal down for.
  const condition = await indexCondition(deps);
  if (condition === 'unbuilt') {
    const r = await reindex(deps);
    say(`已建立检索索引：${r.items} 条公开信息`);
  } else if (condition === 'outdated') {
    say('检索索引由旧版本建立，服务照常启动，索引在后台逐批按新版本重建（完成前检索按各条信息的旧索引回答）；也可停止服务后运行 ./bin/gongkai reindex 一次重建完');
  }
  // The demo's search log, searched against the index just built, so 检索统计 shows terms from the first start.
  if (seedingDemo || unfinished.includes('search-log')) {
    const log = await seedDemoSearchLog(deps);
    say(`已载入演示检索记录：最近 90 天 ${log.searches} 次检索，${log.terms} 个检索词`);
  }
  await createFirstAdministrator(deps, config, say);
}

/**
 * `admin` is created when there is no system administrator (an active user with the role system_admin) and the name
 * is free — not only when there is no user at all: staff added with `user add` before or during the first start (the
 * README's review-workflow lines) must not leave the installation without one, nor GONGKAI_ADMIN_PASSWORD silently
 * unused. An operator who keeps another system administrator (and deactivated admin on purpose) gets nothing created.
 * When the start creates none it says why, in one line — where a system administrator is in place, only when
 * GONGKAI_ADMIN_PASSWORD was given (it went unused); an ordinary restart says nothing about admin.
 */
async function createFirstAdministrator(deps: AppDeps, config: Config, say: (line: string) => void): Promise<void> {
  const unused = config.adminPassword ? '；GONGKAI_ADMIN_PASSWORD 未使用' : '';
  const { systemAdmins, admin } = await firstStartAdministrators(deps.db);
  if (systemAdmins.length) {
    // The usual restart: only a password given for nothing is worth a line (else every start would print it).
    if (!config.adminPassword) return;
    const more = systemAdmins.length > 1 ? ` 等 ${systemAdmins.length} 人` : '';
    say(`已有系统管理员 ${systemAdmins.slice(0, 3).join('、')}${more}，未创建 admin${unused}`);
    return;
  }
  if (admin) {
    say(admin.isActive
      ? `没有在用的系统管理员，但用户名 admin 已被一个不是系统管理员的账号占用，未创建 admin${unused}。请用 ./bin/gongkai user add --role system_admin 新增系统管理员`
      : `没有在用的系统管理员，但用户名 admin 已被停用的账号占用，未创建 admin${unused}。请用 ./bin/gongkai user reactivate --username admin 重新启用（docs/security.md），或用 ./bin/gongkai user add --role system_admin 新增`);
    return;
  }
  const top = await firstTopOrgan(deps.db);
  if (!top) {
    // A real deployment (GONGKAI_DEMO=false) starts empty: the administrator belongs to an organ, so it waits for the first one.
    say('数据库中还没有机关（GONGKAI_DEMO=false，未载入演示数据）。请先新增本级机关，例如：\n  ./bin/gongkai organ add --code qlx --name 青岚县人民政府 --kind government --credit-code 11341529003089526X\n再次启动时将创建管理员账号 admin。');
    return;
  }
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  await createUser(deps, { username: 'admin', displayName: '系统管理员', password, organCode: top.code, role: 'system_admin' }, { userId: null, label: actorLabel(FIRST_START_ACTOR) });
  say(
    config.adminPassword
      ? '已创建管理员账号 admin（密码为 GONGKAI_ADMIN_PASSWORD 的值）'
      : `已创建管理员账号 admin，初始密码：${password}\n（此密码只显示这一次，请妥善保存；如需更多管理员，可用 ./bin/gongkai user add 新增）`,
  );
}
