import type { DeadlineInput, DeadlinePause } from '../domain/deadline-input.ts';

export const DEADLINE_USAGE = [
  '用法：gongkai deadline --received YYYY-MM-DD [--days N] [--pause 开始..结束]… [--restart YYYY-MM-DD] [--extend N] [--json]',
  '  --received  收到申请日期，当日不计（民法典第二百零一条）',
  '  --days      期限的工作日数，默认20（条例第三十三条第二款）',
  '  --pause     暂停计算的期间，开始和结束日期均含在内，可重复（条例第三十三条第三款）',
  '  --restart   收到补正后申请的日期，自次日起重新计算（条例第三十条）',
  '  --extend    延长的工作日数，最多20，自原截止日期次日起算（条例第三十三条第二款）',
  '  --json      以JSON输出：{"due":"YYYY-MM-DD","warnings":[…],"trace":[…]}',
].join('\n');

export type ParsedDeadlineArgs =
  | { kind: 'run'; input: DeadlineInput; json: boolean }
  | { kind: 'help' }
  | { kind: 'usage_error'; message: string };

const VALUE_OPTIONS = ['--received', '--days', '--pause', '--restart', '--extend'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
const isValueOption = (s: string): s is ValueOption => (VALUE_OPTIONS as readonly string[]).includes(s);

/**
 * Reads `deadline …` arguments (with or without the leading command word). Only the shape is checked
 * here; dates and limits are judged by the domain, so the messages stay in one place.
 */
export function parseDeadlineArgs(argv: readonly string[]): ParsedDeadlineArgs {
  const args = argv[0] === 'deadline' ? argv.slice(1) : [...argv];
  const single = new Map<ValueOption, string>();
  const pauses: DeadlinePause[] = [];
  let json = false;

  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') {
      json = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!isValueOption(name)) {
      return usageError(arg.startsWith('-') ? `不认识的选项“${arg}”` : `多余的参数“${arg}”`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return usageError(`选项${name}缺少取值`);
      i += 1;
    }
    if (name === '--pause') {
      const pause = parsePause(value);
      if (!pause) return usageError(`--pause的取值“${value}”应写成“开始日期..结束日期”，如2025-10-10..2025-10-20`);
      pauses.push(pause);
      continue;
    }
    if (single.has(name)) return usageError(`选项${name}只能给一次`);
    single.set(name, value);
  }

  const receivedOn = single.get('--received');
  if (receivedOn === undefined) return usageError('缺少必填选项--received（收到申请日期）');

  const input: DeadlineInput = { receivedOn, pauses };
  for (const [option, field] of [['--days', 'workingDays'], ['--extend', 'extensionWorkingDays']] as const) {
    const raw = single.get(option);
    if (raw === undefined) continue;
    if (!/^[+-]?\d+$/.test(raw)) return usageError(`${option}的取值“${raw}”应为整数`);
    input[field] = Number(raw);
  }
  const restartedOn = single.get('--restart');
  if (restartedOn !== undefined) input.restartedOn = restartedOn;
  return { kind: 'run', input, json };
}

function parsePause(value: string): DeadlinePause | undefined {
  const parts = value.split('..');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { from: parts[0], to: parts[1] };
}

function usageError(message: string): ParsedDeadlineArgs {
  return { kind: 'usage_error', message };
}
