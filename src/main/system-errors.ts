import net from 'node:net';
import { DomainError } from '../shared/domain-error.ts';
import type { Config } from '../platform/config/config.ts';

/**
 * Turns what the operating system, PostgreSQL or SQLite say about a bad setting into a Chinese
 * message that names the environment variable to fix. Other errors pass through unchanged.
 */
export function explainSystemError(e: unknown, config: Config | null): unknown {
  const err = e as { code?: string; message?: string; syscall?: string };
  const code = err?.code ?? '';
  const dbUrl = config?.databaseUrl?.replace(/:[^:@/]*@/, ':***@');
  const wrap = (variable: string, message: string) => new DomainError('ERR_CONFIG_INVALID', `配置有误（${variable}）：${message}`, { field: variable });
  if (config?.databaseUrl) {
    if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || (code === 'ENOTFOUND' && err.syscall === 'getaddrinfo' && !err.message?.includes('listen'))) {
      return wrap('DATABASE_URL', `无法连接 PostgreSQL（${dbUrl}）：请确认数据库已启动，主机和端口正确`);
    }
    if (code === '3D000') return wrap('DATABASE_URL', `PostgreSQL 中没有这个数据库（${dbUrl}）：请先创建，如 createdb -h 127.0.0.1 -U postgres gongkai`);
    if (code === '28P01' || code === '28000') return wrap('DATABASE_URL', `PostgreSQL 拒绝了用户名或密码（${dbUrl}）`);
    if (/SSL|ssl/.test(err.message ?? '') && /server does not support/.test(err.message ?? '')) return wrap('DATABASE_URL', '该 PostgreSQL 不支持 SSL，请去掉 sslmode 参数');
  }
  if (['EEXIST', 'ENOTDIR', 'EACCES', 'EROFS', 'SQLITE_CANTOPEN'].includes(code) && config) {
    return wrap('GONGKAI_DATA_DIR', `数据目录 ${config.dataDir} 不可用（${code}）：请指定一个可写的目录`);
  }
  if (isSqliteLocked(e)) {
    return new DomainError(
      'ERR_DATABASE_LOCKED',
      `数据库被另一个进程锁定（database is locked），本次操作未完成：另一个 gongkai 命令或程序正在写入同一个 SQLite 数据库${config ? `（${config.dataDir}）` : ''}。请等它结束后重试。`,
    );
  }
  return e;
}

/** SQLite's refusal because another connection holds or has moved past the write lock (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED). */
export function isSqliteLocked(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * What `serve` reports when its start (migrations, the demo, the search index, admin) fails: one Chinese line that says
 * the service did not start and why — the process then ends with exit status 1 (bin/gongkai), never staying up unready.
 */
export function startFailed(e: unknown, config: Config): DomainError {
  if (isSqliteLocked(e)) {
    return new DomainError(
      'ERR_DATABASE_LOCKED',
      `服务未启动：数据库被另一个程序锁定（database is locked），另一个程序正在写入同一个 SQLite 数据库（${config.dataDir}）。` +
        '请结束该程序后重新启动（gongkai 自己的命令会等启动准备好数据库再执行，不会与之冲突）',
    );
  }
  const explained = explainSystemError(e, config);
  if (explained instanceof DomainError) return new DomainError(explained.code, `服务未启动：${explained.message}`, { field: explained.field });
  return new DomainError('ERR_START_FAILED', `服务未启动：准备数据库时出错（${(explained as Error)?.message ?? String(explained)}）。请按提示处理后重新启动；原因不明时请保留以上输出并报告`);
}

/** Checks HOST and PORT before anything is migrated or seeded, so a bad one fails at once. */
export async function assertCanListen(config: Config): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new DomainError('ERR_CONFIG_INVALID', `配置有误（PORT）：端口 ${config.port} 已被占用，请设置 PORT 为其他端口`, { field: 'PORT' }));
      else if (e.code === 'EACCES') reject(new DomainError('ERR_CONFIG_INVALID', `配置有误（PORT）：没有权限使用端口 ${config.port}（小于 1024 的端口需要管理员权限）`, { field: 'PORT' }));
      else reject(new DomainError('ERR_CONFIG_INVALID', `配置有误（HOST）：无法在本机监听“${config.host}”（${e.code}）`, { field: 'HOST' }));
    });
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}
