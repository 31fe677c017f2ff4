import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { parseOptions } from '../../../platform/cli/cli-args.ts';
import { COMMAND_LINE_ACTOR } from '../domain/actor.ts';
import { reactivateByUsername, resetTwoStepByUsername, setPasswordByUsername } from '../use-cases/recover-account.ts';

export type UserRecoveryIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The first line of standard input (a prompt on the terminal, nothing echoed), for --password-stdin. */
  readSecret: (prompt: string) => Promise<string>;
};

/** Runs `fn` on the server's database (migrated), closing it after. */
export type WithDeps = <T>(fn: (deps: AppDeps) => Promise<T>) => Promise<T>;

const RESET_USAGE = '用法：user reset-2fa --username U';
const SET_USAGE = '用法：user set-password --username U (--password P|--password-stdin)';
const REACTIVATE_USAGE = '用法：user reactivate --username U';
const usage = (m: string, usageText: string) => new DomainError('ERR_CLI_USAGE', `${m}\n\n${usageText}`);
const inactiveNote = (active: boolean) => (active ? '' : '\n注意：该账号已停用，仍不能登录。');

/**
 * `user reset-2fa`, `user set-password` and `user reactivate`: the user page's 重置两步验证, 重置密码
 * and 重新启用账号 from the server's shell, for when no administrator can sign in (docs/security.md,
 * "Locked out"). The command line is checked, and the password read, before the database is opened.
 * Exit 0 done (or nothing to do), 1 refused, 2 usage.
 */
export async function runUserRecoveryCommand(sub: 'reset-2fa' | 'set-password' | 'reactivate', argv: string[], io: UserRecoveryIo, withDeps: WithDeps): Promise<number> {
  const actor = COMMAND_LINE_ACTOR;
  if (sub === 'reactivate') {
    const o = parseOptions(argv, ['username'], [], REACTIVATE_USAGE);
    const username = requiredUsername(o, REACTIVATE_USAGE);
    const r = await withDeps((deps) => reactivateByUsername(deps, actor, username));
    io.stdout(r.wasActive
      ? `用户 ${r.username} 未停用，无需重新启用；未做任何更改。`
      : `已重新启用用户 ${r.username}，其可以用原密码（及两步验证）登录，角色不变。停用时吊销的 API 令牌不会恢复，如需使用请重新创建（token create）。`);
    return 0;
  }
  if (sub === 'reset-2fa') {
    const o = parseOptions(argv, ['username'], [], RESET_USAGE);
    const username = requiredUsername(o, RESET_USAGE);
    const r = await withDeps((deps) => resetTwoStepByUsername(deps, actor, username));
    const next = r.mustEnrol ? '请其用密码登录；其机关要求两步验证，登录后将直接进入设置页面' : '请其用密码登录，再在“我的账号”重新设置两步验证';
    io.stdout(r.hadTwoStep
      ? `已重置用户 ${r.username} 的两步验证：验证器密钥和恢复码已清除，其登录已全部退出。${next}。${inactiveNote(r.active)}`
      : `用户 ${r.username} 未启用两步验证，无需重置；未做任何更改。`);
    return 0;
  }
  const o = parseOptions(argv, ['username', 'password'], ['password-stdin'], SET_USAGE);
  const username = requiredUsername(o, SET_USAGE);
  const given = o.get('password');
  const fromStdin = o.get('password-stdin') === true;
  if (given !== undefined && fromStdin) throw usage('--password 与 --password-stdin 只能选一个', SET_USAGE);
  if (given === undefined && !fromStdin) throw usage('缺少 --password 或 --password-stdin（新密码，至少 8 个字符；--password-stdin 从标准输入读取第一行，不留在 shell 历史中）', SET_USAGE);
  const password = fromStdin ? await io.readSecret(`用户 ${username} 的新密码：`) : String(given);
  if (fromStdin && password === '') throw usage('标准输入中没有读到密码（--password-stdin 读取第一行）', SET_USAGE);
  const r = await withDeps((deps) => setPasswordByUsername(deps, actor, username, password));
  io.stdout(`已为用户 ${r.username} 设置新密码${r.wasLocked ? '并解除锁定' : ''}，其登录已全部退出。${inactiveNote(r.active)}`);
  if (!fromStdin) io.stderr('提示：--password 写在命令行上会留在 shell 历史中，可改用 --password-stdin 从标准输入读取。');
  return 0;
}

function requiredUsername(o: Map<string, string | true>, usageText: string): string {
  const v = o.get('username');
  if (typeof v !== 'string' || v.trim() === '') throw usage('缺少 --username（登录用户名）', usageText);
  return v.trim();
}
