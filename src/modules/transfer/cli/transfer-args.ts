import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { parseArgs } from '../../../platform/cli/cli-args.ts';

/**
 * The import and export commands' arguments, read by the CLI's one parser (`--name value`,
 * `--name=value`, bare flags, an unknown option refused); every refusal ends with the command's usage.
 */
export function transferArgs(argv: string[], options: string[], flags: string[], usage: string) {
  const refuse = (m: string) => new DomainError('ERR_CLI_USAGE', `${m}\n${usage}`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, flags, options);
  } catch (e) {
    throw isDomainError(e) ? refuse(e.message) : e;
  }
  for (const [name, v] of parsed.options) if (v === '') throw refuse(`选项 --${name} 需要一个值`);
  const text = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  return { positionals: parsed.positionals, has: (name: string) => parsed.options.get(name) === true, text, refuse };
}
