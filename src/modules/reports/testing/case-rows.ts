import type { Executor } from '../storage/executor.ts';

let serial = 0;

/** An application row as the applications area stores it, with only what the report reads varied. For tests and the benchmark. */
export async function insertApplication(
  db: Executor, organId: number,
  a: { receivedOn: string | null; repliedOn?: string | null; outcome?: string | null; applicantType?: string; feeYuan?: number; feePaidOn?: string },
): Promise<number> {
  const n = ++serial;
  const row = await db
    .insertInto('applications')
    .values({
      organ_id: organId, tracking_no: `TEST-${process.pid}-${n}`, state: a.repliedOn ? 'replied' : a.receivedOn ? 'in_progress' : 'awaiting_confirmation',
      channel: 'online', arrived_on: a.receivedOn ?? '2020-01-01', arrived_at: null, confirmed_on: null, received_on: a.receivedOn,
      applicant_type: a.applicantType ?? 'natural_person', applicant_name: '张某', subject: '申请公开有关信息', document_number: null, query_code_hash: null,
      handler_user_id: null, correction_notice_due_on: null, correction_requested_on: null, correction_due_on: null, corrected_on: null,
      extension_approved_by: null, extension_approved_on: null, extension_reason: null, due_on: null, original_due_on: null,
      fee_method: a.feeYuan ? 'per_application' : null, fee_units: null, fee_amount_yuan: a.feeYuan ?? null, fee_notice_sent_on: null, fee_notice_received_on: null,
      fee_due_on: null, fee_paid_on: a.feePaidOn ?? null, outcome: a.repliedOn ? (a.outcome ?? 'disclosed') : null, replied_on: a.repliedOn ?? null,
      archived_on: null, source: 'staff', created_by: null, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAppeal(db: Executor, organId: number, a: { kind: string; filedOn: string; result: string; decidedOn: string | null }): Promise<void> {
  await db
    .insertInto('appeals')
    .values({
      organ_id: organId, application_id: null, tracking_no: `TEST-${process.pid}-${++serial}`, kind: a.kind, filed_on: a.filedOn, result: a.result,
      decided_on: a.decidedOn, created_by: null, created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-01T00:00:00.000Z',
    })
    .execute();
}
