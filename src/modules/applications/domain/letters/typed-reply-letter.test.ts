import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../../../../platform/documents/index.ts';
import { sampleApplication } from '../../testing/sample-application.ts';
import { buildLetter } from './build-letter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';

// The tester's case, as the browser sent the textareas: "\r\n" line ends.
const TRACKING_NO = 'QLX-ZJJ-2026-00001';
const SUBJECT = '1. 2025年度青岚县公共租赁住房实物配租对象名单及审核材料；\r\n2. 幸福小区老旧小区改造项目的招标文件及中标合同。';
const REPLY = [
  '一、2025年度青岚县公共租赁住房实物配租对象名单已于2025年6月在本局网站“保障性住房”栏目主动公开，现将名单纸质文本随本告知书邮寄给您。',
  '二、幸福小区老旧小区改造项目的招标文件及中标合同，现以纸质文本提供（共2份，36页）。',
  '三、配租对象的审核材料含有第三方个人隐私，不予公开。',
];
const WITHHELD = '公共租赁住房配租对象审核材料中含有申请人家庭成员身份证号码、收入、住址等个人隐私，公开会对第三方合法权益造成损害。';

const letter = () => buildLetter('reply', {
  app: sampleApplication('replied', {
    trackingNo: TRACKING_NO, applicantName: '陈秀英', subject: SUBJECT, receivedOn: '2026-12-04', repliedOn: '2026-12-06',
    outcome: 'partly_disclosed', replyText: REPLY.join('\r\n'), providedForm: 'paper',
    replyBasis: { withheldGround: 'withheld.third_party_rights', withheldReason: WITHHELD },
  }),
  organName: '青岚县住房和城乡建设局', issuedOn: '2026-12-06', template: DEFAULT_TEMPLATES['reply.partly_disclosed'], values: {},
  letterNo: '县住建局依申请公开〔2026〕第2号',
  reconsideration: { body: '青岚县人民政府', address: '青岚县岚城街道政务中心路88号（县司法局行政复议受理窗口）', online: '' }, serviceMethod: 'post',
});

const paragraphs = () => letter().blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

async function pdfText(): Promise<{ pages: number; strings: string[] }> {
  const file = await getDocumentProxy(new Uint8Array(await renderDocumentPdf(letter())), { verbosity: 0 });
  try {
    const strings: string[] = [];
    for (let i = 1; i <= file.numPages; i++) {
      for (const item of (await (await file.getPage(i)).getTextContent()).items) if ('str' in item) strings.push(item.str);
    }
    return { pages: file.numPages, strings };
  } finally {
    await file.loadingTask.destroy();
  }
}

/** Found by an outside tester (a county disclosure officer) in the 部分公开 答复告知书 they downloaded. */
describe('a 部分公开 reply whose request and 答复内容 were typed on several lines', () => {
  it('prints every typed line in the PDF with no □ or control character, on two pages', async () => {
    const { pages, strings } = await pdfText();
    for (const s of strings) expect(s).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffd□]/);
    const text = strings.join('').replace(/\s+/g, '');
    // The quoted request ends without its own 。 (您申请公开“…中标合同”, subjectInProse).
    for (const line of [...SUBJECT.split('\r\n').map((l) => l.replace(/。$/, '')), ...REPLY, WITHHELD]) expect(text).toContain(line.replace(/\s+/g, ''));
    expect(pages).toBe(2);
  });

  it('sets the officer’s 答复内容 in paragraphs of its own, not run into the template’s sentence', () => {
    const ps = paragraphs();
    const provided = ps.findIndex((p) => p.includes('第三十七条'));
    expect(ps[provided]).toMatch(/提供可以公开的部分。$/);
    expect(ps.slice(provided + 1, provided + 4)).toEqual(REPLY);
  });

  it('quotes the request in one paragraph, its lines kept in order', () => {
    const quoting = paragraphs().filter((p) => p.includes('您申请公开“'));
    expect(quoting).toHaveLength(1);
    expect(quoting[0]).toContain('审核材料； 2. 幸福小区');
  });

  it('says of the withheld part only what 条例第十五条 covers, not that it holds a 商业秘密', () => {
    const withheld = paragraphs().find((p) => p.includes(WITHHELD))!;
    expect(withheld).toContain('《中华人民共和国政府信息公开条例》第十五条');
    expect(withheld).not.toContain('商业秘密');
    expect(letter().blocks.flatMap((b) => (b.kind === 'fields' ? b.items.map((f) => f.value) : [])).join('')).not.toContain('商业秘密');
  });

  it('does not list again what its prose states (number, date, request, applicant, basis, form), and sets 救济途径 as a heading', () => {
    const labels = letter().blocks.flatMap((b) => (b.kind === 'fields' ? b.items.map((f) => f.label) : []));
    expect(labels).toEqual(['办理结果']);
    expect(letter().blocks).toContainEqual({ kind: 'heading', level: 1, text: '救济途径' });
  });
});
