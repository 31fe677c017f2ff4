import { DomainError } from '../../../shared/domain-error.ts';

/** `--name value`, `--name=value` and bare flags; an unknown option is refused with the usage. */
export function transferArgs(argv: string[], options: string[], flags: string[], usage: string) {
  const positionals: string[] = [];
  const values = new Map<string, string | true>();
  const refuse = (m: string) => new DomainError('ERR_CLI_USAGE', `${m}\n${usage}`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (flags.includes(name) && eq < 0) values.set(name, true);
    else if (options.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v.startsWith('--') || v === '') throw refuse(`选项 --${name} 需要一个值`);
      values.set(name, v);
    } else throw refuse(`未知选项 ${a}`);
  }
  const text = (name: string) => {
    const v = values.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  return { positionals, has: (name: string) => values.get(name) === true, text, refuse };
}
