import type { DocumentModel } from '../../../../platform/documents/document-model.ts';
import { LOST_APPLICATION_CODE_ON_RECEIPT } from '../lost-query-code.ts';

/**
 * How the applicant was given the 查询码: on the copy of the receipt printed at registration
 * (`at_registration`), on the portal when they submitted online (`online`), or not at all — a fax,
 * e-mail or ordinary letter registered before it was confirmed, whose receipt is made later.
 */
export type QueryCodeGiven = 'at_registration' | 'online' | 'not_given';

/** The words of the stored receipt where the copy shown at registration prints the code itself. */
const CODE_GIVEN_AT_REGISTRATION = '登记时告知的查询码';

/**
 * How the 申请登记回执 tells the applicant to follow the case. The 查询码 is stored only hashed
 * (create-application.ts), and the stored receipt — opened, downloaded and reprinted later — never
 * holds it either: it says the code was given at registration and how to have it reset; only the
 * copy the registration's answer shows once (`withQueryCode`) prints it. `statusUrl`: the portal's
 * status page when the public address is configured (GONGKAI_PUBLIC_URL), else null.
 */
export function followUpSentence(o: { codeGiven: QueryCodeGiven; consultPhone: string; statusUrl: string | null }): string {
  const phone = o.consultPhone.trim() ? `咨询电话：${unbreakablePhone(o.consultPhone.trim())}。` : '';
  const site = o.statusUrl ? `本机关政府信息公开网站（${o.statusUrl}）` : '本机关政府信息公开网站';
  const reset = LOST_APPLICATION_CODE_ON_RECEIPT;
  if (o.codeGiven === 'at_registration') return `凭申请编号和${CODE_GIVEN_AT_REGISTRATION}可在${site}查询办理进度、下载答复文书；${reset}${phone}`;
  if (o.codeGiven === 'online') return `您可以凭申请编号和提交申请时获得的查询码，在${site}查询办理进度、下载答复文书；${reset}${phone}`;
  return `您可以凭申请编号向本机关查询办理进度；请本机关设置查询码后，也可在${site}查询。${phone}`;
}

/**
 * A phone number that never breaks across lines (0564- / 5022106, found by an outside tester): its
 * hyphens become non-breaking hyphens (U+2011), which pdfkit, Word and browsers all keep with the
 * digits, and which the PDF's font draws as a hyphen.
 */
export const unbreakablePhone = (phone: string) => phone.replace(/-/g, '\u2011');

/**
 * The copy of a stored receipt printed at registration, the one time the code is known: the code in
 * place of the words saying it was given then. A template without those words is returned as it is.
 */
export function withQueryCode(doc: DocumentModel, queryCode: string): DocumentModel {
  return {
    ...doc,
    blocks: doc.blocks.map((b) => (b.kind === 'paragraph' && b.text.includes(CODE_GIVEN_AT_REGISTRATION)
      ? { ...b, text: b.text.replace(CODE_GIVEN_AT_REGISTRATION, `查询码${queryCode}`) }
      : b)),
  };
}
