import type { DocBlock, DocumentModel } from '../../../../platform/documents/document-model.ts';
import type { IsoDate } from '../../../../shared/iso-date.ts';
import { APPLICANT_TYPE_LABELS } from '../applicant-types.ts';
import { chineseDate } from '../chinese-date.ts';
import { isAdverseRecordCorrection, RECORD_CORRECTION_STATE_LABELS, type RecordCorrection } from '../record-correction.ts';
import { remedyParagraphs, type ReconsiderationBody } from './remedies.ts';

export const RECORD_CORRECTION_LETTER_TITLE = '政府信息更正申请处理告知书';
const ARTICLE = '《中华人民共和国政府信息公开条例》第四十一条';

export type RecordCorrectionLetterContext = {
  /** The 行政机关 that answers and signs (条例第二十七条 applies to it as to applications). */
  organName: string;
  /** 复议机关 as named in reply letters; used when the outcome is adverse. */
  reconsideration: ReconsiderationBody;
  /** Served by e-mail or online: the letter also offers online reconsideration. */
  servedOnline: boolean;
  issuedOn: IsoDate;
  letterNo: string;
};

/**
 * The 告知书 of a decided 第四十一条 request, in the organ's name: what was asked, what the organ did and
 * under which article; for an adverse outcome (not corrected, sent to another organ) the remedies with
 * the named reconsideration body, as in reply letters. Pure: the use case freezes the result.
 */
export function buildRecordCorrectionLetter(rc: RecordCorrection, ctx: RecordCorrectionLetterContext): DocumentModel {
  if (rc.state === 'received' || !rc.decidedOn) throw new Error('更正申请尚未作出处理，不能生成告知书');
  const on = chineseDate(rc.decidedOn);
  const intro = `本机关于${chineseDate(rc.receivedOn)}收到您提出的政府信息更正申请（编号：${rc.trackingNo}）。您认为本机关提供的与您自身相关的政府信息记录“${rc.recordDescription}”不准确，要求更正为“${rc.claimedCorrection}”，并提供了以下证据：${rc.evidence.replace(/[。；;.，,\s]+$/u, '')}。`;
  const outcome: Record<Exclude<RecordCorrection['state'], 'received'>, string[]> = {
    corrected: [
      `经审核，您提出的更正申请属实。根据${ARTICLE}的规定，本机关已于${on}予以更正，更正内容如下：`,
      rc.correctedContent,
    ],
    not_verified: [
      `经审核，您提出的更正申请不属实或者所提供的证据不足以证明上述信息记录不准确。根据${ARTICLE}的规定，本机关不予更正。理由如下：`,
      rc.decisionReason,
    ],
    transferred: [
      `经审核，更正上述信息记录不属于本机关的职能范围。根据${ARTICLE}的规定，本机关已于${on}将您的更正申请转送有权更正的${rc.competentOrgan}处理，由其依法处理并告知您。`,
    ],
    referred: [
      `经审核，更正上述信息记录不属于本机关的职能范围。根据${ARTICLE}的规定，请您向有权更正的${rc.competentOrgan}提出更正申请${rc.competentContact ? `（联系方式：${rc.competentContact}）` : ''}。`,
    ],
  };
  const fields = [
    { label: '编号', value: rc.trackingNo },
    { label: '收到更正申请日期', value: chineseDate(rc.receivedOn) },
    { label: '申请人', value: `${rc.applicantName}（${APPLICANT_TYPE_LABELS[rc.applicantType]}）` },
    ...(rc.applicationTrackingNo ? [{ label: '原政府信息公开申请编号', value: rc.applicationTrackingNo }] : []),
    { label: '处理结果', value: RECORD_CORRECTION_STATE_LABELS[rc.state] },
    ...(rc.competentOrgan ? [{ label: '有权更正的机关', value: rc.competentContact ? `${rc.competentOrgan}（${rc.competentContact}）` : rc.competentOrgan }] : []),
  ];
  const remedies: DocBlock[] = isAdverseRecordCorrection(rc.state)
    ? [{ kind: 'heading', level: 2, text: '救济途径' }, ...remedyParagraphs(null, ctx.reconsideration, ctx.servedOnline).map((p) => para(p, true))]
    : [];
  return {
    title: `${RECORD_CORRECTION_LETTER_TITLE}（${rc.trackingNo}）`,
    pageSize: 'A4',
    orientation: 'portrait',
    blocks: [
      { kind: 'title', text: RECORD_CORRECTION_LETTER_TITLE },
      { kind: 'subtitle', text: ctx.letterNo },
      para(`${rc.applicantName}：`, false),
      para(intro, true),
      ...outcome[rc.state].map((p) => para(p, true)),
      { kind: 'fields', items: fields },
      ...remedies,
      { kind: 'signature', lines: [ctx.organName, '（印章）', chineseDate(ctx.issuedOn)] },
    ],
  };
}

const para = (text: string, indent: boolean): DocBlock => ({ kind: 'paragraph', text, indent });
