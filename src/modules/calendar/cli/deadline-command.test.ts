import { describe, expect, it } from 'vitest';
import type { HolidayYear } from '../domain/holiday-year.ts';
import { runDeadlineCommand } from './deadline-command.ts';

async function run(argv: string[], extraYears: HolidayYear[] = []) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runDeadlineCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) }, extraYears);
  return { exitCode, stdout, stderr };
}

const json = (stdout: string) => JSON.parse(stdout) as { due: string; warnings: { code: string; message: string }[]; trace: { on: string; kind: string; note: string }[] };

describe('gongkai deadline --json', () => {
  it.each([
    [['--received', '2025-09-26'], '2025-10-30'],
    [['deadline', '--received', '2025-09-26'], '2025-10-30'],
    [['--received', '2025-09-26', '--extend', '20'], '2025-11-27'],
    [['--received', '2025-09-26', '--pause', '2025-10-10..2025-10-20'], '2025-11-11'],
    [['--received=2025-09-26', '--pause=2025-10-10..2025-10-12', '--pause', '2025-10-13..2025-10-20'], '2025-11-11'],
    [['--received', '2026-01-30', '--restart', '2026-03-02'], '2026-03-30'],
    [['--received', '2026-01-30', '--days', '7'], '2026-02-10'],
  ])('%j prints due %s with its trace', async (argv, due) => {
    const { exitCode, stdout, stderr } = await run([...argv, '--json']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const out = json(stdout);
    expect(Object.keys(out)).toEqual(['due', 'warnings', 'trace']);
    expect(out.due).toBe(due);
    expect(out.warnings).toEqual([]);
    expect(out.trace.at(-1)).toMatchObject({ on: due, kind: 'due' });
  });

  it('warns about 2027 until the admin-entered year is passed in', async () => {
    const without = json((await run(['--received', '2026-12-15', '--json'])).stdout);
    expect(without.due).toBe('2027-01-13');
    expect(without.warnings.map((w) => w.code)).toEqual(['WARN_CALENDAR_YEAR_UNKNOWN']);

    const year2027: HolidayYear = { year: 2027, source: 'admin', holidays: ['2027-01-01'], workdays: [] };
    const withYear = json((await run(['--received', '2026-12-15', '--json'], [year2027])).stdout);
    expect(withYear).toMatchObject({ due: '2027-01-13', warnings: [] });
  });
});

describe('gongkai deadline without --json', () => {
  it('prints the trace one step a line, then the due date', async () => {
    const { exitCode, stdout } = await run(['--received', '2025-09-26']);
    expect(exitCode).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toContain('2025-09-26 收到申请，当日不计');
    expect(lines).toContain('2025-09-28 周日，国庆节调休上班，计第1个工作日');
    expect(lines).toContain('2025-10-01 国庆节放假，不计');
    expect(lines.at(-1)).toBe('截止日期：2025-10-30');
  });

  it('marks a provisional date and prints the warning', async () => {
    const { stdout } = await run(['--received', '2026-12-15']);
    expect(stdout).toContain('截止日期：2027-01-13（暂定）');
    expect(stdout).toContain('注意：2027年节假日安排尚未录入');
  });

  it('prints the usage on --help', async () => {
    const { exitCode, stdout } = await run(['--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('用法：gongkai deadline --received');
  });
});

describe('gongkai deadline refuses', () => {
  it.each([
    [[], '缺少必填选项--received'],
    [['--received'], '选项--received缺少取值'],
    [['--received', '--json'], '选项--received缺少取值'],
    [['--received', '2025-09-26', '--color'], '不认识的选项“--color”'],
    [['--received', '2025-09-26', 'extra'], '多余的参数“extra”'],
    [['--received', '2025-09-26', '--days', 'twenty'], '--days的取值“twenty”应为整数'],
    [['--received', '2025-09-26', '--extend', '1.5'], '--extend的取值“1.5”应为整数'],
    [['--received', '2025-09-26', '--pause', '2025-10-10'], '应写成“开始日期..结束日期”'],
    [['--received', '2025-09-26', '--received', '2025-09-27'], '选项--received只能给一次'],
  ])('%j as a usage error (exit 2)', async (argv, words) => {
    const { exitCode, stdout, stderr } = await run(argv);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(words);
    expect(stderr).toContain('用法：');
  });

  it.each([
    [['--received', '2026-02-30'], 'ERR_CALENDAR_INVALID_DATE'],
    [['--received', '2025-09-26', '--extend', '21'], 'ERR_DEADLINE_EXTENSION_TOO_LONG'],
    [['--received', '2025-09-26', '--days', '-3'], 'ERR_DEADLINE_INVALID_INPUT'],
    [['--received', '2025-09-26', '--pause', '2025-10-20..2025-10-10'], 'ERR_DEADLINE_PAUSE_REVERSED'],
    [['--received', '2025-09-26', '--restart', '2025-09-01'], 'ERR_DEADLINE_RESTART_BEFORE_RECEIPT'],
  ])('%j as refused input (exit 1) with %s', async (argv, code) => {
    const { exitCode, stdout, stderr } = await run([...argv, '--json']);
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^错误（${code}）：\\S`));
  });

  it('refuses an invalid admin year with exit 1', async () => {
    const bad: HolidayYear = { year: 2027, source: 'admin', holidays: ['2027-01-02'], workdays: [] };
    const { exitCode, stderr } = await run(['--received', '2026-12-15'], [bad]);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('ERR_CALENDAR_INVALID_YEAR');
  });
});
