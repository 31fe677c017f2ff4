import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocumentPdf } from './render-pdf.ts';
import { buildSampleDocument, registerCellText, SAMPLE_TITLE } from './testing/build-sample-document.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const REGISTER_ROWS = 64;

describe('renderDocumentPdf', () => {
  let pdf: Buffer;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    pdf = await renderDocumentPdf(buildSampleDocument({ registerRows: REGISTER_ROWS }));
    dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
    file = join(dir, 'sample.pdf');
    writeFileSync(file, pdf);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a PDF with the Chinese font embedded as a subset and no other font', () => {
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toMatch(/\/Subtype \/Type0/);
    expect(bytes).toContain('/FontFile2');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC-Bold/);
    expect(bytes).not.toContain('Helvetica');
    // The font files are about 15 MB each; a subset keeps the document small.
    expect(pdf.length).toBeLessThan(1_000_000);
  });

  it('is A4, and A4 turned when the document is landscape', async () => {
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const landscape = await renderDocumentPdf(buildSampleDocument({ orientation: 'landscape', registerRows: 4 }));
    expect(landscape.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
  });

  describe.skipIf(!hasPdftotext)('text read back with pdftotext', () => {
    const pageText = (page: number) =>
      spawnSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    let pages: string[];
    beforeAll(() => {
      const count = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1]);
      pages = Array.from({ length: count }, (_, i) => pageText(i + 1));
    });

    it('shows the Chinese title and table cells, over more than one page', () => {
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages[0]).toContain(SAMPLE_TITLE);
      expect(pages.join('')).toContain('三、本年度办理结果');
      expect(pages.join('')).toContain(registerCellText(REGISTER_ROWS - 1));
    });

    it('numbers every page 第 N 页 共 M 页', () => {
      pages.forEach((text, i) => expect(text).toContain(`第${i + 1}页共${pages.length}页`));
    });

    it('repeats the register header on every page the register runs over', () => {
      const withRows = pages.filter((text) => /YSQ-2026-0000\d\d/.test(text));
      expect(withRows.length).toBeGreaterThanOrEqual(2);
      // pdftotext's reading order inside a table is its own, so look for each header cell.
      for (const text of withRows) for (const label of ['承办机构', '申请内容', '办理情况', '答复类型', '答复日期']) expect(text).toContain(label);
    });

    it('never cuts a group of four rows merged under one 承办机构 across pages', () => {
      const pageOf = (row: number) => pages.findIndex((text) => text.includes(registerCellText(row)));
      for (let group = 0; group < REGISTER_ROWS / 4; group++) {
        const first = pageOf(group * 4);
        expect(first).toBeGreaterThanOrEqual(0);
        for (let r = group * 4 + 1; r < group * 4 + 4; r++) expect(pageOf(r)).toBe(first);
      }
    });
  });
});
