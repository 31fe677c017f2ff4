import path from 'node:path';
import { DomainError } from '../../shared/domain-error.ts';
import { parseSecretKey } from '../secrets/secret-key.ts';

/**
 * The only reader of process.env. The server and every ./bin/gongkai command load the same
 * configuration, so they act on the same data.
 */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  publicUrl: string | null;
  logLevel: string;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (rate limits are per address). */
  trustProxy: boolean;
  /** Key of the audit chain's HMAC (GONGKAI_AUDIT_KEY); null = the file audit.key in the data directory. */
  auditKey: string | null;
  /**
   * Key that seals secrets kept in the database, the staff TOTP secrets (GONGKAI_SECRET_KEY, 32 bytes
   * as hex or base64; the same on every instance of one PostgreSQL); null = the file secret.key in
   * the data directory (ADR 0025).
   */
  secretKey: string | null;
  /** Where reminder e-mails go out (GONGKAI_SMTP_URL, smtp:// or smtps://) and from whom; null = no e-mail. */
  smtp: { url: string; from: string } | null;
  /**
   * Behind nginx, the internal location that serves the attachments directory (GONGKAI_ACCEL_REDIRECT,
   * e.g. /_files/): public attachments are then answered with X-Accel-Redirect and nginx sends the
   * bytes (docs/deployment.md). null = the server sends them itself.
   */
  accelRedirect: string | null;
  /** Load the demo region into an empty database at the first start (GONGKAI_DEMO, default on); off for a real deployment. */
  demo: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw configError('PORT', `PORT 应为 0–65535 之间的整数，当前为“${env.PORT}”`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  if (/\s/.test(host)) throw configError('HOST', `HOST 不能包含空白字符，当前为“${env.HOST}”`);

  const dataDir = path.resolve(cwd, env.GONGKAI_DATA_DIR?.trim() || './data');

  const rawUrl = env.DATABASE_URL?.trim() || null;
  if (rawUrl !== null && !/^postgres(ql)?:\/\/[^\s]+$/.test(rawUrl)) {
    throw configError('DATABASE_URL', 'DATABASE_URL 应为 postgres://用户@主机:端口/数据库 形式；不设置时使用 ./data 下的 SQLite');
  }

  const adminPassword = env.GONGKAI_ADMIN_PASSWORD ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw configError('GONGKAI_ADMIN_PASSWORD', 'GONGKAI_ADMIN_PASSWORD 至少需要 8 个字符');
  }

  const publicUrl = env.GONGKAI_PUBLIC_URL?.trim() || null;
  if (publicUrl !== null && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl)) {
    throw configError('GONGKAI_PUBLIC_URL', 'GONGKAI_PUBLIC_URL 应为 http(s):// 开头的网址');
  }

  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw configError('LOG_LEVEL', 'LOG_LEVEL 应为 fatal/error/warn/info/debug/trace/silent 之一');
  }

  const rawProxy = env.GONGKAI_TRUST_PROXY?.trim().toLowerCase() || 'false';
  if (!['true', 'false', '1', '0'].includes(rawProxy)) throw configError('GONGKAI_TRUST_PROXY', 'GONGKAI_TRUST_PROXY 应为 true 或 false');
  const trustProxy = rawProxy === 'true' || rawProxy === '1';

  const auditKey = env.GONGKAI_AUDIT_KEY?.trim() || null;
  if (auditKey !== null && auditKey.length < 32) throw configError('GONGKAI_AUDIT_KEY', 'GONGKAI_AUDIT_KEY 至少需要 32 个字符（建议 64 位十六进制随机数）');

  const secretKey = env.GONGKAI_SECRET_KEY?.trim() || null;
  if (secretKey !== null && !parseSecretKey(secretKey)) {
    throw configError('GONGKAI_SECRET_KEY', 'GONGKAI_SECRET_KEY 应为 32 字节的随机数，写作 64 位十六进制或 base64（如 openssl rand -hex 32 的输出）；不设置时使用数据目录中的 secret.key');
  }

  const smtpUrl = env.GONGKAI_SMTP_URL?.trim() || null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s/]+(\/[^\s]*)?$/.test(smtpUrl)) {
    throw configError('GONGKAI_SMTP_URL', 'GONGKAI_SMTP_URL 应为 smtp://用户:密码@主机:端口 或 smtps://… 形式；不设置时只在待办中提醒，不发邮件');
  }
  const mailFrom = env.GONGKAI_MAIL_FROM?.trim() || null;
  if (smtpUrl !== null && (mailFrom === null || !/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom.replace(/^.*<(.+)>\s*$/, '$1')))) {
    throw configError('GONGKAI_MAIL_FROM', '设置了 GONGKAI_SMTP_URL 时须同时设置发件地址 GONGKAI_MAIL_FROM（如 gongkai@zjj.example.gov.cn 或 "县住建局政务公开" <gongkai@zjj.example.gov.cn>）');
  }
  const smtp = smtpUrl && mailFrom ? { url: smtpUrl, from: mailFrom } : null;

  const accelRedirect = env.GONGKAI_ACCEL_REDIRECT?.trim() || null;
  if (accelRedirect !== null && !/^\/[A-Za-z0-9_\-/]*\/$/.test(accelRedirect)) {
    throw configError('GONGKAI_ACCEL_REDIRECT', 'GONGKAI_ACCEL_REDIRECT 应为 nginx 内部 location 的路径，以 / 开头并以 / 结尾，如 /_files/');
  }

  const rawDemo = env.GONGKAI_DEMO?.trim().toLowerCase() || 'true';
  if (!['true', 'false', '1', '0'].includes(rawDemo)) throw configError('GONGKAI_DEMO', 'GONGKAI_DEMO 应为 true 或 false（false：首次启动不载入演示数据）');
  const demo = rawDemo === 'true' || rawDemo === '1';

  return { port, host, dataDir, databaseUrl: rawUrl, adminPassword, publicUrl: publicUrl?.replace(/\/$/, '') ?? null, logLevel, trustProxy, auditKey, secretKey, smtp, accelRedirect, demo };
}

function configError(variable: string, message: string): DomainError {
  return new DomainError('ERR_CONFIG_INVALID', `配置有误（${variable}）：${message}`, { field: variable });
}
