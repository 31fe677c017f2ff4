import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ApplicationsTable } from '../../../platform/db/schema-areas/applications.ts';
import type { ApplicantType, IdKind } from '../domain/applicant-types.ts';
import type { Application, DueWarning } from '../domain/application.ts';
import type { ApplicationState } from '../domain/application-states.ts';
import type { Channel } from '../domain/channels.ts';
import type { ApplicationChanges } from '../domain/decide.ts';
import type { FeeMethod } from '../domain/fee-rules.ts';
import type { Outcome } from '../domain/outcomes.ts';

export type ApplicationRow = Selectable<ApplicationsTable>;

export const toApplication = (r: ApplicationRow): Application => ({
  id: r.id,
  organId: r.organ_id,
  trackingNo: r.tracking_no,
  state: r.state as ApplicationState,
  channel: r.channel as Channel,
  arrivedOn: r.arrived_on,
  arrivedAt: r.arrived_at,
  confirmedOn: r.confirmed_on,
  receiptEvidence: r.receipt_evidence,
  receivedOn: r.received_on,
  applicantType: r.applicant_type as ApplicantType,
  applicantName: r.applicant_name,
  applicantIdKind: r.applicant_id_kind as IdKind | '',
  applicantIdNumber: r.applicant_id_number,
  applicantKey: r.applicant_key,
  contactPerson: r.contact_person,
  contactPhone: r.contact_phone,
  contactEmail: r.contact_email,
  contactAddress: r.contact_address,
  postalCode: r.postal_code,
  subject: r.subject,
  documentNumber: r.document_number,
  provisionForm: r.provision_form,
  deliveryMethod: r.delivery_method,
  handlerUserId: r.handler_user_id,
  correctionNoticeDueOn: r.correction_notice_due_on,
  correctionRequestedOn: r.correction_requested_on,
  correctionDueOn: r.correction_due_on,
  correctedOn: r.corrected_on,
  extensionWorkingDays: r.extension_working_days,
  extensionApprovedBy: r.extension_approved_by,
  extensionApprovedOn: r.extension_approved_on,
  extensionReason: r.extension_reason,
  dueOn: r.due_on,
  originalDueOn: r.original_due_on,
  dueProvisional: Number(r.due_provisional) === 1,
  dueWarnings: JSON.parse(r.due_warnings_json) as DueWarning[],
  feeMethod: r.fee_method as FeeMethod | null,
  feeUnits: r.fee_units,
  feeAmountYuan: r.fee_amount_yuan,
  feeNoticeSentOn: r.fee_notice_sent_on,
  feeNoticeReceivedOn: r.fee_notice_received_on,
  feeDueOn: r.fee_due_on,
  feePaidOn: r.fee_paid_on,
  outcome: r.outcome as Outcome | null,
  repliedOn: r.replied_on,
  replyText: r.reply_text,
  replyBasis: JSON.parse(r.reply_basis_json) as Application['replyBasis'],
  providedForm: r.provided_form,
  providedFormReason: r.provided_form_reason,
  archivedOn: r.archived_on,
  withdrawnOn: r.withdrawn_on,
  reasonsRequestedOn: r.reasons_requested_on,
  reasonsReceivedOn: r.reasons_received_on,
  delayedDueOn: r.delayed_due_on,
  assistedBy: r.assisted_by,
  proactiveFlag: Number(r.proactive_flag) === 1,
  proactiveFlagReason: r.proactive_flag_reason,
  source: r.source as Application['source'],
  imported: Number(r.imported) === 1,
  createdBy: r.created_by,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMN_OF: Record<keyof ApplicationChanges, keyof ApplicationsTable> = {
  confirmedOn: 'confirmed_on',
  receiptEvidence: 'receipt_evidence',
  receivedOn: 'received_on',
  handlerUserId: 'handler_user_id',
  correctionNoticeDueOn: 'correction_notice_due_on',
  correctionRequestedOn: 'correction_requested_on',
  correctionDueOn: 'correction_due_on',
  correctedOn: 'corrected_on',
  extensionWorkingDays: 'extension_working_days',
  extensionApprovedBy: 'extension_approved_by',
  extensionApprovedOn: 'extension_approved_on',
  extensionReason: 'extension_reason',
  feeMethod: 'fee_method',
  feeUnits: 'fee_units',
  feeAmountYuan: 'fee_amount_yuan',
  feeNoticeSentOn: 'fee_notice_sent_on',
  feeNoticeReceivedOn: 'fee_notice_received_on',
  feeDueOn: 'fee_due_on',
  feePaidOn: 'fee_paid_on',
  outcome: 'outcome',
  repliedOn: 'replied_on',
  replyText: 'reply_text',
  replyBasis: 'reply_basis_json',
  providedForm: 'provided_form',
  providedFormReason: 'provided_form_reason',
  archivedOn: 'archived_on',
  withdrawnOn: 'withdrawn_on',
  reasonsRequestedOn: 'reasons_requested_on',
  reasonsReceivedOn: 'reasons_received_on',
  delayedDueOn: 'delayed_due_on',
};

/** The columns a decision changes. */
export function changesToColumns(changes: ApplicationChanges): Updateable<ApplicationsTable> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) out[COLUMN_OF[key as keyof ApplicationChanges]] = key === 'replyBasis' ? JSON.stringify(value) : value;
  return out as Updateable<ApplicationsTable>;
}

/** The stored due date and its warnings (so overdue and due-soon are plain SQL). */
export type DueColumns = Pick<Insertable<ApplicationsTable>, 'due_on' | 'original_due_on' | 'due_provisional' | 'due_warnings_json'>;
