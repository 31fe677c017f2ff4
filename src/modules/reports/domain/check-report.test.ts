import { describe, expect, it } from 'vitest';
import { computeAppealsTable } from './appeals-table.ts';
import { computeApplicationsTable } from './applications-table.ts';
import { CELL_RULE, checkReport } from './check-report.ts';
import { draftSections } from './draft-sections.ts';
import { computeProactiveTable } from './proactive-table.ts';
import type { ProseLabels } from './quoted-figures.ts';
import { RULES } from './report-format.ts';
import type { PreviousYear, ReportFigures } from './report-types.ts';

const LABELS: ProseLabels = {
  stageLabels: { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' },
  documentRowLabels: ['规章', '行政规范性文件'],
};
const ZERO_BEFORE: PreviousYear = { carriedOut: { natural_person: 1, commercial_enterprise: 0, research_institution: 0, public_interest_org: 0, legal_service_org: 0, other_org: 0, total: 1 }, source: 'entered' };

/** A consistent 2020: one case carried in and closed, two received (one open on 31 December), one appeal. */
function goodFigures(): ReportFigures {
  return {
    proactive: computeProactiveTable([], { 行政许可: 16, 行政处罚: 15, 行政强制: 0, 行政事业性收费: 0 }, 2020, LABELS.documentRowLabels),
    applications: computeApplicationsTable([
      { applicantType: 'natural_person', receivedOn: '2019-12-20', repliedOn: '2020-01-10', outcome: 'disclosed' },
      { applicantType: 'commercial_enterprise', receivedOn: '2020-04-13', repliedOn: '2020-04-30', outcome: 'withheld.process_information' },
      { applicantType: 'natural_person', receivedOn: '2020-12-28', repliedOn: null, outcome: null },
    ], 2020),
    appeals: computeAppealsTable([{ kind: 'reconsideration', filedOn: '2020-05-20', result: 'upheld', decidedOn: '2020-07-10' }], 2020),
    stages: { decision: 3, execution: 2, management: 1, service: 1, result: 4 },
    catalogTotal: 30,
    processingFeesYuan: 0,
  };
}

const reportOf = (figures: ReportFigures) => ({ year: 2020, figures, sections: draftSections({ organName: '测试县住房和城乡建设局', year: 2020, figures, labels: LABELS }) });
const failing = (r: ReturnType<typeof reportOf>, previous: PreviousYear | null = ZERO_BEFORE) => checkReport(r, previous, LABELS).filter((c) => !c.ok);

describe('consistency checks (勾稽关系) before publishing', () => {
  it('pass on tables computed from data, with last year agreeing and the drafted text', () => {
    const checks = checkReport(reportOf(goodFigures()), ZERO_BEFORE, LABELS);
    expect(checks.map((c) => c.rule)).toEqual([...RULES, CELL_RULE]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.every((c) => c.title && !/[A-Za-z]{3}/.test(c.title))).toBe(true);
  });

  it('rule 1 fails when 一 + 二 ≠ 三（七）+ 四 in a column, naming the four cells', () => {
    const f = goodFigures();
    f.applications.carried_out.commercial_enterprise += 1;
    f.applications.carried_out.total += 1;
    const bad = failing(reportOf(f));
    expect(bad.map((c) => c.rule)).toEqual([RULES[0]]);
    expect(bad[0].violations.map((v) => v.cells)).toEqual([
      ['表三「一、本年新收政府信息公开申请数量」商业企业', '表三「二、上年结转政府信息公开申请数量」商业企业', '表三「三（七）总计」商业企业', '表三「四、结转下年度继续办理」商业企业'],
      ['表三「一、本年新收政府信息公开申请数量」总计', '表三「二、上年结转政府信息公开申请数量」总计', '表三「三（七）总计」总计', '表三「四、结转下年度继续办理」总计'],
    ]);
    expect(bad[0].detail).toContain('商业企业列：一（1）+ 二（0）= 1，而三（七）总计（1）+ 四（1）= 2');
  });

  it('rule 2 fails when （七）总计 is not the sum of the 21 outcome rows', () => {
    const f = goodFigures();
    f.applications['unable.not_held'].natural_person = 1;
    f.applications['unable.not_held'].total = 1;
    f.applications.results_total.natural_person += 1;
    f.applications.results_total.total += 1;
    f.applications.received.natural_person += 1;
    f.applications.received.total += 1;
    expect(failing(reportOf(f)).map((c) => c.rule)).toEqual([]);
    f.applications.results_total.natural_person -= 1;
    f.applications.results_total.total -= 1;
    f.applications.carried_out.natural_person += 1;
    f.applications.carried_out.total += 1;
    const bad = failing(reportOf(f));
    expect(bad.map((c) => c.rule)).toEqual([RULES[1]]);
    expect(bad[0].violations.flatMap((v) => v.cells)).toEqual(['表三「三（七）总计」自然人', '表三「三（七）总计」总计']);
  });

  it('rule 3 fails when a row’s 总计 is not the sum of the applicant columns', () => {
    const f = goodFigures();
    f.applications['withheld.process_information'].total = 2;
    const bad = failing(reportOf(f));
    expect(bad.map((c) => c.rule)).toContain(RULES[2]);
    expect(bad.find((c) => c.rule === RULES[2])!.violations[0]).toMatchObject({ cells: ['表三「三（三）6.属于四类过程性信息」总计'] });
  });

  it('rule 4 fails when a group of table 四 does not add up', () => {
    const f = goodFigures();
    f.appeals.litigation_direct.pending = 1;
    const bad = failing(reportOf(f));
    expect(bad.map((c) => c.rule)).toEqual([RULES[3]]);
    expect(bad[0].violations[0].cells).toEqual(['表四「行政诉讼 · 未经复议直接起诉」总计']);
  });

  it('rule 5 fails when this year’s 二 differs from last year’s 四, and when last year is unknown', () => {
    const r = reportOf(goodFigures());
    const other: PreviousYear = { carriedOut: { ...ZERO_BEFORE.carriedOut, natural_person: 2, total: 2 }, source: 'published' };
    const bad = failing(r, other);
    expect(bad.map((c) => c.rule)).toEqual([RULES[4]]);
    expect(bad[0].detail).toContain('自然人列：本年“上年结转”为 1，2019年度已发布报告的“结转下年度继续办理”为 2');
    const unknown = failing(r, null);
    expect(unknown.map((c) => c.rule)).toEqual([RULES[4]]);
    expect(unknown[0].detail).toContain('2019年度报告未在本平台发布，也未录入');
  });

  it('rule 6 fails when section 一 quotes a figure the tables do not hold', () => {
    const r = reportOf(goodFigures());
    expect(r.sections['一']).toContain('新收政府信息公开申请2件');
    const edited = { ...r, sections: { ...r.sections, 一: r.sections['一'].replace('新收政府信息公开申请2件', '新收政府信息公开申请5件').replace('决策公开3条', '决策公开4条') } };
    const bad = failing(edited);
    expect(bad.map((c) => c.rule)).toEqual([RULES[5]]);
    expect(bad[0].violations.map((v) => v.message)).toEqual(['第一部分写“决策公开4条”，表中为 3条', '第一部分写“新收政府信息公开申请5件”，表中为 2件']);
    expect(bad[0].violations[1].cells).toEqual(['表三「一、本年新收政府信息公开申请数量」总计']);
  });

  it('the cell rule fails on a negative count, a fraction of a decision, or a negative fee', () => {
    const f = goodFigures();
    f.proactive['行政许可']['本年处理决定数量'] = 2.5;
    f.proactive['行政事业性收费']['本年收费金额（单位：万元）'] = -1;
    f.appeals.reconsideration.upheld = -1;
    f.appeals.reconsideration.corrected = 2;
    const bad = failing(reportOf(f)).find((c) => c.rule === CELL_RULE)!;
    expect(bad.violations.map((v) => v.cells[0])).toEqual(['表二「行政许可」本年处理决定数量', '表二「行政事业性收费」本年收费金额（单位：万元）', '表四「行政复议」结果维持']);
  });
});
