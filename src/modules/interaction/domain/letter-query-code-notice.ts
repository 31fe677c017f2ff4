import type { DocumentModel } from '../../../platform/documents/document-model.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { chineseDate, unbreakablePhone } from '../../applications/index.ts';
import type { Letter } from './letter.ts';
import { lostLetterCodeText } from './lost-query-code.ts';

export const LETTER_QUERY_CODE_NOTICE_TITLE = '查询码重新设置告知';

/**
 * The 查询码重新设置告知 of a letter to the mailbox, given to a writer who lost the code (on paper, by
 * post, or read out from it): the letter's number and the new code, that the old one no longer works,
 * and where to follow the letter. Built from the code the reset returns, shown once and never stored,
 * as an application's is (docs/workflows/mailbox.md). The code stands on its own line in bold, not
 * inside a sentence; the number never breaks across lines (its hyphens non-breaking, as a phone number's).
 */
export function letterQueryCodeNotice(o: {
  letter: Pick<Letter, 'writerName' | 'trackingNo' | 'submittedOn'>; organName: string; issuedOn: IsoDate; queryCode: string; consultPhone: string; statusUrl: string | null;
}): DocumentModel {
  const site = o.statusUrl ? `本机关政府信息公开网站（${o.statusUrl}）` : '本机关政府信息公开网站的“来信办理情况查询”';
  const phone = o.consultPhone.trim() ? `咨询电话：${unbreakablePhone(o.consultPhone.trim())}。` : '';
  const no = unbreakablePhone(o.letter.trackingNo);
  return {
    title: `${LETTER_QUERY_CODE_NOTICE_TITLE}（${o.letter.trackingNo}）`,
    pageSize: 'A4',
    orientation: 'portrait',
    oneSheet: true,
    blocks: [
      { kind: 'title', text: LETTER_QUERY_CODE_NOTICE_TITLE },
      { kind: 'subtitle', text: `信件编号：${no}` },
      { kind: 'paragraph', text: `${o.letter.writerName}：`, indent: false },
      { kind: 'paragraph', indent: true, text: `应您的要求，本机关已于${chineseDate(o.issuedOn)}重新设置您于${chineseDate(o.letter.submittedOn)}提交的来信（信件编号：${no}）的查询码，原查询码作废。` },
      { kind: 'paragraph', indent: true, bold: true, text: `新的查询码：${o.queryCode}` },
      { kind: 'paragraph', indent: true, text: `凭信件编号和新的查询码可在${site}查询办理情况、阅读答复并评价。请妥善保管查询码，不要告诉他人。${lostLetterCodeText('本机关', '再次遗失的')}${phone}` },
      { kind: 'signature', lines: [o.organName, '（印章）', chineseDate(o.issuedOn)] },
    ],
  };
}
