import type { DocBlock, DocumentModel, TextAlign } from './document-model.ts';
import { BODY_LINE_PITCH_PT, FONT_PT, pageMarginsMm, pageNumberText, PT_PER_MM } from './document-style.ts';
import { PDF_FONT, registerDocumentFonts } from './pdf-fonts.ts';
import { drawPdfTable, pdfTableLeadHeight, type PdfFrame } from './pdf-table.ts';

const TWO_CHARS = 2 * FONT_PT.body;
/** 公文 put the page number 7 mm below the type area. */
const PAGE_NUMBER_DROP = 7 * PT_PER_MM;

/**
 * The document as a PDF for the paper file: A4, the Chinese font embedded as a subset, tables that
 * continue over pages under their repeated header, and "第 N 页 共 M 页" at the foot of every page.
 */
export async function renderDocumentPdf(doc: DocumentModel): Promise<Buffer> {
  // Loaded on the first PDF, not at start: pdfkit and its font code are about 29 MB the server
  // would otherwise hold from start to finish (issue 18's 300 MB; docs/performance.md).
  const { default: PDFDocument } = await import('pdfkit');
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
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  registerDocumentFonts(pdf);
  const frame: PdfFrame = {
    left: margins.left,
    width: pdf.page.width - margins.left - margins.right,
    top: margins.top,
    bottom: pdf.page.height - margins.bottom,
  };
  doc.blocks.forEach((block, i) => drawBlock(pdf, block, frame, doc.blocks[i + 1]));
  stampPageNumbers(pdf, frame);
  pdf.end();
  await finished;
  return Buffer.concat(chunks);
}

function drawBlock(pdf: PDFKit.PDFDocument, block: DocBlock, frame: PdfFrame, next: DocBlock | undefined): void {
  switch (block.kind) {
    case 'title':
      flow(pdf, frame, block.text, { font: PDF_FONT.bold, size: FONT_PT.title, align: 'center' });
      pdf.y += BODY_LINE_PITCH_PT / 2;
      return;
    case 'subtitle':
      flow(pdf, frame, block.text, { size: FONT_PT.subtitle, align: 'center' });
      pdf.y += BODY_LINE_PITCH_PT / 2;
      return;
    case 'heading': {
      const style = { font: block.level === 1 ? PDF_FONT.bold : PDF_FONT.regular, size: FONT_PT.heading, indent: TWO_CHARS };
      // Keep a heading with what follows: two lines of text, or a table's caption, header and first rows.
      const after = next?.kind === 'table' ? pdfTableLeadHeight(pdf, next, frame) : 2 * BODY_LINE_PITCH_PT;
      ensureRoom(pdf, frame, flowHeight(pdf, frame, block.text, style) + after);
      flow(pdf, frame, block.text, style);
      return;
    }
    case 'paragraph': {
      const style = {
        font: block.bold ? PDF_FONT.bold : PDF_FONT.regular,
        size: FONT_PT.body,
        align: block.align,
        // The indent option, not leading full-width spaces: pdfkit counts but does not draw those.
        indent: block.indent ? TWO_CHARS : 0,
      };
      // GB/T 9704-2012: the signature block never stands alone on the last page — the paragraph
      // above it moves to the next page with it when both do not fit.
      if (next?.kind === 'signature') ensureRoom(pdf, frame, flowHeight(pdf, frame, block.text, style) + signatureHeight(next));
      flow(pdf, frame, block.text, style);
      return;
    }
    case 'table':
      drawPdfTable(pdf, block, frame);
      return;
    case 'fields':
      drawFields(pdf, block.items, frame, next?.kind === 'signature' ? signatureHeight(next) : 0);
      return;
    case 'signature':
      ensureRoom(pdf, frame, signatureHeight(block));
      pdf.y += 2 * BODY_LINE_PITCH_PT;
      for (const line of block.lines) flow(pdf, frame, line, { size: FONT_PT.body, align: 'right' });
      return;
    case 'pageBreak':
      pdf.addPage();
      return;
  }
}

/** Two blank lines, then one line per line of the block (organ, 印章, date). */
const signatureHeight = (block: Extract<DocBlock, { kind: 'signature' }>) => (block.lines.length + 2) * BODY_LINE_PITCH_PT;

type FlowStyle = { font?: string; size: number; align?: TextAlign; indent?: number };

/** Text in the page's flow at the 公文 line pitch; pdfkit starts new pages as it needs. */
function flow(pdf: PDFKit.PDFDocument, frame: PdfFrame, text: string, style: FlowStyle): void {
  pdf.text(text, frame.left, pdf.y, flowOptions(pdf, frame, style));
}

function flowHeight(pdf: PDFKit.PDFDocument, frame: PdfFrame, text: string, style: FlowStyle): number {
  return pdf.heightOfString(text, flowOptions(pdf, frame, style));
}

function flowOptions(pdf: PDFKit.PDFDocument, frame: PdfFrame, style: FlowStyle): PDFKit.Mixins.TextOptions {
  pdf.font(style.font ?? PDF_FONT.regular).fontSize(style.size);
  const lineGap = Math.max(0, BODY_LINE_PITCH_PT - pdf.currentLineHeight());
  return { width: frame.width, align: style.align ?? 'left', indent: style.indent ?? 0, lineGap };
}

function ensureRoom(pdf: PDFKit.PDFDocument, frame: PdfFrame, height: number): void {
  if (pdf.y + height > frame.bottom && pdf.y > frame.top) pdf.addPage();
}

/** `keepWithLast`: room the last line must share with what follows (a signature block). */
function drawFields(pdf: PDFKit.PDFDocument, items: { label: string; value: string }[], frame: PdfFrame, keepWithLast = 0): void {
  pdf.font(PDF_FONT.regular).fontSize(FONT_PT.body);
  const lineGap = Math.max(0, BODY_LINE_PITCH_PT - pdf.currentLineHeight());
  const labelWidth = Math.min(frame.width * 0.45, Math.max(0, ...items.map((i) => pdf.widthOfString(i.label))) + FONT_PT.body / 2);
  const valueWidth = frame.width - labelWidth;
  items.forEach((item, i) => {
    const height = Math.max(
      pdf.heightOfString(item.label, { width: labelWidth, lineGap }),
      pdf.heightOfString(item.value, { width: valueWidth, lineGap }),
    );
    ensureRoom(pdf, frame, height + (i === items.length - 1 ? keepWithLast : 0));
    const y = pdf.y;
    pdf.text(item.label, frame.left, y, { width: labelWidth, lineGap });
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
