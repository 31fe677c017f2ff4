import type { DocBlock, DocumentModel, TextAlign } from './document-model.ts';
import { BODY_LINE_PITCH_PT, FONT_PT, ONE_SHEET_PITCH_SCALE, pageMarginsMm, pageNumberText, PT_PER_MM } from './document-style.ts';
import { printableDocument } from './document-text.ts';
import { fieldLabel } from './field-label.ts';
import { PDF_FONT, registerDocumentFonts } from './pdf-fonts.ts';
import { drawPdfTable, pdfTableLeadHeight, type PdfFrame } from './pdf-table.ts';

const TWO_CHARS = 2 * FONT_PT.body;
/** 公文 put the page number 7 mm below the type area. */
const PAGE_NUMBER_DROP = 7 * PT_PER_MM;

/**
 * The document as a PDF for the paper file: A4, the Chinese font embedded as a subset, tables that
 * continue over pages under their repeated header, and "第 N 页 共 M 页" at the foot of every page.
 */
export async function renderDocumentPdf(model: DocumentModel): Promise<Buffer> {
  const doc = printableDocument(model);
  // Loaded on the first PDF, not at start: pdfkit and its font code are about 29 MB the server
  // would otherwise hold from start to finish (issue 18's 300 MB; docs/performance.md).
  const { default: PDFDocument } = await import('pdfkit');
  let pdf = layOut(PDFDocument, doc, BODY_LINE_PITCH_PT);
  // GB/T 9704-2012 7.3.5.4: when what is left of the page cannot hold the 落款, the line spacing
  // is adjusted. A letter whose last lines and 落款 spill onto a page of their own is set a little
  // tighter if that saves the page (a short 告知书 then fits on one sheet, as on a county's form).
  // Only a short document is tried again: a long one (an annual report) would be laid out up to four
  // times, every page of it reset, to save its last sheet.
  if (doc.blocks.some((b) => b.kind === 'signature') && pageCount(pdf) > 1 && pageCount(pdf) <= MAX_PAGES_TIGHTENED) {
    for (const scale of TIGHTER_PITCHES) {
      const tighter = layOut(PDFDocument, doc, BODY_LINE_PITCH_PT * scale);
      if (pageCount(tighter) < pageCount(pdf)) {
        pdf = tighter;
        break;
      }
    }
  }
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

/** The longest document (in pages at the normal pitch) that is set tighter to save a page: a letter. */
const MAX_PAGES_TIGHTENED = 3;

/**
 * 22, 23, 24, 26 and 27 lines a page; Noto Serif SC at 三号 needs about 23 pt a line (0.8 of the
 * 公文 pitch is 23.2 pt). The last step keeps the longest 申请登记回执 — an ordinary letter's, with a
 * two-line request, the 暂定 note, the status page's address and a 咨询电话 — on one sheet.
 */
const TIGHTER_PITCHES = [0.95, 0.9, 0.85, ONE_SHEET_PITCH_SCALE] as const;

const pageCount = (pdf: PDFKit.PDFDocument) => pdf.bufferedPageRange().count;

/** The whole document laid out on buffered pages at `pitch` points a line, page numbers stamped, not yet written. */
function layOut(PDFDocument: typeof import('pdfkit'), doc: DocumentModel, pitch: number): PDFKit.PDFDocument {
  const mm = pageMarginsMm(doc.orientation);
  const margins = { top: mm.top * PT_PER_MM, right: mm.right * PT_PER_MM, bottom: mm.bottom * PT_PER_MM, left: mm.left * PT_PER_MM };
  const pdf = new PDFDocument({
    size: 'A4',
    layout: doc.orientation ?? 'portrait',
    margins,
    bufferPages: true,
    font: '', // no Helvetica: every glyph comes from the embedded CJK font
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: doc.title, Creator: 'gongkai' },
  });
  registerDocumentFonts(pdf);
  const frame: PdfFrame = {
    left: margins.left,
    width: pdf.page.width - margins.left - margins.right,
    top: margins.top,
    bottom: pdf.page.height - margins.bottom,
  };
  const page: Page = { frame, pitch };
  doc.blocks.forEach((block, i) => drawBlock(pdf, block, page, doc.blocks[i + 1], doc.blocks[i + 2]));
  stampPageNumbers(pdf, frame);
  return pdf;
}

/** The type area and the line pitch the document is set at. */
type Page = { frame: PdfFrame; pitch: number };

function drawBlock(pdf: PDFKit.PDFDocument, block: DocBlock, page: Page, next: DocBlock | undefined, afterNext: DocBlock | undefined): void {
  const { frame, pitch } = page;
  switch (block.kind) {
    case 'title':
      flow(pdf, page, block.text, { font: PDF_FONT.bold, size: FONT_PT.title, align: 'center' });
      pdf.y += pitch / 2;
      return;
    case 'subtitle':
      flow(pdf, page, block.text, { size: FONT_PT.subtitle, align: 'center' });
      pdf.y += pitch / 2;
      return;
    case 'heading': {
      const style = { font: block.level === 1 ? PDF_FONT.bold : PDF_FONT.regular, size: FONT_PT.heading, indent: TWO_CHARS };
      // Keep a heading with what follows: a table's caption, header and first rows; the last
      // paragraph whole with the 落款 under it; else two lines of text.
      const after = next?.kind === 'table' ? pdfTableLeadHeight(pdf, next, frame)
        : next && afterNext?.kind === 'signature' ? keptWithSignatureHeight(pdf, page, next, afterNext)
        : 2 * pitch;
      ensureRoom(pdf, frame, flowHeight(pdf, page, block.text, style) + after);
      flow(pdf, page, block.text, style);
      return;
    }
    case 'paragraph': {
      const style = paragraphStyle(block);
      // GB/T 9704-2012: the signature block never stands alone on the last page — the paragraph
      // above it moves to the next page with it when both do not fit.
      if (next?.kind === 'signature') ensureRoom(pdf, frame, flowHeight(pdf, page, block.text, style) + signatureHeight(next, pitch));
      flow(pdf, page, block.text, style);
      return;
    }
    case 'table':
      drawPdfTable(pdf, block, frame);
      return;
    case 'fields':
      drawFields(pdf, block.items, page, next?.kind === 'signature' ? signatureHeight(next, pitch) : 0);
      return;
    case 'signature':
      ensureRoom(pdf, frame, signatureHeight(block, pitch));
      pdf.y += pitch;
      for (const line of block.lines) flow(pdf, page, line, { size: FONT_PT.body, align: 'right' });
      return;
    case 'pageBreak':
      pdf.addPage();
      return;
  }
}

type Signature = Extract<DocBlock, { kind: 'signature' }>;

/** One blank line (GB/T 9704-2012 7.3.5: the 署名 one line below the text), then organ, 印章, date. */
const signatureHeight = (block: Signature, pitch: number) => (block.lines.length + 1) * pitch;

/** The height a block needs together with the signature under it: a paragraph whole, of fields the last row. */
function keptWithSignatureHeight(pdf: PDFKit.PDFDocument, page: Page, block: DocBlock, signature: Signature): number {
  const own = block.kind === 'paragraph' ? flowHeight(pdf, page, block.text, paragraphStyle(block))
    : block.kind === 'fields' && block.items.length ? fieldRowHeight(pdf, page, block.items, block.items[block.items.length - 1])
    : 0;
  return own + signatureHeight(signature, page.pitch);
}

type FlowStyle = { font?: string; size: number; align?: TextAlign; indent?: number };

const paragraphStyle = (block: Extract<DocBlock, { kind: 'paragraph' }>): FlowStyle => ({
  font: block.bold ? PDF_FONT.bold : PDF_FONT.regular,
  size: FONT_PT.body,
  align: block.align,
  // The indent option, not leading full-width spaces: pdfkit counts but does not draw those.
  indent: block.indent ? TWO_CHARS : 0,
});

/** Text in the page's flow at the line pitch; pdfkit starts new pages as it needs. */
function flow(pdf: PDFKit.PDFDocument, page: Page, text: string, style: FlowStyle): void {
  pdf.text(text, page.frame.left, pdf.y, flowOptions(pdf, page, style));
}

function flowHeight(pdf: PDFKit.PDFDocument, page: Page, text: string, style: FlowStyle): number {
  return pdf.heightOfString(text, flowOptions(pdf, page, style));
}

function flowOptions(pdf: PDFKit.PDFDocument, page: Page, style: FlowStyle): PDFKit.Mixins.TextOptions {
  pdf.font(style.font ?? PDF_FONT.regular).fontSize(style.size);
  const lineGap = Math.max(0, page.pitch - pdf.currentLineHeight());
  return { width: page.frame.width, align: style.align ?? 'left', indent: style.indent ?? 0, lineGap };
}

function ensureRoom(pdf: PDFKit.PDFDocument, frame: PdfFrame, height: number): void {
  if (pdf.y + height > frame.bottom && pdf.y > frame.top) pdf.addPage();
}

type FieldItem = { label: string; value: string };

/** Label column (each label with its colon, 申请编号：) and value column of a fields block, in body type at the line pitch. */
function fieldColumns(pdf: PDFKit.PDFDocument, page: Page, items: FieldItem[]) {
  pdf.font(PDF_FONT.regular).fontSize(FONT_PT.body);
  const lineGap = Math.max(0, page.pitch - pdf.currentLineHeight());
  const labelWidth = Math.min(page.frame.width * 0.45, Math.max(0, ...items.map((i) => pdf.widthOfString(fieldLabel(i.label)))) + FONT_PT.body / 2);
  return { lineGap, labelWidth, valueWidth: page.frame.width - labelWidth };
}

function fieldRowHeight(pdf: PDFKit.PDFDocument, page: Page, items: FieldItem[], item: FieldItem): number {
  const { lineGap, labelWidth, valueWidth } = fieldColumns(pdf, page, items);
  return Math.max(pdf.heightOfString(fieldLabel(item.label), { width: labelWidth, lineGap }), pdf.heightOfString(item.value, { width: valueWidth, lineGap }));
}

/** A row never splits; `keepWithLast`: room the last row must share with what follows (a signature block). */
function drawFields(pdf: PDFKit.PDFDocument, items: FieldItem[], page: Page, keepWithLast = 0): void {
  const { frame } = page;
  const { lineGap, labelWidth, valueWidth } = fieldColumns(pdf, page, items);
  items.forEach((item, i) => {
    const height = fieldRowHeight(pdf, page, items, item);
    ensureRoom(pdf, frame, height + (i === items.length - 1 ? keepWithLast : 0));
    const y = pdf.y;
    pdf.text(fieldLabel(item.label), frame.left, y, { width: labelWidth, lineGap });
    pdf.text(item.value, frame.left + labelWidth, y, { width: valueWidth, lineGap });
    pdf.y = y + height;
  });
  pdf.x = frame.left;
}

function stampPageNumbers(pdf: PDFKit.PDFDocument, frame: PdfFrame): void {
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    // Writing below the bottom margin would make pdfkit add a page; lift the margin while stamping.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font(PDF_FONT.regular).fontSize(FONT_PT.pageNumber);
    pdf.text(pageNumberText(i + 1, range.count), frame.left, frame.bottom + PAGE_NUMBER_DROP, {
      width: frame.width, align: 'center', lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}
