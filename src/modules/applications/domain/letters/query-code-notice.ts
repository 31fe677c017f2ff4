import type { DocumentModel } from '../../../../platform/documents/document-model.ts';
import type { IsoDate } from '../../../../shared/iso-date.ts';
import type { Application } from '../application.ts';
import { chineseDate } from '../chinese-date.ts';
import { unbreakablePhone } from './follow-up.ts';

export const QUERY_CODE_NOTICE_TITLE = '查询码重新设置告知';

/**
 * The 查询码重新设置告知 an applicant who lost the code is given on paper (a 平信 applicant has no other
 * way to receive it): the tracking number and the new code, that the old one no longer works, and where
 * to follow the case. Like the receipt printed at registration it is built from the code the reset
 * returns, shown and printed once, and never stored (docs/workflows/application-states.md).
 */
export function queryCodeNotice(o: {
  app: Pick<Application, 'applicantName' | 'trackingNo' | 'receivedOn'>; organName: string; issuedOn: IsoDate; queryCode: string; consultPhone: string; statusUrl: string | null;
}): DocumentModel {
  const site = o.statusUrl ? `本机关政府信息公开网站（${o.statusUrl}）` : '本机关政府信息公开网站';
  const phone = o.consultPhone.trim() ? `咨询电话：${unbreakablePhone(o.consultPhone.trim())}。` : '';
  const received = o.app.receivedOn ? `本机关于${chineseDate(o.app.receivedOn)}收到的您的` : '您的';
  return {
    title: `${QUERY_CODE_NOTICE_TITLE}（${o.app.trackingNo}）`,
    pageSize: 'A4',
    orientation: 'portrait',
    oneSheet: true,
    blocks: [
      { kind: 'title', text: QUERY_CODE_NOTICE_TITLE },
      { kind: 'subtitle', text: `申请编号：${o.app.trackingNo}` },
      { kind: 'paragraph', text: `${o.app.applicantName}：`, indent: false },
      { kind: 'paragraph', indent: true, text: `应您的要求，本机关已于${chineseDate(o.issuedOn)}重新设置${received}政府信息公开申请（申请编号：${o.app.trackingNo}）的查询码，原查询码作废，新的查询码为${o.queryCode}。` },
      { kind: 'paragraph', indent: true, text: `凭申请编号和新的查询码可在${site}查询办理进度、下载答复文书。请妥善保管查询码，不要告诉他人；再次遗失的，可凭申请编号和身份证件请本机关重新设置。${phone}` },
      { kind: 'signature', lines: [o.organName, '（印章）', chineseDate(o.issuedOn)] },
    ],
  };
}
