import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageBreak, PageNumber, PageOrientation, Paragraph, TextRun,
  type FileChild,
} from 'docx';
import type { DocBlock, DocumentModel } from './document-model.ts';
import {
  A4_MM, BODY_LINE_PITCH_PT, FONT_PT, ONE_SHEET_PITCH_PT, PT_PER_MM, pageMarginsMm, pageNumberText, pageSizeMm,
} from './document-style.ts';
import { printableDocument } from './document-text.ts';
import { docxFields, docxTable } from './docx-table.ts';
import { DOCX_FONTS, TWIPS_PER_PT, textRuns } from './docx-text.ts';

const twipsOfMm = (mm: number) => Math.round(mm * PT_PER_MM * TWIPS_PER_PT);
const pitchOf = (pt: number) => ({ line: Math.round(pt * TWIPS_PER_PT), lineRule: LineRuleType.EXACT });
/** 22 lines a page; a letter that keeps to one sheet (oneSheet) 27, as its PDF when that saves a page. */
const PITCH = pitchOf(BODY_LINE_PITCH_PT);
const ONE_SHEET_PITCH = pitchOf(ONE_SHEET_PITCH_PT);
type Pitch = typeof PITCH;
const BODY = { font: DOCX_FONTS.fangSong, sizePt: FONT_PT.body };
const INDENT_TWO_CHARS = { firstLine: 2 * FONT_PT.body * TWIPS_PER_PT, firstLineChars: 200 };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The document as a Word file: A4 (landscape when asked), 公文 fonts and sizes, page numbers in the footer. */
export async function renderDocumentDocx(model: DocumentModel): Promise<Buffer> {
  const doc = printableDocument(model);
  const orientation = doc.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
  const margins = pageMarginsMm(doc.orientation);
  const contentWidth = twipsOfMm(pageSizeMm(doc.orientation).width - margins.left - margins.right);
  const file = new Document({
    title: doc.title,
    creator: 'gongkai',
    styles: { default: { document: { run: { font: DOCX_FONTS.fangSong, size: FONT_PT.body * 2 } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for a landscape section.
            size: { width: twipsOfMm(A4_MM.width), height: twipsOfMm(A4_MM.height), orientation },
            margin: {
              top: twipsOfMm(margins.top), right: twipsOfMm(margins.right),
              bottom: twipsOfMm(margins.bottom), left: twipsOfMm(margins.left),
              footer: twipsOfMm(margins.bottom / 2),
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children: doc.blocks.flatMap((block, i) => docxBlock(block, contentWidth, doc.oneSheet ? ONE_SHEET_PITCH : PITCH, doc.blocks[i + 1]?.kind === 'signature')),
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** `beforeSignature`: the block just above the signature keeps with it (GB/T 9704-2012: no signature alone on a page). */
function docxBlock(block: DocBlock, contentWidth: number, pitch: Pitch, beforeSignature = false): FileChild[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({
        alignment: AlignmentType.CENTER,
        // The title keeps its own line's height (二号 would be clipped at the tighter pitch).
        spacing: { ...PITCH, after: pitch === PITCH ? PITCH.line : Math.round(pitch.line / 2) },
        children: textRuns(block.text, { font: DOCX_FONTS.song, sizePt: FONT_PT.title, bold: true }),
      })];
    case 'subtitle':
      return [new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...pitch, after: pitch === PITCH ? PITCH.line : Math.round(pitch.line / 2) },
        children: textRuns(block.text, { ...BODY, sizePt: FONT_PT.subtitle }),
      })];
    case 'heading':
      return [new Paragraph({
        keepNext: true,
        indent: INDENT_TWO_CHARS,
        spacing: pitch,
        children: textRuns(block.text, {
          font: block.level === 1 ? DOCX_FONTS.hei : DOCX_FONTS.kai,
          sizePt: FONT_PT.heading,
        }),
      })];
    case 'paragraph':
      return [new Paragraph({
        alignment: block.align ? ALIGN[block.align] : AlignmentType.JUSTIFIED,
        indent: block.indent ? INDENT_TWO_CHARS : undefined,
        ...(beforeSignature ? { keepNext: true, keepLines: true } : {}),
        spacing: pitch,
        children: textRuns(block.text, { ...BODY, bold: block.bold }),
      })];
    case 'table':
      return docxTable(block, contentWidth);
    case 'fields':
      return [docxFields(block.items, contentWidth)];
    case 'signature':
      return block.lines.map((line, i) => new Paragraph({
        alignment: AlignmentType.RIGHT,
        keepNext: i < block.lines.length - 1,
        spacing: { ...pitch, before: i === 0 ? pitch.line : 0 }, // one line below the text (GB/T 9704-2012 7.3.5)
        children: textRuns(line, BODY),
      }));
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function pageNumberFooter(): Footer {
  // "第 N 页 共 M 页" with Word fields in place of N and M.
  const [before, between, after] = pageNumberText(0, 0).split('0');
  const style = { font: DOCX_FONTS.song, size: FONT_PT.pageNumber * 2 };
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ ...style, children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after] })],
    })],
  });
}
