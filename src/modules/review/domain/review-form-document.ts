import type { DocumentModel } from '../../../platform/documents/document-model.ts';
import { SECRECY_LABELS, type SecrecyLevel } from './review-roles.ts';

export type ReviewFormData = {
  organName: string;
  title: string;
  documentNumber: string | null;
  formedOn: string;
  disclosureModeLabel: string;
  indexNumber: string | null;
  summary: string;
  secrecyLevel: SecrecyLevel;
  involvesPersonalInfo: boolean;
  /** The personal data the scan found and a reviewer accepted, so published as it stands: each kind with how many. */
  personalInfoAccepted?: { label: string; count: number }[];
  avoidanceNote: string;
  scanSummary: string;
  scanJustification: string;
  signOffs: { stage: string; role: string; person: string; decision: string; comment: string; at: string; version: number }[];
  printedAt: string;
};

/**
 * The form's 涉及个人信息, true of what was published. The drafter's 是 stands. Where the drafter said 否 but a reviewer
 * accepted personal data the scan found (published as it stands, each with its reason), a bare 否 is not true and a bare
 * 是 may not be either (the reason may be that the number is the office's published duty phone): the cell says both
 * facts — the drafter's 否 and what was accepted — derived from the accepted findings (docs/rules/privacy-and-secrecy.md).
 * An outside tester printed 涉及个人信息：否 over an accepted and published mobile number.
 */
export function personalInfoAnswer(drafterSaid: boolean, accepted: readonly { label: string; count: number }[]): string {
  if (drafterSaid) return '是';
  if (accepted.length === 0) return '否';
  return `起草人填写“否”；审核中接受公开疑似个人信息：${accepted.map((a) => `${a.label} ${a.count} 处`).join('、')}（理由见“审核人说明”）`;
}

/**
 * 信息公开（保密审查）申请表: the per-item form kept on paper and electronically, with the content,
 * how secrets were avoided and every sign-off (保守国家秘密法第三十五条; 条例第十七条).
 */
export function reviewFormDocument(d: ReviewFormData): DocumentModel {
  const cell = (text: string, extra: Record<string, unknown> = {}) => ({ text, ...extra });
  return {
    title: `信息公开保密审查表：${d.title}`,
    blocks: [
      { kind: 'title', text: '政府信息公开保密审查表' },
      { kind: 'subtitle', text: d.organName },
      {
        kind: 'table',
        columnWidths: [2, 5, 2, 3],
        header: [],
        rows: [
          [cell('信息名称', { bold: true }), cell(d.title, { colSpan: 3 })],
          [cell('文号', { bold: true }), cell(d.documentNumber ?? '无'), cell('成文日期', { bold: true }), cell(d.formedOn)],
          [cell('公开方式', { bold: true }), cell(d.disclosureModeLabel), cell('索引号', { bold: true }), cell(d.indexNumber ?? '发布时生成')],
          [cell('内容概述', { bold: true }), cell(d.summary || '—', { colSpan: 3 })],
          [cell('密级', { bold: true }), cell(SECRECY_LABELS[d.secrecyLevel]), cell('涉及个人信息', { bold: true }), cell(personalInfoAnswer(d.involvesPersonalInfo, d.personalInfoAccepted ?? []))],
          [cell('保密处理情况', { bold: true }), cell(d.avoidanceNote || '—', { colSpan: 3 })],
          [cell('敏感信息扫描', { bold: true }), cell(d.scanSummary, { colSpan: 3 })],
          [cell('审核人说明', { bold: true }), cell(d.scanJustification || '—', { colSpan: 3 })],
        ],
      },
      { kind: 'heading', level: 1, text: '审核签署' },
      {
        kind: 'table',
        columnWidths: [3, 3, 3, 2, 4, 3, 1],
        header: [[cell('环节', { bold: true }), cell('角色', { bold: true }), cell('签署人', { bold: true }), cell('意见', { bold: true }), cell('说明', { bold: true }), cell('时间', { bold: true }), cell('版本', { bold: true })]],
        rows: d.signOffs.length
          ? d.signOffs.map((s) => [cell(s.stage), cell(s.role), cell(s.person), cell(s.decision), cell(s.comment || '—'), cell(s.at), cell(String(s.version))])
          : [[cell('尚无签署', { colSpan: 7 })]],
      },
      { kind: 'paragraph', text: '依据：《中华人民共和国保守国家秘密法》第三十五条、《中华人民共和国政府信息公开条例》第十七条。本表由 gongkai 平台根据电子签署记录生成，与纸质存档一致。', indent: true },
      { kind: 'signature', lines: [d.organName, `打印时间：${d.printedAt}`] },
    ],
  };
}
