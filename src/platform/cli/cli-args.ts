import { DomainError } from '../../shared/domain-error.ts';

export type ParsedArgs = { positionals: string[]; options: Map<string, string | true> };

/** `--name value`, `--name=value` and bare `--flag`. */
export function parseArgs(argv: string[], flags: string[] = [], allowed?: string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    // A mistyped option is refused rather than silently ignored.
    if (allowed && !allowed.includes(name) && !flags.includes(name)) throw usage(`未知选项 --${name}，可用：${[...allowed, ...flags].map((o) => `--${o}`).join(' ')}`);
    if (eq > 0) options.set(name, a.slice(eq + 1));
    else if (flags.includes(name)) options.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw usage(`选项 --${name} 需要一个值`);
      options.set(name, value);
      i++;
    }
  }
  return { positionals, options };
}

export function requireOption(args: ParsedArgs, name: string, what: string): string {
  const v = args.options.get(name);
  if (typeof v !== 'string' || v.trim() === '') throw usage(`缺少 --${name}（${what}）`);
  return v;
}

export const usage = (message: string) => new DomainError('ERR_CLI_USAGE', message);

/** `parseArgs`, with the command's usage after the reason of every refusal; an empty value is refused too. */
export function parseWithUsage(argv: string[], allowed: string[], flags: string[], usageText: string): ParsedArgs {
  const refuse = (m: string) => new DomainError('ERR_CLI_USAGE', `${m}\n\n${usageText}`);
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv, flags, allowed);
  } catch (e) {
    throw e instanceof DomainError && e.code === 'ERR_CLI_USAGE' ? refuse(e.message) : e;
  }
  for (const [name, v] of parsed.options) if (v === '') throw refuse(`选项 --${name} 需要一个值`);
  return parsed;
}

/**
 * A subcommand that takes options only: `allowed` with a value, `flags` without. A stray word, an
 * unknown option or one missing its value is refused with its reason followed by the command's usage.
 */
export function parseOptions(argv: string[], allowed: string[], flags: string[], usageText: string): Map<string, string | true> {
  const { positionals, options } = parseWithUsage(argv, allowed, flags, usageText);
  if (positionals.length > 0) throw new DomainError('ERR_CLI_USAGE', `无法识别的参数“${positionals[0]}”\n\n${usageText}`);
  return options;
}
