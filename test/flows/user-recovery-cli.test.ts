import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli.ts';
import { captureIo } from '../support/cli.ts';
import { makeTempDir } from '../support/temp-dirs.ts';

// `user reset-2fa` and `user set-password` refuse a wrong command line with its usage, before any
// database is opened (exit 2); the password may come from standard input instead of the shell history.
describe('./bin/gongkai user reset-2fa / set-password: the command line', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // Were a refusal missed, the command would open a database: an empty folder, never ./data.
    process.env.GONGKAI_DATA_DIR = makeTempDir('user-recovery-usage');
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
  });

  const run = async (argv: string[], stdin: string | null = null) => {
    const c = captureIo();
    const read: string[] = [];
    const io = { ...c.io, readSecret: async (prompt: string) => {
      read.push(prompt);
      if (stdin === null) throw new Error('standard input read unexpectedly');
      return stdin;
    } };
    return { code: await main(argv, io), out: c.out.join('\n'), err: c.err.join('\n'), read };
  };

  it.each([
    [['user', 'reset-2fa'], '缺少 --username'],
    [['user', 'reset-2fa', '--username', 'admin', 'extra'], '无法识别的参数“extra”'],
    [['user', 'reset-2fa', '--username', 'admin', '--password', 'x'], '未知选项 --password'],
    [['user', 'set-password', '--password', 'long-enough-1'], '缺少 --username'],
    [['user', 'set-password', '--username', 'admin'], '缺少 --password 或 --password-stdin'],
    [['user', 'set-password', '--username', 'admin', '--password', 'long-enough-1', '--password-stdin'], '--password 与 --password-stdin 只能选一个'],
    [['user', 'reactivate'], '缺少 --username'],
    [['user', 'reactivate', '--username', 'admin', '--password', 'x'], '未知选项 --password'],
    [['user', 'frobnicate'], 'user reset-2fa --username U'],
  ])('%j is refused with exit 2 and says why', async (argv, why) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ERR_CLI_USAGE');
    expect(r.err).toContain(why);
    expect(r.out).toBe('');
  });

  it('the usage of `user` lists all four commands', async () => {
    const r = await run(['user']);
    expect(r.code).toBe(2);
    for (const line of ['user add --username U', 'user reset-2fa --username U', 'user set-password --username U (--password P|--password-stdin)', 'user reactivate --username U']) expect(r.err).toContain(line);
  });

  it('--password-stdin with nothing on standard input is refused before the database', async () => {
    const r = await run(['user', 'set-password', '--username', 'admin', '--password-stdin'], '');
    expect(r.code).toBe(2);
    expect(r.err).toContain('标准输入中没有读到密码');
    expect(r.read).toHaveLength(1);
  });
});
