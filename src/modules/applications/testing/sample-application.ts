import type { Application } from '../domain/application.ts';
import type { ApplicationState } from '../domain/application-states.ts';

/** A received online application of a natural person, for pure tests of decide and the letters. */
export function sampleApplication(state: ApplicationState = 'in_progress', over: Partial<Application> = {}): Application {
  return {
    id: 1, organId: 1, trackingNo: 'QHX-ZJJ-2026-00001', state, channel: 'online', arrivedOn: '2026-02-26', arrivedAt: null,
    confirmedOn: '2026-03-02', receiptEvidence: '电话确认', receivedOn: '2026-03-02', applicantType: 'natural_person', applicantName: '王某',
    applicantIdKind: 'resident_id', applicantIdNumber: '11010519491231002X', applicantKey: 'k', contactPerson: '', contactPhone: '13800000000',
    contactEmail: '', contactAddress: '', postalCode: '', subject: '2025年城区老旧小区改造项目清单', documentNumber: null, provisionForm: 'electronic',
    deliveryMethod: 'email', handlerUserId: 7, correctionNoticeDueOn: '2026-03-11', correctionRequestedOn: null, correctionDueOn: null,
    correctedOn: null, extensionWorkingDays: 0, extensionApprovedBy: null, extensionApprovedOn: null, extensionReason: null, dueOn: '2026-03-30',
    originalDueOn: '2026-03-30', dueProvisional: false, dueWarnings: [], feeMethod: null, feeUnits: null, feeAmountYuan: null, feeNoticeSentOn: null,
    feeNoticeReceivedOn: null, feeDueOn: null, feePaidOn: null, outcome: null, repliedOn: null, replyText: '', archivedOn: null, withdrawnOn: null, reasonsRequestedOn: null, reasonsReceivedOn: null, delayedDueOn: null, assistedBy: '', proactiveFlag: false, proactiveFlagReason: '',
    replyBasis: {}, providedForm: '', providedFormReason: '',
    source: 'portal', imported: false, createdBy: null, version: 1, createdAt: '2026-02-26T02:00:00Z', updatedAt: '2026-02-26T02:00:00Z',
    ...over,
  };
}
