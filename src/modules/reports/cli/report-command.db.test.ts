import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { makeTempDir } from '../../../../test/support/temp-dirs.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps } from '../../../../test/support/factories.ts';
import { demoReportRecords, seedDemo } from '../../../main/seed-demo.ts';
import { extractText } from '../../privacy/index.ts';
import { seedDemoReportData } from '../use-cases/seed-demo-report-data.ts';
import { runReportCommand } from './report-command.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describeEachDialect('report annual on the demo region', (db) => {
  it('gives the 住建局’s 2020 report with its demo case, every check passing, in JSON and as a PDF', async () => {
    const deps = buildDeps(db(), '2021-01-20T02:00:00Z');
    await seedDemo(deps);
    // On 20 January 2021 the demo catalog has published the five organs' 2019 reports and one 2020 report: those are
    // recorded as published; the 住建局's 2020 report (out on 2021-01-21) is not, and is drafted here.
    expect(await seedDemoReportData(deps, demoReportRecords())).toEqual({ applications: 1, appeals: 2, reports: 6 });
    expect(await seedDemoReportData(deps, demoReportRecords())).toEqual({ applications: 0, appeals: 0, reports: 0 });

    let c = capture();
    expect(await runReportCommand(['annual', '--organ', 'qlx-zjj', '--year', '2020', '--format', 'json'], c.io, deps)).toBe(0);
    const json = JSON.parse(c.out.join(''));
    expect(json.stages).toEqual({ decision: 87, execution: 63, management: 109, service: 56, result: 105 });
    expect(json.applications.received.total).toBe(1);
    expect(json.applications.results_total.total).toBe(1);
    expect(json.applications.carried_out.total).toBe(0);
    expect(json.appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(json.appeals.litigation_after_reconsideration).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
    expect(json.checks.every((x: { ok: boolean }) => x.ok)).toBe(true);
    expect(json.checks).toHaveLength(7);
    expect(json.sections['一']).toContain('全年主动公开政府信息420条，其中决策公开87条、执行公开63条、管理公开109条、服务公开56条、结果公开105条');
    expect(json.sections['一']).toContain('其中行政复议结果维持1件，行政诉讼（复议后起诉）其他结果1件');
    expect(json.proactive['行政许可']['本年处理决定数量']).toBeGreaterThan(0);

    const out = path.join(makeTempDir('report'), 'r.pdf');
    c = capture();
    expect(await runReportCommand(['annual', '--organ', 'qlx-zjj', '--year', '2020', '--format', 'pdf', '--out', out], c.io, deps)).toBe(0);
    expect(c.err.join('')).toContain('核对全部通过');
    const text = (await extractText(fs.readFileSync(out), 'r.pdf')).text.replace(/\s+/g, '');
    expect(text).toContain('青岚县住房和城乡建设局2020年政府信息公开工作年度报告');

    c = capture();
    expect(await runReportCommand(['annual', '--organ', 'qlx-zjj', '--year', '2020', '--format', 'pdf', '--published'], c.io, deps).catch((e) => e.code)).toBe('ERR_REPORT_NOT_FOUND');
    expect(await runReportCommand(['annual', '--organ', 'qlx-zjj', '--format', 'json'], c.io, deps).catch((e) => e.code)).toBe('ERR_CLI_USAGE');
    expect(await runReportCommand(['annual', '--organ', 'nope', '--year', '2020', '--format', 'json'], c.io, deps).catch((e) => e.code)).toBe('ERR_REPORT_ORGAN_NOT_FOUND');

    c = capture();
    expect(await runReportCommand(['reminders', '--on', '2021-02-02'], c.io, deps)).toBe(1);
    expect(c.out.join('\n')).toContain('qlx-zjj\t青岚县住房和城乡建设局\t2020年度报告应最迟于2021-01-31（含当日）公布，已逾期2天（条例第四十九条）\t尚未开始编制');
  }, 120_000);
});
