import type { AppDeps } from '../../../platform/app-deps.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { findOrganByCode } from '../../catalog/index.ts';
import { emptyApplicationsTable } from '../domain/applications-table.ts';
import { enteredProactiveRows } from '../domain/proactive-table.ts';
import { ROW_CARRIED_OUT } from '../domain/report-format.ts';
import { saveInputs } from '../storage/inputs-repository.ts';
import { PROSE_LABELS } from './prose-labels.ts';

export const DEMO_REPORT_ORGAN = 'qlx-zjj';
const TRACKING_NO = 'QLX-ZJJ-2020-00001';
/** Table 二 rows (labels of annual-report-format.json) counted from a demo catalog node; the others are 0. */
const DEMO_NODE_OF_ROW: Record<string, string> = { 行政许可: '许可结果', 行政处罚: '处罚结果' };

/**
 * The demo 住建局's annual-report data for 2020, so that its 2020 report opens with every check
 * passing: one application received on 2020-04-13 and answered on 2020-04-30 (不予公开, 过程性信息);
 * the applicant's reconsideration (维持, 2020-07-10), then a lawsuit after reconsideration that the
 * court dismissed (驳回诉讼请求 → 其他结果, 2020-11-18); the 2019 report's row 四 (all 0) as published
 * before the platform; and 2020's table 二 decision counts, taken from the demo catalog's 2020
 * 许可结果 and 处罚结果 items (one decision each), with no 行政强制 and no 行政事业性收费.
 * Call it after seedDemo(); it does nothing if the demo application is already there.
 */
export async function seedDemoReportData(deps: Pick<AppDeps, 'db' | 'dialect' | 'clock'>): Promise<{ applications: number; appeals: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganByCode(trx, DEMO_REPORT_ORGAN);
    if (!organ) throw new Error(`演示机关 ${DEMO_REPORT_ORGAN} 不存在：请先载入演示数据`);
    if (await trx.selectFrom('applications').select('id').where('tracking_no', '=', TRACKING_NO).executeTakeFirst()) return { applications: 0, appeals: 0 };
    const at = deps.clock.now().toISOString();
    const application = await trx
      .insertInto('applications')
      .values({
        organ_id: organ.id, tracking_no: TRACKING_NO, state: 'archived', channel: 'in_person', arrived_on: '2020-04-13', arrived_at: '2020-04-13T01:40:00.000Z',
        confirmed_on: null, received_on: '2020-04-13', applicant_type: 'natural_person', applicant_name: '张某', subject: '申请公开青岚县老旧小区改造项目立项过程中的内部讨论记录',
        document_number: null, query_code_hash: null, handler_user_id: null, correction_notice_due_on: null, correction_requested_on: null, correction_due_on: null,
        corrected_on: null, extension_approved_by: null, extension_approved_on: null, extension_reason: null, due_on: '2020-05-12', original_due_on: '2020-05-12',
        fee_method: null, fee_units: null, fee_amount_yuan: null, fee_notice_sent_on: null, fee_notice_received_on: null, fee_due_on: null, fee_paid_on: null,
        outcome: 'withheld.process_information', replied_on: '2020-04-30', archived_on: '2020-12-31', source: 'staff', created_by: null,
        created_at: '2020-04-13T01:40:00.000Z', updated_at: '2020-12-31T08:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('application_serials').values({ organ_id: organ.id, year: 2020, last_serial: 1 }).onConflict((oc) => oc.columns(['organ_id', 'year']).doNothing()).execute();
    const appeal = (kind: string, caseNo: string, body: string, filedOn: string, result: string, decidedOn: string, note: string) => ({
      organ_id: organ.id, application_id: application.id, tracking_no: TRACKING_NO, kind, case_no: caseNo, body, filed_on: filedOn, result, decided_on: decidedOn,
      note, created_by: null, created_at: `${filedOn}T02:00:00.000Z`, updated_at: `${decidedOn}T02:00:00.000Z`,
    });
    await trx.insertInto('appeals').values([
      appeal('reconsideration', '青政复决〔2020〕17号', '青岚县人民政府', '2020-05-20', 'upheld', '2020-07-10', '复议决定维持原告知'),
      appeal('litigation_after_reconsideration', '（2020）皖1529行初42号', '青岚县人民法院', '2020-07-22', 'other', '2020-11-18', '判决驳回诉讼请求'),
    ]).execute();

    const zeros = emptyApplicationsTable()[ROW_CARRIED_OUT];
    const counted = async (nodeName: string) => {
      const r = await trx
        .selectFrom('publications as p').innerJoin('publication_placements as pp', 'pp.publication_id', 'p.id').innerJoin('catalog_nodes as n', 'n.id', 'pp.node_id')
        .select((eb) => eb.fn.count<number>('p.id').distinct().as('n'))
        .where('p.organ_id', '=', organ.id).where('n.name', '=', nodeName).where('p.status', '=', 'published')
        .where('p.published_on', '>=', '2020-01-01').where('p.published_on', '<=', '2020-12-31')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    };
    const figures: Record<string, number> = {};
    for (const { row } of enteredProactiveRows(PROSE_LABELS.documentRowLabels)) {
      figures[row] = DEMO_NODE_OF_ROW[row] ? await counted(DEMO_NODE_OF_ROW[row]) : 0;
    }
    await saveInputs(trx, organ.id, 2019, { carriedOut: zeros, source: 'seed', by: null, at });
    await saveInputs(trx, organ.id, 2020, { proactive: figures, source: 'seed', by: null, at });
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: null, actorLabel: '系统：演示数据', action: 'demo.seed_report_data', entityType: 'organ', entityId: organ.code,
      organId: organ.id, before: null, after: { applications: 1, appeals: 2, inputs: { 2019: { [ROW_CARRIED_OUT]: zeros }, 2020: figures } },
    });
    return { applications: 1, appeals: 2 };
  });
}
