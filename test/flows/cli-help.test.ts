import { describe, expect, it } from 'vitest';
import { main } from '../../src/main/cli.ts';
import { captureIo } from '../support/cli.ts';
import { makeTempDir } from '../support/temp-dirs.ts';

describe('./bin/gongkai COMMAND --help', () => {
  it.each([
    [['reindex', '--help'], /^ {2}reindex \[--organ 机关代码\]/m],
    [['user', 'add', '-h'], /^ {2}user add --username U/m],
    [['user', 'reset-2fa', '--help'], /^ {2}user reset-2fa --username U[\s\S]*两步验证/m],
    [['user', 'set-password', '--help'], /^ {2}user set-password --username U \(--password P\|--password-stdin\)[\s\S]*标准输入/m],
    [['user', 'reactivate', '--help'], /^ {2}user reactivate --username U[\s\S]*停用/m],
    [['token', '--help'], /^ {2}token create[\s\S]*token list[\s\S]*token revoke/m],
    [['import', 'items', '--help'], /^ {2}import applications[\s\S]*import items[\s\S]*--dry-run 只检查/m],
  ])('prints what %j does and succeeds, touching no database', async (argv, shown) => {
    const c = captureIo();
    expect(await main(argv, c.io)).toBe(0);
    expect(c.err).toEqual([]);
    expect(c.out.join('\n')).toMatch(shown);
  });

  it('still refuses an unknown option of a command with its usage', async () => {
    // On a database of its own: reindex works only where there is one (without, it says so first).
    const saved = { ...process.env };
    process.env.GONGKAI_DATA_DIR = makeTempDir('cli-help');
    delete process.env.DATABASE_URL;
    try {
      expect(await main(['migrate'], captureIo().io)).toBe(0);
      const c = captureIo();
      expect(await main(['reindex', '--organs', 'X'], c.io)).toBe(2);
      expect(c.err.join('\n')).toContain('reindex [--organ 机关代码]');
      // The option without its code (an outside tester read 无法识别的参数“--organ” for it): the code is asked for.
      for (const argv of [['reindex', '--organ'], ['reindex', '--organ', '--organ']]) {
        const d = captureIo();
        expect(await main(argv, d.io)).toBe(2);
        expect(d.err.join('\n')).toContain('--organ 后缺少机关代码');
        expect(d.err.join('\n')).not.toContain('无法识别');
      }
    } finally {
      process.env = saved;
    }
  });
});
