import { describe, expect, it } from 'vitest';
import { computeAppealsTable, emptyAppealsTable } from './appeals-table.ts';
import { computeApplicationsTable, emptyApplicationsTable } from './applications-table.ts';
import { PLACEHOLDER, draftSections } from './draft-sections.ts';
import { computeProactiveTable } from './proactive-table.ts';
import type { ProseLabels } from './quoted-figures.ts';
import type { ReportFigures } from './report-types.ts';

const LABELS: ProseLabels = {
  stageLabels: { decision: '决策公开', execution: '执行公开', management: '管理公开', service: '服务公开', result: '结果公开' },
  documentRowLabels: ['规章', '行政规范性文件'],
};
const figures = (over: Partial<ReportFigures> = {}): ReportFigures => ({
  proactive: computeProactiveTable([{ docTypeLabel: '行政规范性文件', formedOn: '2020-03-01', inForce: true, repealed: false, endedOn: null }], {}, 2020, LABELS.documentRowLabels),
  applications: emptyApplicationsTable(),
  appeals: emptyAppealsTable(),
  stages: { decision: 87, execution: 63, management: 109, service: 56, result: 105 },
  catalogTotal: 875,
  processingFeesYuan: 0,
  ...over,
});
const draft = (f: ReportFigures) => draftSections({ organName: '青岚县住房和城乡建设局', year: 2020, figures: f, labels: LABELS });

describe('sections 一、五、六 drafted from the figures', () => {
  it('section 一 covers the five topics of the format with the figures, each stage by name', () => {
    const s = draft(figures());
    const lines = s['一'].split('\n');
    expect(lines.slice(1).map((l) => /^（.）[^。]+。/.exec(l)?.[0])).toEqual(['（一）主动公开。', '（二）依申请公开。', '（三）政府信息管理。', '（四）平台建设。', '（五）监督保障。']);
    expect(s['一']).toContain('全年主动公开政府信息420条，其中决策公开87条、执行公开63条、管理公开109条、服务公开56条、结果公开105条。');
    expect(s['一']).toContain('本年未收到政府信息公开申请，也无上年结转的申请。');
    expect(s['一']).toContain('本年制发行政规范性文件1件、废止行政规范性文件0件，截至2020年12月31日现行有效的行政规范性文件1件。');
    expect(s['一']).not.toContain('规章');
    expect(s['一']).toContain('累计公开信息875条');
    expect(s['一']).toContain('本年度未发生因政府信息公开引起的行政复议、行政诉讼。');
  });

  it('says how applications ended and how appeals stand, leaving out outcomes that did not occur', () => {
    const s = draft(figures({
      applications: computeApplicationsTable([
        { applicantType: 'natural_person', receivedOn: '2020-04-13', repliedOn: '2020-04-30', outcome: 'withheld.process_information' },
        { applicantType: 'research_institution', receivedOn: '2020-06-01', repliedOn: '2020-06-20', outcome: 'disclosed' },
        { applicantType: 'natural_person', receivedOn: '2020-12-29', repliedOn: null, outcome: null },
      ], 2020),
      appeals: computeAppealsTable([
        { kind: 'reconsideration', filedOn: '2020-05-20', result: 'upheld', decidedOn: '2020-07-10' },
        { kind: 'litigation_after_reconsideration', filedOn: '2020-07-22', result: 'other', decidedOn: '2020-11-18' },
      ], 2020),
    }));
    expect(s['一']).toContain('本年新收政府信息公开申请3件，其中自然人2件、法人或其他组织1件；上年结转0件。本年办结2件，其中予以公开1件、不予公开1件；结转下年度继续办理1件。');
    expect(s['一']).toContain('本年度因政府信息公开被申请行政复议1件、被提起行政诉讼1件；其中行政复议结果维持1件，行政诉讼（复议后起诉）其他结果1件。');
    expect(s['五']).toContain('存在的主要问题：部分申请跨年度办理，结转下年度继续办理1件。');
    expect(s['五']).toContain('改进情况：一是加强申请办理进度跟踪');
  });

  it('section 五 names a stage with nothing published and appeals whose result was corrected', () => {
    const s = draft(figures({
      stages: { decision: 0, execution: 1, management: 1, service: 1, result: 1 },
      appeals: computeAppealsTable([{ kind: 'litigation_direct', filedOn: '2020-02-01', result: 'corrected', decidedOn: '2020-09-01' }], 2020),
    }));
    expect(s['五']).toContain('一是行政复议、行政诉讼中结果被纠正1件，答复的规范性有待提高；二是本年未发布决策公开信息');
  });

  it('section 六 states the fees and leaves what the data cannot say for staff to write', () => {
    expect(draft(figures())['六']).toMatch(/^本年度未收取信息处理费。\n【待补充：年度政务公开工作要点落实情况；人大代表建议和政协提案办理结果公开情况。】$/);
    expect(draft(figures({ processingFeesYuan: 2500 }))['六']).toContain('本年度收取信息处理费2500元。');
    expect(draft(figures())['六']).toContain(PLACEHOLDER);
  });

  it('section 六 states the year\'s 建议提案 figures when the organ recorded any, and leaves only the rest for staff', () => {
    const proposals = { suggestions: 17, proposals: 11, lead: 22, co: 6, replied: 28, published: 26, withheld: 1 };
    const s = draftSections({ organName: '青岚县住房和城乡建设局', year: 2025, figures: figures(), labels: LABELS, proposals });
    expect(s['六']).toBe(
      '本年度未收取信息处理费。\n本年度承办人大代表建议17件、政协提案11件，其中主办22件、协办6件；截至2025年12月31日已答复28件，公开办理结果26件，经审查不予公开1件。\n' +
        '【待补充：年度政务公开工作要点落实情况。】',
    );
    const none = draftSections({ organName: '青岚县住房和城乡建设局', year: 2025, figures: figures(), labels: LABELS, proposals: { ...proposals, withheld: 0 } });
    expect(none['六']).toContain('公开办理结果26件。');
  });
});
