import type { AppDeps } from '../../../platform/app-deps.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { findOrganByCode, listOrgans } from '../../catalog/index.ts';
import { emptyApplicationsTable } from '../domain/applications-table.ts';
import { enteredProactiveRows } from '../domain/proactive-table.ts';
import { ROW_CARRIED_OUT } from '../domain/report-format.ts';
import type { ReportSections } from '../domain/report-types.ts';
import { applicationWithTrackingNoExists, insertAppealRows, insertApplicationRow, reserveApplicationSerial } from '../storage/demo-case-repository.ts';
import { saveInputs } from '../storage/inputs-repository.ts';
import { insertVersion, updateVersion } from '../storage/reports-repository.ts';
import { buildLiveReport } from './build-report.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { PROSE_LABELS } from './prose-labels.ts';

export const DEMO_REPORT_ORGAN = 'qlx-zjj';
const TRACKING_NO = 'QLX-ZJJ-2020-00001';

/**
 * An annual report the demo catalog publishes: its organ and year, the day it went out, the table 二
 * figures entered from other systems (行政许可, 行政处罚 … decisions as its items list them) and its
 * text sections, as the item states them.
 */
export type DemoReportRecord = { organCode: string; year: number; publishedOn: string; entered: Record<string, number>; sections: ReportSections };

/**
 * The demo region's annual-report data, so that what the demo catalog publishes and what the
 * reports area computes agree:
 * - the 住建局's 2020 case: one application received on 2020-04-13 and answered on 2020-04-30
 *   (不予公开, 过程性信息); the applicant's reconsideration (维持, 2020-07-10), then a lawsuit after
 *   reconsideration that the court dismissed (驳回诉讼请求 → 其他结果, 2020-11-18);
 * - row 四 of the report before each organ's first demo report (2018; 2019 for the 住建局 when no
 *   report is given), all 0, as published before the platform;
 * - for every report the demo catalog publishes, the table 二 figures entered from other systems
 *   (the 行政许可 and 行政处罚 decisions its items list; no 行政强制, no 行政事业性收费);
 * - every report whose item is out by the clock's day recorded as published on the day its catalog
 *   item went out, frozen with the figures the platform computes and the item's text (a check failing
 *   here is a demo defect). On the demo's own date that is every report from 2019 to 2025; a test that
 *   runs the demo on 20 January 2021 still finds the 住建局's 2020 report to draft.
 * Call it after seedDemo(); it does nothing if the demo application is already there.
 */
export async function seedDemoReportData(
  deps: Pick<AppDeps, 'db' | 'dialect' | 'clock'>, reports: DemoReportRecord[],
): Promise<{ applications: number; appeals: number; reports: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganByCode(trx, DEMO_REPORT_ORGAN);
    if (!organ) throw new Error(`演示机关 ${DEMO_REPORT_ORGAN} 不存在：请先载入演示数据`);
    if (await applicationWithTrackingNoExists(trx, TRACKING_NO)) return { applications: 0, appeals: 0, reports: 0 };
    const at = deps.clock.now().toISOString();
    const applicationId = await insertApplicationRow(trx, {
      organ_id: organ.id, tracking_no: TRACKING_NO, state: 'archived', channel: 'in_person', arrived_on: '2020-04-13', arrived_at: '2020-04-13T01:40:00.000Z',
      confirmed_on: null, received_on: '2020-04-13', applicant_type: 'natural_person', applicant_name: '张某', subject: '申请公开青岚县老旧小区改造项目立项过程中的内部讨论记录',
      document_number: null, query_code_hash: null, handler_user_id: null, correction_notice_due_on: null, correction_requested_on: null, correction_due_on: null,
      corrected_on: null, extension_approved_by: null, extension_approved_on: null, extension_reason: null, due_on: '2020-05-12', original_due_on: '2020-05-12',
      fee_method: null, fee_units: null, fee_amount_yuan: null, fee_notice_sent_on: null, fee_notice_received_on: null, fee_due_on: null, fee_paid_on: null,
      outcome: 'withheld.process_information', replied_on: '2020-04-30', archived_on: '2020-12-31', source: 'staff', created_by: null,
      created_at: '2020-04-13T01:40:00.000Z', updated_at: '2020-12-31T08:00:00.000Z',
    });
    await reserveApplicationSerial(trx, organ.id, 2020, 1);
    const appeal = (kind: string, caseNo: string, body: string, filedOn: string, result: string, decidedOn: string, note: string) => ({
      organ_id: organ.id, application_id: applicationId, tracking_no: TRACKING_NO, kind, case_no: caseNo, body, filed_on: filedOn, result, decided_on: decidedOn,
      note, created_by: null, created_at: `${filedOn}T02:00:00.000Z`, updated_at: `${decidedOn}T02:00:00.000Z`,
    });
    await insertAppealRows(trx, [
      appeal('reconsideration', '青政复决〔2020〕17号', '青岚县人民政府', '2020-05-20', 'upheld', '2020-07-10', '复议决定维持原告知'),
      appeal('litigation_after_reconsideration', '（2020）皖1529行初42号', '青岚县人民法院', '2020-07-22', 'other', '2020-11-18', '判决驳回诉讼请求'),
    ]);

    const zeros = emptyApplicationsTable()[ROW_CARRIED_OUT];
    const allOrgans = await listOrgans(trx);
    // The year before each organ's first demo report was published before the platform, none left open: its row 四 is entered.
    const before = new Map<string, number>();
    for (const r of reports) before.set(r.organCode, Math.min(before.get(r.organCode) ?? r.year, r.year));
    if (!before.has(organ.code)) before.set(organ.code, 2020);
    for (const [code, first] of before) {
      const o = allOrgans.find((x) => x.code === code);
      if (o) await saveInputs(trx, o.id, first - 1, { carriedOut: zeros, source: 'seed', by: null, at });
    }
    const today = chinaDateOf(deps.clock.now());
    let published = 0;
    const sorted = [...reports].sort((a, b) => a.year - b.year || a.organCode.localeCompare(b.organCode));
    for (const r of sorted) {
      const o = allOrgans.find((x) => x.code === r.organCode);
      if (!o) throw new Error(`演示机关 ${r.organCode} 不存在`);
      const figures = Object.fromEntries(enteredProactiveRows(PROSE_LABELS.documentRowLabels).map(({ row }) => [row, r.entered[row] ?? 0]));
      await saveInputs(trx, o.id, r.year, { proactive: figures, source: 'seed', by: null, at });
      const { report } = await buildLiveReport(trx, o, allOrgans, r.year, r.sections);
      if (r.publishedOn > today) continue; // not out yet on the clock's day (tests run the demo at an earlier date)
      const failing = report.checks.filter((c) => !c.ok);
      if (failing.length) throw new Error(`演示数据有误：${o.name}${r.year}年度报告核对未通过：${failing.map((c) => c.title).join('；')}`);
      const publishedAt = `${r.publishedOn}T02:00:00.000Z`;
      const id = await insertVersion(trx, { organId: o.id, year: r.year, versionNo: 1, sections: r.sections, note: '', by: null, at: publishedAt });
      await updateVersion(trx, id, 1, {
        status: 'published', frozen: report, submittedBy: null, submittedAt: publishedAt, publishedBy: null, publishedAt, publishedOn: r.publishedOn, by: null, at: publishedAt,
      });
      published++;
    }
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: null, actorLabel: '系统：演示数据', action: 'demo.seed_report_data', entityType: 'organ', entityId: organ.code,
      organId: organ.id, before: null, after: { applications: 1, appeals: 2, carriedOutBefore: Object.fromEntries([...before].map(([c, y]) => [c, y - 1])), publishedReports: published },
    });
    return { applications: 1, appeals: 2, reports: published };
  });
}
