import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createActor, createNode, createOrgan, createDraft, system } from '../../../../test/support/factories.ts';
import { insertAppeal, insertApplication } from '../testing/case-rows.ts';
import { RULES } from '../domain/report-format.ts';
import { loadCountyView } from './county-view.ts';
import { openReport } from './open-report.ts';
import { performReportVerb } from './perform-report-verb.ts';
import { loadReportContext } from './report-context.ts';
import { importInputsCsv, saveEnteredCarriedOut, saveEnteredFigures } from './save-report-inputs.ts';
import { performReviewVerb, publishImported } from '../../review/index.ts';

const ZERO_ROW = { natural_person: '0', commercial_enterprise: '0', research_institution: '0', public_interest_org: '0', legal_service_org: '0', other_org: '0' };
const ENTERED = { 行政许可: '16', 行政处罚: '15', 行政强制: '0', 行政事业性收费: '0.35' };

describeEachDialect('annual report from stored data', (db) => {
  const setup = async () => {
    const deps = buildDeps(db(), '2021-01-15T02:00:00Z');
    const county = await createOrgan(deps);
    const organ = await createOrgan(deps, { parentCode: county.code });
    const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit' });
    return { deps, county, organ, unit };
  };

  it('applies the year rules to stored applications and appeals, folding in the organ’s units', async () => {
    const { deps, organ, unit } = await setup();
    await insertApplication(deps.db, organ.id, { receivedOn: '2019-12-20', repliedOn: '2020-01-08', outcome: 'partly_disclosed' }); // carried in, closed
    await insertApplication(deps.db, organ.id, { receivedOn: '2019-11-01', repliedOn: '2019-12-30' }); // before the year
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-04-13', repliedOn: '2020-04-30', outcome: 'withheld.process_information', applicantType: 'legal_service_org' });
    await insertApplication(deps.db, unit.id, { receivedOn: '2020-12-28', repliedOn: '2021-01-12', outcome: 'unable.not_held' }); // carried out, closed next year
    await insertApplication(deps.db, organ.id, { receivedOn: null }); // awaiting confirmation
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-06-01', repliedOn: '2020-06-20', feeYuan: 300, feePaidOn: '2020-06-18' });
    await insertAppeal(deps.db, organ.id, { kind: 'reconsideration', filedOn: '2020-05-20', result: 'upheld', decidedOn: '2020-07-10' });
    await insertAppeal(deps.db, unit.id, { kind: 'litigation_direct', filedOn: '2020-11-02', result: 'corrected', decidedOn: '2021-03-01' });

    const r2020 = (await loadReportContext(deps, deps.db, organ.code, 2020)).report;
    const a = r2020.figures.applications;
    expect([a.received.total, a.carried_in.total, a.results_total.total, a.carried_out.total]).toEqual([3, 1, 3, 1]);
    expect(a.received).toMatchObject({ natural_person: 2, legal_service_org: 1 });
    expect([a.partly_disclosed.total, a['withheld.process_information'].legal_service_org, a.disclosed.total]).toEqual([1, 1, 1]);
    expect(r2020.figures.appeals.reconsideration).toMatchObject({ upheld: 1, total: 1 });
    expect(r2020.figures.appeals.litigation_direct).toMatchObject({ pending: 1, corrected: 0, total: 1 });
    expect(r2020.figures.processingFeesYuan).toBe(300);
    expect(r2020.sections['六']).toContain('本年度收取信息处理费300元。');
    expect(r2020.checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual([RULES[4]]);

    const r2021 = (await loadReportContext(deps, deps.db, organ.code, 2021)).report.figures.applications;
    expect([r2021.received.total, r2021.carried_in.total, r2021['unable.not_held'].total, r2021.carried_out.total]).toEqual([0, 1, 1, 0]);
  });

  it('counts 规范性文件 issued, repealed and in force, and items per 五公开 stage published in the year', async () => {
    const { deps, organ } = await setup();
    const node = await createNode(deps, organ.id);
    const publishOn = async (on: string, over: Record<string, unknown>) => {
      const p = await createDraft(deps, organ.id, [node], { formedOn: on, ...over });
      return publishImported(deps, system, p.id, { backdatedPublishedOn: on });
    };
    const old = await publishOn('2019-03-05', { docType: 'normative_document', formedOn: '2019-03-01', stage: 'decision' });
    await publishOn('2020-04-02', { docType: 'normative_document', formedOn: '2020-03-30', stage: 'decision' });
    await publishOn('2020-06-10', { stage: 'result' });
    await publishOn('2020-06-11', { stage: 'result' });
    await publishOn('2021-01-05', { stage: 'service' });
    await deps.db.updateTable('publications').set({ validity: 'repealed', repealed_on: '2020-09-01' }).where('id', '=', old.id).execute();

    const ctx = await loadReportContext(deps, deps.db, organ.code, 2020);
    expect(ctx.report.figures.proactive['行政规范性文件']).toEqual({ 本年制发件数: 1, 本年废止件数: 1, 现行有效件数: 1 });
    expect(ctx.report.figures.stages).toEqual({ decision: 1, execution: 0, management: 0, service: 0, result: 2 });
    expect(ctx.report.figures.catalogTotal).toBe(4);
    expect((await loadReportContext(deps, deps.db, organ.code, 2019)).report.figures.proactive['行政规范性文件']).toEqual({ 本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 1 });
    expect(ctx.warnings).toEqual([]);
  });

  it('counts a 规范性文件 marked 已修改 (ADR 0026) as still in force, its amending decision as one more issued, and no end (no warning)', async () => {
    const { deps, organ } = await setup();
    const node = await createNode(deps, organ.id);
    const publishOn = async (on: string, over: Record<string, unknown>) => {
      const p = await createDraft(deps, organ.id, [node], { formedOn: on, ...over });
      return publishImported(deps, system, p.id, { backdatedPublishedOn: on });
    };
    const measure = await publishOn('2019-03-05', { docType: 'normative_document', formedOn: '2019-03-01' });
    const decision = await publishOn('2020-04-02', { docType: 'normative_document', formedOn: '2020-03-30', title: '关于修改《公共租赁住房管理办法》的决定' });
    await performReviewVerb(deps, system, measure.id, 'mark_amended', { amendingId: decision.id });
    const ctx = await loadReportContext(deps, deps.db, organ.code, 2020);
    expect(ctx.report.figures.proactive['行政规范性文件']).toEqual({ 本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 2 });
    expect(ctx.warnings).toEqual([]);
  });

  it('drafts, checks, submits, publishes and freezes; a correction is a new version with a note', async () => {
    const { deps, organ } = await setup();
    const editor = await createActor(deps, organ.code, 'editor');
    const admin = await createActor(deps, organ.code, 'organ_admin');
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-04-13', repliedOn: '2020-04-30' });

    await openReport(deps, editor.actor, organ.code, 2020);
    await expect(openReport(deps, editor.actor, organ.code, 2020)).rejects.toMatchObject({ code: 'ERR_REPORT_EXISTS' });
    const refused = await performReportVerb(deps, editor.actor, organ.code, 2020, 'submit').catch((e) => e);
    expect(refused.code).toBe('ERR_REPORT_REFUSED');
    expect(refused.reasons.map((r: { code: string }) => r.code)).toEqual([
      'ERR_REPORT_CHECK_FAILED', 'ERR_REPORT_INPUT_MISSING', 'ERR_REPORT_INPUT_MISSING', 'ERR_REPORT_INPUT_MISSING', 'ERR_REPORT_INPUT_MISSING', 'ERR_REPORT_TEXT_UNFINISHED',
    ]);

    await saveEnteredFigures(deps, editor.actor, organ.code, 2020, ENTERED);
    await saveEnteredCarriedOut(deps, editor.actor, organ.code, 2019, ZERO_ROW);
    let ctx = await loadReportContext(deps, deps.db, organ.code, 2020);
    expect(ctx.report.checks.every((c) => c.ok)).toBe(true);
    expect(ctx.report.figures.proactive['行政事业性收费']).toEqual({ '本年收费金额（单位：万元）': 0.35 });
    const sections = { ...ctx.report.sections, 六: '本年度未收取信息处理费。年度政务公开工作要点均已落实。' };
    await performReportVerb(deps, editor.actor, organ.code, 2020, 'edit', { sections, rowVersion: ctx.current!.rowVersion });
    await expect(performReportVerb(deps, editor.actor, organ.code, 2020, 'edit', { sections, rowVersion: ctx.current!.rowVersion })).rejects.toMatchObject({ code: 'ERR_REPORT_VERSION_CONFLICT' });
    await performReportVerb(deps, editor.actor, organ.code, 2020, 'submit');
    await expect(performReportVerb(deps, editor.actor, organ.code, 2020, 'publish')).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN', httpStatus: 403 });
    await performReportVerb(deps, admin.actor, organ.code, 2020, 'publish');

    ctx = await loadReportContext(deps, deps.db, organ.code, 2020);
    expect(ctx.current).toMatchObject({ status: 'published', versionNo: 1, publishedOn: '2021-01-15' });
    expect(ctx.report.sections['六']).toBe(sections['六']);
    // Data entered later do not change the published report, but the page says they changed.
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-05-06', repliedOn: '2020-05-20' });
    ctx = await loadReportContext(deps, deps.db, organ.code, 2020);
    expect(ctx.report.figures.applications.received.total).toBe(1);
    expect(ctx.changedSincePublished).toBe(true);
    await expect(performReportVerb(deps, editor.actor, organ.code, 2020, 'edit', { sections })).rejects.toMatchObject({ code: 'ERR_REPORT_REFUSED' });
    await expect(performReportVerb(deps, admin.actor, organ.code, 2020, 'correct', { note: ' ' })).rejects.toMatchObject({ code: 'ERR_REPORT_REFUSED' });
    await performReportVerb(deps, admin.actor, organ.code, 2020, 'correct', { note: '补录5月收到的1件申请' });
    ctx = await loadReportContext(deps, deps.db, organ.code, 2020);
    expect(ctx.versions.map((v) => [v.versionNo, v.status, v.note])).toEqual([[1, 'published', ''], [2, 'draft', '补录5月收到的1件申请']]);
    expect(ctx.published?.versionNo).toBe(1);
    expect(ctx.report.figures.applications.received.total).toBe(2);
    expect(ctx.report.checks.find((c) => c.rule === RULES[5])!.ok).toBe(false);
    await performReportVerb(deps, editor.actor, organ.code, 2020, 'redraft');
    expect((await loadReportContext(deps, deps.db, organ.code, 2020)).report.checks.find((c) => c.rule === RULES[5])!.ok).toBe(true);

    // Next year checks its 二 against the published 四; entering 2020 by hand is refused.
    deps.clock.set('2022-01-10T02:00:00Z');
    const across = (await loadReportContext(deps, deps.db, organ.code, 2021)).report.checks.find((c) => c.rule === RULES[4])!;
    expect(across).toMatchObject({ ok: true, detail: '与2020年度已发布报告相符' });
    await expect(saveEnteredCarriedOut(deps, editor.actor, organ.code, 2020, ZERO_ROW)).rejects.toMatchObject({ code: 'ERR_REPORT_PREVIOUS_PUBLISHED' });
  });

  it('keeps staff of another organ out, and imports table 二 figures from CSV for the organs a person may edit', async () => {
    const { deps, county, organ } = await setup();
    const other = await createOrgan(deps, { parentCode: county.code });
    const stranger = await createActor(deps, other.code, 'organ_admin');
    await expect(openReport(deps, stranger.actor, organ.code, 2020)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await expect(saveEnteredFigures(deps, stranger.actor, organ.code, 2020, ENTERED)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });

    const countyAdmin = await createActor(deps, county.code, 'organ_admin');
    await importInputsCsv(deps, countyAdmin.actor, county.code, `机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费\n${organ.code},2020,7,2,0,1.5\n${other.code},2020,3,,,\n`);
    expect((await loadReportContext(deps, deps.db, organ.code, 2020)).report.figures.proactive).toMatchObject({ 行政许可: { 本年处理决定数量: 7 }, 行政处罚: { 本年处理决定数量: 2 } });
    expect((await loadReportContext(deps, deps.db, other.code, 2020)).report.figures.proactive).toMatchObject({ 行政许可: { 本年处理决定数量: 3 }, 行政处罚: { 本年处理决定数量: null } });
    await expect(importInputsCsv(deps, stranger.actor, other.code, `机关代码,年度,行政许可\n${organ.code},2020,1\n`)).rejects.toMatchObject({ code: 'ERR_AUTH_FORBIDDEN' });
    await expect(importInputsCsv(deps, countyAdmin.actor, county.code, '年度,行政许可\n2020,x\n')).rejects.toMatchObject({ code: 'ERR_REPORT_CSV_INVALID' });
  });

  it('combines the departments of a county with their figures and deadlines', async () => {
    const { deps, county, organ } = await setup();
    const other = await createOrgan(deps, { parentCode: county.code });
    await insertApplication(deps.db, organ.id, { receivedOn: '2020-02-01', repliedOn: '2020-02-20' });
    await insertApplication(deps.db, other.id, { receivedOn: '2020-03-01', repliedOn: null, applicantType: 'commercial_enterprise' });
    await insertApplication(deps.db, county.id, { receivedOn: '2020-03-02', repliedOn: '2020-03-09' });
    const view = await loadCountyView(deps, deps.db, county.code, 2020);
    expect(view.rows.map((r) => r.organ.code)).toEqual([county.code, organ.code, other.code]);
    expect(view.totals.applications.received).toMatchObject({ natural_person: 2, commercial_enterprise: 1, total: 3 });
    expect(view.totals.applications.carried_out.total).toBe(1);
    // 条例第四十九条: the departments by 31 January, the county government by 31 March.
    expect(view.rows.map((r) => [r.source, r.reminder?.dueOn])).toEqual([['live', '2021-03-31'], ['live', '2021-01-31'], ['live', '2021-01-31']]);
    await expect(loadCountyView(deps, deps.db, organ.code, 2020)).rejects.toMatchObject({ code: 'ERR_REPORT_NOT_GOVERNMENT' });
  });
});

describe('report years', () => {
  it('refuses a year before the 条例 or after this one', async () => {
    const { parseReportYear } = await import('./report-errors.ts');
    expect(() => parseReportYear('2007', '2021-01-15')).toThrow('报告年度应为 2008 至 2021 之间的年份');
    expect(() => parseReportYear('2022', '2021-01-15')).toThrow();
    expect(parseReportYear('2021', '2021-01-15')).toBe(2021);
  });
});
