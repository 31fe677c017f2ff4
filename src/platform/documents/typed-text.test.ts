import { strFromU8, unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from './document-model.ts';
import { renderDocumentDocx } from './render-docx.ts';
import { renderDocumentHtml } from './render-html.ts';
import { renderDocumentPdf } from './render-pdf.ts';

/** What a browser's textarea sends (“\r\n” line ends) and a paste can bring (a tab, a bell, U+2028, a BOM). */
const TYPED = '一、审核材料；\r\n二、招标文件\t及中标合同；\u0007\r\n三、名单\u2028已公开。\ufeff';
const LINES = ['一、审核材料；', '二、招标文件 及中标合同；', '三、名单', '已公开。'];

const doc: DocumentModel = {
  title: `回执${TYPED}`,
  blocks: [
    { kind: 'title', text: `标题${TYPED}` },
    { kind: 'subtitle', text: `文号\r\n第1号` },
    { kind: 'heading', level: 1, text: `一、${TYPED}` },
    { kind: 'paragraph', text: TYPED, indent: true },
    { kind: 'fields', items: [{ label: '申请内容', value: TYPED }] },
    { kind: 'table', header: [[{ text: '事项' }]], rows: [[{ text: TYPED }]] },
    { kind: 'signature', lines: ['青岚县住房和城乡建设局\r', '2026年12月6日'] },
  ],
};

/** Control characters (other than the line feed) and the marks of a missing glyph. */
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffd□]/;

async function pdfStrings(pdf: Uint8Array): Promise<string[]> {
  const file = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
  try {
    const out: string[] = [];
    for (let i = 1; i <= file.numPages; i++) {
      for (const item of (await (await file.getPage(i)).getTextContent()).items) if ('str' in item) out.push(item.str);
    }
    return out;
  } finally {
    await file.loadingTask.destroy();
  }
}

/**
 * Found by an outside tester: a request typed on two lines printed □ at the end of its first line in the
 * PDF letters — the “\r” of the browser's “\r\n” drawn in the CJK font, which has no glyph for it.
 */
describe('text typed in a form, with its line ends and stray control characters', () => {
  it('prints in the PDF every line, each on its own, with no control character and no missing glyph', async () => {
    const strings = await pdfStrings(await renderDocumentPdf(doc));
    for (const s of strings) expect(s).not.toMatch(UNPRINTABLE);
    const text = strings.join('\n');
    for (const line of LINES) expect(text).toContain(line);
    expect(strings).toContain('一、审核材料；');
  });

  it('writes a Word file whose XML has no control character, a line break for each line end', async () => {
    const files = unzipSync(new Uint8Array(await renderDocumentDocx(doc)));
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|\r/);
    for (const line of LINES) expect(xml).toContain(`>${line}</w:t>`);
  });

  it('writes HTML with a <br> for each line end and no control character', () => {
    const html = renderDocumentHtml(doc);
    expect(html).not.toMatch(UNPRINTABLE);
    expect(html).toContain(LINES.join('<br>'));
  });
});

describe('a line break in body prose', () => {
  const prose: DocumentModel = { title: '告知书', blocks: [{ kind: 'paragraph', text: '一、名单已公开。\r\n\r\n二、合同附后。', indent: true }] };

  it('starts a new indented paragraph in Word and in HTML, as in the PDF', async () => {
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocumentDocx(prose)))['word/document.xml']);
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => p).filter((p) => p.includes('、'));
    expect(paragraphs).toHaveLength(2);
    for (const p of paragraphs) expect(p).toContain('w:firstLineChars="200"');
    expect(renderDocumentHtml(prose)).toContain('<p class="doc-paragraph doc-indent">一、名单已公开。</p>\n<p class="doc-paragraph doc-indent">二、合同附后。</p>');
  });
});
