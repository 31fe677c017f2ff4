import { z } from '../../../shared/zod.ts';
import { applicantIdentityRefinement, applicantIdentityShape, date, describingText, namingText, optionalText } from './application-input.ts';
import { STAFF_CHANNELS } from './channels.ts';

/**
 * What staff register of a 条例第四十一条 correction request: how and when it was received, who asks
 * (the same identity and contact fields as an application), which record is inaccurate (and the
 * application case it was provided in, if any), what the applicant says is correct, and the evidence —
 * the article asks the applicant to prove the inaccuracy (有证据证明), so the evidence is required.
 */
export const recordCorrectionFields = z
  .object({
    channel: z.enum(STAFF_CHANNELS, { message: '请选择提交方式' }),
    receivedOn: date('收到更正申请的日期'),
    ...applicantIdentityShape,
    applicationTrackingNo: optionalText('原申请编号', 40),
    recordDescription: describingText('不准确的信息记录', 2000),
    // Written into the 告知书: at least one written character each, not emoji or punctuation only (shared/written-text.ts).
    claimedCorrection: namingText('申请人认为正确的内容', 2000),
    evidence: namingText('申请人提供的证据', 2000),
  })
  .superRefine(...applicantIdentityRefinement);

export type RecordCorrectionFields = z.infer<typeof recordCorrectionFields>;
