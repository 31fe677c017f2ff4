import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { runScanEvalCommand } from './eval-command.ts';
import type { EvaluationReport } from './corpus-evaluation.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runScanEvalCommand(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('gongkai scan-eval on the checked-in corpus', () => {
  it('meets the goals of issue 3: recall ≥ 0.99 and precision ≥ 0.98 for each structured type', async () => {
    const { code, out } = await run(['--json']);
    const report = JSON.parse(out) as EvaluationReport;
    expect(report.cases).toBeGreaterThanOrEqual(600);
    for (const type of ['id_card', 'mobile_phone', 'bank_card', 'email']) {
      const s = report.types.find((t) => t.type === type)!;
      expect(s.expected, type).toBeGreaterThanOrEqual(100);
      expect(s.recall, `${type} recall`).toBeGreaterThanOrEqual(0.99);
      expect(s.precision, `${type} precision`).toBeGreaterThanOrEqual(0.98);
    }
    expect(report.goalsMet).toBe(true);
    expect(code).toBe(0);
  });

  it('prints a table per type in Chinese', async () => {
    const { out } = await run([]);
    expect(out).toMatch(/身份证号\S*\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+[01]\.\d{4}\s+[01]\.\d{4}/);
    expect(out).toContain('达标');
  });
});

describe('gongkai scan-eval scoring', () => {
  const corpusWith = async (lines: unknown[]): Promise<string> => {
    const dir = makeTempDir('eval');
    await writeFile(join(dir, 'cases.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    return dir;
  };

  it('counts only an exact span of the right type as correct, and fails when goals are missed', async () => {
    const dir = await corpusWith([
      { id: 'a', text: '手机13812345678', expected: [{ type: 'mobile_phone', start: 2, end: 13 }] },
      { id: 'b', text: '手机13812345678', expected: [{ type: 'mobile_phone', start: 2, end: 12 }] },
      { id: 'c', text: '没有', expected: [{ type: 'email', start: 0, end: 2 }] },
    ]);
    const { code, out } = await run(['--json', '--corpus', dir]);
    const report = JSON.parse(out) as EvaluationReport;
    const mobile = report.types.find((t) => t.type === 'mobile_phone')!;
    expect(mobile).toMatchObject({ expected: 2, found: 2, truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 });
    expect(report.types.find((t) => t.type === 'email')).toMatchObject({ recall: 0, falseNegatives: 1 });
    expect(report.mistakes.map((m) => `${m.caseId}:${m.mistake}`)).toEqual(['b:false_positive', 'b:missed', 'c:missed']);
    expect(code).toBe(1);
  });

  it('refuses a malformed corpus line with its line number', async () => {
    const dir = await corpusWith([{ id: 'a', text: 'x', expected: [{ type: 'phone', start: 0, end: 1 }] }]);
    const { code, err } = await run(['--corpus', dir]);
    expect(code).toBe(2);
    expect(err).toContain('第 1 行');
  });

  it('refuses a corpus that does not exist', async () => {
    expect((await run(['--corpus', '/nonexistent/corpus'])).code).toBe(2);
  });
});
