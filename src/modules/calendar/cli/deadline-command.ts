import { isDomainError } from '../../../shared/domain-error.ts';
import { computeDeadline } from '../domain/compute-deadline.ts';
import type { DeadlineResult } from '../domain/deadline-result.ts';
import type { HolidayYear } from '../domain/holiday-year.ts';
import { WorkingDayCalendar } from '../domain/working-day-calendar.ts';
import { DEADLINE_USAGE, parseDeadlineArgs } from './parse-deadline-args.ts';

export type CommandIo = { stdout: (s: string) => void; stderr: (s: string) => void };

const EXIT_OK = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

/**
 * `gongkai deadline --received YYYY-MM-DD [--days N] [--pause A..B]… [--restart D] [--extend N] [--json]`:
 * the N-th working day after receipt, with its trace. `extraYears` are admin-entered notices, which
 * override the builtin 2019–2026 data. Exit 0 done, 1 input refused, 2 usage error.
 */
export async function runDeadlineCommand(argv: string[], io: CommandIo, extraYears: HolidayYear[] = []): Promise<number> {
  const parsed = parseDeadlineArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${DEADLINE_USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.kind === 'usage_error') {
    io.stderr(`错误：${parsed.message}\n${DEADLINE_USAGE}\n`);
    return EXIT_USAGE;
  }

  let result: DeadlineResult;
  try {
    result = computeDeadline(parsed.input, WorkingDayCalendar.withBuiltinYears(extraYears));
  } catch (e) {
    if (!isDomainError(e)) throw e;
    io.stderr(`错误（${e.code}）：${e.message}\n`);
    return EXIT_REFUSED;
  }

  io.stdout(parsed.json ? `${JSON.stringify({ due: result.dueOn, warnings: result.warnings, trace: result.trace })}\n` : readable(result));
  return EXIT_OK;
}

function readable(result: DeadlineResult): string {
  const provisional = result.warnings.length > 0 ? '（暂定）' : '';
  const lines = [
    ...result.trace.map((step) => step.note),
    '',
    `截止日期：${result.dueOn}${provisional}`,
    ...result.warnings.map((w) => `注意：${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
