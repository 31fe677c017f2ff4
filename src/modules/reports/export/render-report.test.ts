import { describe, expect, it } from 'vitest';
import { extractText } from '../../privacy/index.ts';
import { computeAppealsTable } from '../domain/appeals-table.ts';
import { computeApplicationsTable } from '../domain/applications-table.ts';
import { checkReport } from '../domain/check-report.ts';
import { draftSections } from '../domain/draft-sections.ts';
import { computeProactiveTable } from '../domain/proactive-table.ts';
import type { AnnualReport, ReportFigures } from '../domain/report-types.ts';
import { PROSE_LABELS } from '../use-cases/prose-labels.ts';
import { renderReport } from './render-report.ts';

function sampleReport(): AnnualReport {
  const figures: ReportFigures = {
    proactive: computeProactiveTable([{ docTypeLabel: '行政规范性文件', formedOn: '2020-03-24', inForce: true, repealed: false, endedOn: null }], { 行政许可: 16, 行政处罚: 15, 行政强制: 0, 行政事业性收费: 1.25 }, 2020, PROSE_LABELS.documentRowLabels),
    applications: computeApplicationsTable([{ applicantType: 'natural_person', receivedOn: '2020-04-13', repliedOn: '2020-04-30', outcome: 'withheld.process_information' }], 2020),
    appeals: computeAppealsTable([
      { kind: 'reconsideration', filedOn: '2020-05-20', result: 'upheld', decidedOn: '2020-07-10' },
      { kind: 'litigation_after_reconsideration', filedOn: '2020-07-22', result: 'other', decidedOn: '2020-11-18' },
    ], 2020),
    stages: { decision: 87, execution: 63, management: 109, service: 56, result: 105 },
    catalogTotal: 875,
    processingFeesYuan: 0,
  };
  const organ = { id: 1, code: 'qlx-zjj', name: '青岚县住房和城乡建设局', kind: 'department' };
  const sections = draftSections({ organName: organ.name, year: 2020, figures, labels: PROSE_LABELS });
  const base = { organ, year: 2020, figures, sections };
  return { ...base, checks: checkReport(base, null, PROSE_LABELS) };
}

const published = { version: 2, status: 'published' as const, publishedOn: '2021-01-29', note: '更正表二行政许可数' };
const squash = (s: string) => s.replace(/\s+/g, '');

describe('report exports', () => {
  it('JSON uses the keys of annual-report-format.json', async () => {
    const out = await renderReport(sampleReport(), published, 'json', '2021-02-01');
    const json = JSON.parse(out.body.toString('utf8'));
    expect(Object.keys(json)).toEqual(['organ', 'organName', 'year', 'format', 'version', 'status', 'publishedOn', 'note', 'proactive', 'applications', 'appeals', 'stages', 'checks', 'sections']);
    expect(json.organ).toBe('qlx-zjj');
    expect(json.applications['withheld.process_information']).toEqual({ natural_person: 1, commercial_enterprise: 0, research_institution: 0, public_interest_org: 0, legal_service_org: 0, other_org: 0, total: 1 });
    expect(json.appeals.litigation_after_reconsideration.other).toBe(1);
    expect(json.stages).toEqual({ decision: 87, execution: 63, management: 109, service: 56, result: 105 });
    expect(json.proactive['行政事业性收费']).toEqual({ '本年收费金额（单位：万元）': 1.25 });
    expect(Object.keys(json.checks[0])).toEqual(['rule', 'ok', 'detail']);
    expect(Object.keys(json.sections)).toEqual(['一', '五', '六']);
    expect(out.fileName).toBe('青岚县住房和城乡建设局2020年政府信息公开工作年度报告（第2版）.json');
  });

  it('the web page lays the tables out like the official ones and prints on its own', async () => {
    const html = (await renderReport(sampleReport(), published, 'html', '2021-02-01')).body.toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<style>');
    expect(html).toContain('rowspan="22"');
    expect(html).toContain('>三、本年度办理结果<');
    expect(html).toMatch(/colspan="10"[^>]*>行政诉讼</);
    expect(html).toMatch(/colspan="5"[^>]*>复议后起诉</);
    expect(html).toContain('更正说明：更正表二行政许可数');
  });

  it('the DOCX opens and holds the title, every section, the tables’ labels and figures', async () => {
    const out = await renderReport(sampleReport(), published, 'docx', '2021-02-01');
    const text = squash((await extractText(out.body, out.fileName)).text);
    for (const s of ['青岚县住房和城乡建设局2020年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '第二十条第（八）项', '行政事业性收费', '1.25',
      '6.属于四类过程性信息', '四、结转下年度继续办理', '复议后起诉', '全年主动公开政府信息420条', '2021年1月29日']) {
      expect(text).toContain(squash(s));
    }
  });

  it('the PDF opens with the Chinese font embedded and its text readable', async () => {
    const out = await renderReport(sampleReport(), { version: 1, status: 'draft', publishedOn: null, note: '' }, 'pdf', '2021-02-01');
    expect(out.body.toString('latin1')).toContain('/FontFile2');
    const text = squash((await extractText(out.body, out.fileName)).text);
    for (const s of ['青岚县住房和城乡建设局2020年政府信息公开工作年度报告', '（草稿，未发布）', '三、收到和处理政府信息公开申请情况', '申请人情况', '法律服务机构',
      '本年新收政府信息公开申请1件', '行政复议结果维持1件', '2021年2月1日']) {
      expect(text).toContain(squash(s));
    }
  });
});
