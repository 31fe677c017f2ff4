import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocumentPdf } from '../../../../platform/documents/index.ts';
import { sampleApplication } from '../../testing/sample-application.ts';
import { buildLetter } from './build-letter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { LETTER_KINDS, type LetterKind, type TemplateKind } from './letter-kinds.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const ORGAN = '青岚县住房和城乡建设局';

const letter = (kind: LetterKind, template: TemplateKind, notes: string[] = []) => {
  const replied = kind === 'reply'
    ? { outcome: 'disclosed' as const, replyBasis: { item: 'disclosable' as const }, repliedOn: '2026-03-10', replyText: '答复内容。', providedForm: 'electronic' }
    : {};
  return buildLetter(kind, {
    app: sampleApplication(kind === 'reply' ? 'replied' : 'in_progress', replied),
    organName: ORGAN, issuedOn: '2026-03-10', template: DEFAULT_TEMPLATES[template], values: {},
    reconsideration: { body: '青岚县人民政府', address: '青岚县人民路1号', online: '' }, serviceMethod: 'post', notes,
  });
};

/** Found by an outside tester: the 申请内容 row and the 落款 went alone to page 2, a third of page 1 left empty. */
describe.skipIf(!hasPdftotext)('an applicant letter on paper', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-letter-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pagesOf = async (kind: LetterKind, template: TemplateKind, notes: string[] = []) => {
    const file = join(dir, `${template}.pdf`);
    writeFileSync(file, await renderDocumentPdf(letter(kind, template, notes)));
    const count = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
    return Array.from({ length: count }, (_, i) =>
      spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ''));
  };

  // The receipt states the request in its prose and so has no 申请内容 field (receipt-one-page.test.ts).
  it.each([
    ['acknowledgement', 'acknowledgement', '您关于公开“2025年城区老旧小区改造项目清单”'],
    ['correction_notice', 'correction_notice', '申请内容：2025年城区老旧小区改造项目清单'],
    ['termination_notice', 'termination_notice', '申请内容：2025年城区老旧小区改造项目清单'],
  ] as const)('a short %s fits on one page, 申请内容 and 落款 included', async (kind, template, request) => {
    const pages = await pagesOf(kind, template);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(request);
    expect(pages[0]).toContain(`${ORGAN}（印章）2026年3月10日`);
  });

  it('puts a note (why a date is 暂定) under the date as 附注 (GB/T 9704-2012 7.3.6), and a receipt with one still fits on one page', async () => {
    const note = '标注“暂定”的日期所在年度的国务院节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的法定节假日计算；该年度节假日安排公布后如有变化，以本机关另行告知的日期为准。';
    const pages = await pagesOf('acknowledgement', 'acknowledgement', [note]);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(`${ORGAN}（印章）2026年3月10日（${note}）`);
  });

  /** The template each letter kind is built from in this test (a reply and a consultation have several). */
  const TEMPLATE_OF: Record<LetterKind, TemplateKind> = {
    acknowledgement: 'acknowledgement', correction_notice: 'correction_notice', consultation_letter: 'consultation_third_party',
    extension_notice: 'extension_notice', fee_notice: 'fee_notice', reply: 'reply.disclosed', termination_notice: 'termination_notice',
    disclosure_notice: 'disclosure_notice', discard_notice: 'discard_notice', withdrawal_notice: 'withdrawal_notice',
    reasons_request: 'reasons_request', delay_notice: 'delay_notice',
  };

  // Found by an outside tester: the PDF read "申请编号 QHX-…" where the HTML reads "申请编号：QHX-…".
  // Every letter but the receipt, whose prose states the number, the date and the request, and whose salutation names the applicant
  // (a reply lists only what its prose does not state: here the 提供形式).
  it.each(LETTER_KINDS.filter((k) => k !== 'acknowledgement').map((k) => [k]))('a %s on paper reads every field as 标签：内容, like the HTML', async (kind) => {
    const text = (await pagesOf(kind, TEMPLATE_OF[kind])).join('');
    const fields = letter(kind, TEMPLATE_OF[kind]).blocks.flatMap((b) => (b.kind === 'fields' ? b.items : []));
    expect(fields.length).toBeGreaterThan(kind === 'reply' ? 0 : 2);
    // Row after row, as pdftotext reads them with the spaces taken out: 申请编号：…收到申请日期：…
    expect(text).toContain(fields.map((f) => `${f.label}：${f.value}`.replace(/\s+/g, '')).join(''));
  });

  it('a reply keeps its 救济途径 heading with the paragraph under it, and the 落款 with that paragraph', async () => {
    const pages = await pagesOf('reply', 'reply.disclosed');
    const last = pages[pages.length - 1];
    expect(last).toContain(`${ORGAN}（印章）2026年3月10日`);
    expect(last).toContain('第四十六条）');
    const headingPage = pages.findIndex((p) => p.includes('救济途径'));
    expect(pages[headingPage]).toContain('如对本告知书不服');
  });
});
