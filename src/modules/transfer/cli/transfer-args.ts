import { DomainError } from '../../../shared/domain-error.ts';
import { parseWithUsage } from '../../../platform/cli/cli-args.ts';

/**
 * The import and export commands' arguments, read by the CLI's one parser (`--name value`,
 * `--name=value`, bare flags, an unknown option refused); every refusal ends with the command's usage.
 */
export function transferArgs(argv: string[], options: string[], flags: string[], usage: string) {
  const refuse = (m: string) => new DomainError('ERR_CLI_USAGE', `${m}\n${usage}`);
  const parsed = parseWithUsage(argv, options, flags, usage);
  const text = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  return { positionals: parsed.positionals, has: (name: string) => parsed.options.get(name) === true, text, refuse };
}
