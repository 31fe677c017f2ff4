import type { DocumentModel } from '../../../../platform/documents/document-model.ts';
import type { IsoDate } from '../../../../shared/iso-date.ts';
import type { Application } from '../application.ts';
import { chineseDate } from '../chinese-date.ts';
import { unbreakablePhone } from './follow-up.ts';
import { lostApplicationCodeText } from '../lost-query-code.ts';

export const QUERY_CODE_NOTICE_TITLE = '查询码重新设置告知';

/**
 * The 查询码重新设置告知 an applicant who lost the code is given on paper (a 平信 applicant has no other
 * way to receive it): the tracking number and the new code, that the old one no longer works, and where
 * to follow the case. Like the receipt printed at registration it is built from the code the reset
 * returns, shown and printed once, and never stored (docs/workflows/application-states.md). The code
 * stands on its own line in bold, not inside a sentence; the number never breaks across lines (its
 * hyphens non-breaking, as a phone number's); where to follow the case is the status page's address when
 * the site's is configured, else the page's name and where it is on the site.
 */
export function queryCodeNotice(o: {
  app: Pick<Application, 'applicantName' | 'trackingNo' | 'receivedOn'>; organName: string; issuedOn: IsoDate; queryCode: string; consultPhone: string; statusUrl: string | null;
}): DocumentModel {
  const site = o.statusUrl ? `本机关政府信息公开网站（${o.statusUrl}）` : '本机关政府信息公开网站的“依申请公开办理进度查询”（在网站“依申请公开”页面点击“查询办理进度”）';
  const no = unbreakablePhone(o.app.trackingNo);
  const phone = o.consultPhone.trim() ? `咨询电话：${unbreakablePhone(o.consultPhone.trim())}。` : '';
  const received = o.app.receivedOn ? `本机关于${chineseDate(o.app.receivedOn)}收到的您的` : '您的';
  return {
    title: `${QUERY_CODE_NOTICE_TITLE}（${o.app.trackingNo}）`,
    pageSize: 'A4',
    orientation: 'portrait',
    oneSheet: true,
    blocks: [
      { kind: 'title', text: QUERY_CODE_NOTICE_TITLE },
      { kind: 'subtitle', text: `申请编号：${no}` },
      { kind: 'paragraph', text: `${o.app.applicantName}：`, indent: false },
      { kind: 'paragraph', indent: true, text: `应您的要求，本机关已于${chineseDate(o.issuedOn)}重新设置${received}政府信息公开申请（申请编号：${no}）的查询码，原查询码作废。` },
      { kind: 'paragraph', indent: true, bold: true, text: `新的查询码：${o.queryCode}` },
      { kind: 'paragraph', indent: true, text: `凭申请编号和新的查询码可在${site}查询办理进度、下载答复文书。请妥善保管查询码，不要告诉他人。${lostApplicationCodeText('本机关', '再次遗失的')}${phone}` },
      { kind: 'signature', lines: [o.organName, '（印章）', chineseDate(o.issuedOn)] },
    ],
  };
}
