import { describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../../../../../test/support/pdf-pages.ts';
import { renderDocumentPdf } from '../../../../platform/documents/index.ts';
import { sampleApplication } from '../../testing/sample-application.ts';
import { receiptRule } from '../channels.ts';
import { buildLetter, RECEIPT_QUOTE_MAX } from './build-letter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { followUpSentence, withQueryCode } from './follow-up.ts';

const ORGAN = '青岚县住房和城乡建设局';
const TRACKING_NO = 'QHX-ZJJ-2026-00187';
const SUBJECT = '2025年城区老旧小区改造项目清单及各项目的立项批复、招标投标结果、施工合同和竣工验收备案材料';
// As issue-letter.ts adds it when a date falls in a year whose holiday notice is not loaded.
const PROVISIONAL_NOTE = '标注“暂定”的日期所在年度的国务院节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的法定节假日计算；该年度节假日安排公布后如有变化，以本机关另行告知的日期为准。';


const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * Found by an outside tester: the receipt of a paper application with a two-line request and a 暂定
 * reply deadline took two A4 pages (GB/T 9704: 22 lines a page; the 落款 took the last field with it),
 * and its fields block repeated the 申请编号 and 收到日期 the first paragraph states.
 */
describe('the 申请登记回执 of a paper application', () => {
  it.each(['in_person', 'post_signed', 'post_ordinary'] as const)('%s: fits on one page with who applied, what, when received, the number, the deadline (条例第三十三条) and how to ask, each once — stored and as shown with the code', async (channel) => {
    const app = sampleApplication('in_progress', {
      channel, trackingNo: TRACKING_NO, subject: SUBJECT, arrivedOn: '2026-12-14', receivedOn: '2026-12-14',
      confirmedOn: null, dueOn: '2027-01-13', originalDueOn: '2027-01-13', dueProvisional: true, deliveryMethod: 'post',
    });
    const stored = buildLetter('acknowledgement', {
      app, organName: ORGAN, issuedOn: '2026-12-15', template: DEFAULT_TEMPLATES.acknowledgement,
      // The longest receipt: an ordinary letter's 收到规则, this request, the 暂定 note, the status page's
      // address and a 咨询电话 (it used to take a 23rd line and spill onto a second page).
      values: {
        收到规则: receiptRule(channel), 答复期限: '2027年1月13日（暂定）',
        查询方式: followUpSentence({ codeGiven: 'at_registration', consultPhone: '0564-5022001', statusUrl: 'https://gk.qinglan.gov.cn/applications/status' }),
      },
      notes: [PROVISIONAL_NOTE], letterNo: '岚建依申请公开〔2026〕第187号',
      reconsideration: { body: '', address: '', online: '' }, serviceMethod: 'post',
    });
    const shown = withQueryCode(stored, '72AX2G5E');
    for (const doc of [stored, shown]) {
      const pages = await pdfPageTexts(await renderDocumentPdf(doc));
      expect(pages).toHaveLength(1);
      const text = pages[0];
      expect(text).toContain('王某：');
      expect(text).toContain(SUBJECT);
      expect(occurrences(text, TRACKING_NO)).toBe(1);
      expect(occurrences(text, '2026年12月14日')).toBe(1);
      expect(occurrences(text, '2027年1月13日（暂定）')).toBe(1);
      expect(text).toContain('第三十三条');
      expect(text).toContain('查询办理进度');
      expect(text).toContain('https://gk.qinglan.gov.cn/applications/status');
      expect(text).toContain('0564-5022001');
      expect(text).toContain(`${ORGAN}（印章）2026年12月15日`);
    }
    const [storedText, shownText] = [JSON.stringify(stored), JSON.stringify(shown)];
    expect(storedText).not.toContain('72AX2G5E');
    expect(storedText).toContain('登记时告知的查询码');
    expect(shownText).toContain('查询码72AX2G5E');
    expect(shownText).not.toContain('登记时告知的查询码');
  });

  // Found by an outside tester: a 平信 application's receipt with a request of about 130 characters
  // and a 文号 took two pages, the 查询码, the 落款 and the 印章 on the second; and its 咨询电话 broke
  // across lines as 0564- / 5022106. The form takes up to 2,000 characters of request.
  it.each([44, 45, 130, 150, 300, 2000])('a request of %i characters with a 文号 keeps the receipt on one page: quoted in full up to a length, else its beginning and （详见申请表）', async (length) => {
    const subject = Array.from({ length: 60 }, () => SUBJECT).join('；').slice(0, length);
    const app = sampleApplication('in_progress', {
      channel: 'post_ordinary', trackingNo: TRACKING_NO, subject, documentNumber: '岚建〔2025〕63号', arrivedOn: '2026-12-14', receivedOn: '2026-12-14',
      confirmedOn: null, dueOn: '2027-01-13', originalDueOn: '2027-01-13', dueProvisional: true, deliveryMethod: 'post',
    });
    const stored = buildLetter('acknowledgement', {
      app, organName: ORGAN, issuedOn: '2026-12-15', template: DEFAULT_TEMPLATES.acknowledgement,
      values: {
        收到规则: receiptRule('post_ordinary'), 答复期限: '2027年1月13日（暂定）',
        查询方式: followUpSentence({ codeGiven: 'at_registration', consultPhone: '0564-5022106', statusUrl: 'https://gk.qinglan.gov.cn/applications/status' }),
      },
      notes: [PROVISIONAL_NOTE], letterNo: '岚建依申请公开〔2026〕第187号',
      reconsideration: { body: '', address: '', online: '' }, serviceMethod: 'post',
    });
    const shown = withQueryCode(stored, '72AX2G5E');
    const pages = await pdfPageTexts(await renderDocumentPdf(shown));
    expect(pages).toHaveLength(1);
    const text = pages[0]!.replace(/\u2011/g, '-');
    expect(text).toContain(`您关于公开“${SUBJECT.slice(0, 20)}`);
    expect(text).toContain('（文号：岚建〔2025〕63号）');
    // 44 characters and the 文号 make the longest request quoted in full (RECEIPT_QUOTE_MAX).
    if (length + '（文号：岚建〔2025〕63号）'.length <= RECEIPT_QUOTE_MAX) expect(text).toContain(`您关于公开“${subject}（文号：岚建〔2025〕63号）”的申请`);
    else expect(text).toContain('63号）”（详见申请表）的申请');
    expect(text).toContain('查询码72AX2G5E');
    expect(text).toContain('0564-5022106');
    expect(text).toContain(`${ORGAN}（印章）2026年12月15日`);
    // The phone number never breaks: its hyphen is a non-breaking one in every renderer.
    expect(JSON.stringify(shown)).toContain('0564\u20115022106');
  });

  it('quotes a request of ordinary length in full, without （详见申请表）', () => {
    const app = sampleApplication('in_progress', { trackingNo: TRACKING_NO, subject: SUBJECT.slice(0, 40), documentNumber: '岚建〔2025〕63号' });
    const doc = buildLetter('acknowledgement', {
      app, organName: ORGAN, issuedOn: '2026-03-03', template: DEFAULT_TEMPLATES.acknowledgement,
      values: { 收到规则: receiptRule('online'), 答复期限: '2026年3月30日' }, reconsideration: { body: '', address: '', online: '' }, serviceMethod: 'post',
    });
    const text = JSON.stringify(doc);
    expect(text).toContain(`您关于公开“${SUBJECT.slice(0, 40)}（文号：岚建〔2025〕63号）”的申请`);
    expect(text).not.toContain('详见申请表');
  });

  it('a receipt reworded without the number, the date or the request still gives them, as fields', () => {
    const app = sampleApplication('in_progress', { trackingNo: TRACKING_NO, subject: SUBJECT });
    const doc = buildLetter('acknowledgement', {
      app, organName: ORGAN, issuedOn: '2026-03-03', template: { ...DEFAULT_TEMPLATES.acknowledgement, body: '您的申请已收到。{{收到规则}}' },
      values: { 收到规则: receiptRule('online'), 答复期限: '2026年3月30日' }, reconsideration: { body: '', address: '', online: '' }, serviceMethod: 'post',
    });
    expect(doc.blocks.flatMap((b) => (b.kind === 'fields' ? b.items.map((f) => f.label) : []))).toEqual(['申请编号', '收到申请日期', '申请内容']);
  });
});
