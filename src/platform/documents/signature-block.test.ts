import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from './document-model.ts';
import { renderDocumentDocx } from './render-docx.ts';
import { renderDocumentHtml } from './render-html.ts';
import { renderDocumentPdf } from './render-pdf.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const ORGAN = '青岚县住房和城乡建设局';

/** A letter of `n` body paragraphs, the last one marked, then the signature block (organ, 印章, date). */
const letter = (n: number, lastLines = 1): DocumentModel => ({
  title: '政府信息公开申请答复告知书',
  blocks: [
    { kind: 'title', text: '政府信息公开申请答复告知书' },
    ...Array.from({ length: n }, (_, i) => ({ kind: 'paragraph' as const, indent: true, text: `第${i + 1}段：本机关经审查，现答复如下。` })),
    { kind: 'paragraph', indent: true, text: `末段正文${'如对本告知书不服，可以依法申请行政复议。'.repeat(lastLines)}` },
    { kind: 'signature', lines: [ORGAN, '（印章）', '2026年3月10日'] },
  ],
});

describe('the signature block is never alone on the last page (GB/T 9704-2012)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-sig-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasPdftotext)('in the PDF, whatever the length of the letter, the last page carries body text with the signature', async () => {
    let sawTwoPages = false;
    for (let n = 14; n <= 26; n++) {
      for (const lastLines of [1, 3]) {
        const file = join(dir, `l-${n}-${lastLines}.pdf`);
        writeFileSync(file, await renderDocumentPdf(letter(n, lastLines)));
        const count = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
        const last = spawnSync('pdftotext', ['-f', String(count), '-l', String(count), file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
        if (count > 1) sawTwoPages = true;
        expect(last, `${n} paragraphs`).toContain(ORGAN);
        expect(last, `${n} paragraphs, ${lastLines} lines: the signature's page has the last paragraph`).toContain('末段正文');
      }
    }
    expect(sawTwoPages).toBe(true);
  });

  it('in Word, the paragraph before the signature keeps with it and is not split', async () => {
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocumentDocx(letter(3))))['word/document.xml']);
    const last = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('末段正文'))!;
    expect(last).toContain('<w:keepNext');
    expect(last).toContain('<w:keepLines');
  });

  it('in HTML, the last paragraph and the signature print as one unbreakable block', () => {
    const html = renderDocumentHtml(letter(3));
    expect(html).toMatch(/<div class="doc-closing"><p class="doc-paragraph doc-indent">末段正文[^]*<div class="doc-signature">[^]*<\/div><\/div>/);
  });
});
