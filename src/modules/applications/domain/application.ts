import type { IsoDate, IsoInstant } from '../../../shared/iso-date.ts';
import type { ApplicantType, IdKind } from './applicant-types.ts';
import type { ApplicationState } from './application-states.ts';
import type { Channel } from './channels.ts';
import type { FeeMethod } from './fee-rules.ts';
import type { Outcome } from './outcomes.ts';
import type { ReplyBasis } from './reply-basis.ts';

export type PauseKind = 'third_party' | 'co_agency' | 'fee';
export const PAUSE_KIND_LABELS: Record<PauseKind, string> = {
  third_party: '征求第三方意见',
  co_agency: '征求其他机关意见',
  fee: '缴纳信息处理费',
};

/** A period whose working days do not count: (startedOn, endedOn] — see consultationPauses. */
export type Pause = {
  id: number;
  kind: PauseKind;
  party: string;
  startedOn: IsoDate;
  /** When the pause ends unless it ends earlier: 15 WD for a consultation, the payment deadline for a fee. */
  expectedEndOn: IsoDate | null;
  endedOn: IsoDate | null;
  note: string;
};

export type DueWarning = { code: string; message: string };

/** One application (依申请公开) as the domain sees it. */
export type Application = {
  id: number;
  organId: number;
  trackingNo: string;
  state: ApplicationState;
  channel: Channel;
  arrivedOn: IsoDate;
  arrivedAt: IsoInstant | null;
  confirmedOn: IsoDate | null;
  receiptEvidence: string;
  receivedOn: IsoDate | null;
  applicantType: ApplicantType;
  applicantName: string;
  applicantIdKind: IdKind | '';
  applicantIdNumber: string;
  applicantKey: string;
  contactPerson: string;
  contactPhone: string;
  contactEmail: string;
  contactAddress: string;
  postalCode: string;
  subject: string;
  documentNumber: string | null;
  provisionForm: string;
  deliveryMethod: string;
  handlerUserId: number | null;
  correctionNoticeDueOn: IsoDate | null;
  correctionRequestedOn: IsoDate | null;
  correctionDueOn: IsoDate | null;
  correctedOn: IsoDate | null;
  extensionWorkingDays: number;
  extensionApprovedBy: number | null;
  extensionApprovedOn: IsoDate | null;
  extensionReason: string | null;
  dueOn: IsoDate | null;
  originalDueOn: IsoDate | null;
  dueProvisional: boolean;
  dueWarnings: DueWarning[];
  feeMethod: FeeMethod | null;
  feeUnits: number | null;
  feeAmountYuan: number | null;
  feeNoticeSentOn: IsoDate | null;
  feeNoticeReceivedOn: IsoDate | null;
  feeDueOn: IsoDate | null;
  feePaidOn: IsoDate | null;
  outcome: Outcome | null;
  repliedOn: IsoDate | null;
  replyText: string;
  /** The item of 条例第三十六条 cited, the withheld part's ground and reason, the responsible organ. */
  replyBasis: ReplyBasis;
  /** 条例第四十条: the form provided ('' until a disclosure), and why it differs from the form asked for. */
  providedForm: string;
  providedFormReason: string;
  archivedOn: IsoDate | null;
  /** The day the applicant withdrew the application (closed as 其他处理). */
  withdrawnOn: IsoDate | null;
  /** 条例第三十五条: reasons asked for, reasons received, the later reply date notified. */
  reasonsRequestedOn: IsoDate | null;
  reasonsReceivedOn: IsoDate | null;
  delayedDueOn: IsoDate | null;
  /** 条例第四十三条: who filled in the application for the applicant ('' when nobody). */
  assistedBy: string;
  /** 条例第四十四条: flagged to become proactive disclosure, and why. */
  proactiveFlag: boolean;
  proactiveFlagReason: string;
  source: 'portal' | 'staff' | 'import';
  imported: boolean;
  createdBy: number | null;
  version: number;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
};
