import { describe, expect, it } from 'vitest';
import { parseArgs, parseOptions } from './cli-args.ts';

describe('command-line options', () => {
  it('reads --name value, --name=value and bare flags', () => {
    const { positionals, options } = parseArgs(['list', '--organ', 'qlx-zjj', '--year=2025', '--json'], ['json'], ['organ', 'year']);
    expect(positionals).toEqual(['list']);
    expect([...options]).toEqual([['organ', 'qlx-zjj'], ['year', '2025'], ['json', true]]);
  });

  it('refuses, with the command’s usage, a stray word, an unknown option and an option without its value', () => {
    const refusal = (argv: string[]) => { try { parseOptions(argv, ['organ'], ['json'], '用法：示例'); return null; } catch (e) { return e as Error & { code: string }; } };
    expect(refusal(['--organ', 'a', '--json'])).toBeNull();
    expect(refusal(['--organ='])?.message).toContain('选项 --organ 需要一个值');
    for (const [argv, reason] of [[['stray'], '无法识别的参数“stray”'], [['--organs', 'a'], '未知选项 --organs'], [['--organ'], '选项 --organ 需要一个值'], [['--organ', '--json'], '选项 --organ 需要一个值']] as const) {
      const e = refusal([...argv]);
      expect(e?.code).toBe('ERR_CLI_USAGE');
      expect(e?.message).toContain(reason);
      expect(e?.message).toMatch(/\n\n用法：示例$/);
    }
  });
});
