import type { DocBlock } from './document-model.ts';
import { cellAlign, cellBold, FONT_PT } from './document-style.ts';
import { fitRowHeights, pageUnits, paginateRows, rowCutCosts, sumRange, type RowRange } from './paginate-rows.ts';
import { PDF_FONT } from './pdf-fonts.ts';
import { columnFractions, layoutTable, rowCrossings, type PlacedCell, type TableGrid } from './table-grid.ts';

/** The content box of a page, in points. */
export type PdfFrame = { left: number; width: number; top: number; bottom: number };

const PAD_X = 4;
const PAD_Y = 3;
const RULE = 0.75;
const CAPTION_GAP = 6;
const GAP_AFTER = 12;

type TableBlock = Extract<DocBlock, { kind: 'table' }>;

type TableLayout = {
  ctx: TableCtx;
  header: TableGrid;
  body: TableGrid;
  headerHeights: number[];
  bodyHeights: number[];
  headerHeight: number;
  captionHeight: number;
  units: RowRange[];
};

function measureTable(pdf: PDFKit.PDFDocument, block: TableBlock, frame: PdfFrame): TableLayout {
  const header = layoutTable(block.header);
  const body = layoutTable(block.rows, block.header.length ? header.columnCount : undefined);
  const fractions = columnFractions(body.columnCount || header.columnCount, block.columnWidths);
  const xs = [frame.left];
  for (const f of fractions) xs.push(xs[xs.length - 1] + f * frame.width);
  const ctx = { pdf, xs, frame };
  const headerHeights = fitRowHeights(header, minRowHeight(pdf), (c) => cellHeight(ctx, c, true));
  const needs = new Map<PlacedCell, number>();
  const need = (c: PlacedCell) => needs.get(c) ?? needs.set(c, cellHeight(ctx, c, false)).get(c)!;
  const bodyHeights = fitRowHeights(body, minRowHeight(pdf), need);
  const headerHeight = sumRange(headerHeights, 0, headerHeights.length);
  const costs = rowCutCosts(body, bodyHeights, rowCrossings(body), need);
  const units = pageUnits(bodyHeights, costs, frame.bottom - frame.top - headerHeight);
  const captionHeight = block.caption ? captionBlockHeight(pdf, block.caption, frame) : 0;
  return { ctx, header, body, headerHeights, bodyHeights, headerHeight, captionHeight, units };
}

/** The height a table needs before its first possible page break: caption, header, first rows. */
export function pdfTableLeadHeight(pdf: PDFKit.PDFDocument, block: TableBlock, frame: PdfFrame): number {
  const t = measureTable(pdf, block, frame);
  const first = t.units[0];
  return t.captionHeight + t.headerHeight + (first ? sumRange(t.bodyHeights, first.start, first.end) : 0);
}

/**
 * Draws a bordered table from the current y. Rows tied by row spans stay on one page when they fit
 * (see pageUnits); the header rows are drawn again at the top of every page the table continues
 * on. Text wraps inside its cell and is centred vertically in the part of the cell on that page.
 */
export function drawPdfTable(pdf: PDFKit.PDFDocument, block: TableBlock, frame: PdfFrame): void {
  const t = measureTable(pdf, block, frame);
  const firstRoom = frame.bottom - pdf.y - t.captionHeight - t.headerHeight;
  const pageRoom = frame.bottom - frame.top - t.headerHeight;
  const slices = paginateRows(t.bodyHeights, t.units, firstRoom, pageRoom);
  if (slices.length === 0) slices.push({ start: 0, end: 0, freshPage: firstRoom < 0 && pdf.y > frame.top });

  slices.forEach((slice, i) => {
    if (slice.freshPage) pdf.addPage();
    let y = slice.freshPage ? frame.top : pdf.y;
    if (i === 0 && block.caption) {
      pdf.font(PDF_FONT.bold).fontSize(FONT_PT.body);
      pdf.text(block.caption, frame.left, y, { width: frame.width, align: 'center' });
      y += t.captionHeight;
    }
    y = drawRows(t.ctx, t.header, t.headerHeights, { start: 0, end: t.header.rowCount }, y, true);
    y = drawRows(t.ctx, t.body, t.bodyHeights, slice, y, false);
    pdf.x = frame.left;
    pdf.y = y;
  });
  pdf.y += GAP_AFTER;
}

type TableCtx = { pdf: PDFKit.PDFDocument; xs: number[]; frame: PdfFrame };

function drawRows(t: TableCtx, grid: TableGrid, heights: number[], rows: { start: number; end: number }, top: number, inHeader: boolean): number {
  const tops = [top];
  for (let r = rows.start; r < rows.end; r++) tops.push(tops[tops.length - 1] + heights[r]);
  const rowTop = (r: number) => tops[r - rows.start];
  for (const c of grid.cells) {
    if (c.row >= rows.end || c.row + c.rowSpan <= rows.start) continue;
    const y0 = rowTop(Math.max(c.row, rows.start));
    const y1 = rowTop(Math.min(c.row + c.rowSpan, rows.end));
    const x = t.xs[c.col];
    const w = t.xs[c.col + c.colSpan] - x;
    t.pdf.lineWidth(RULE).rect(x, y0, w, y1 - y0).stroke();
    // A cell cut by a page break shows its text in its first part only.
    if (c.row >= rows.start) drawCellText(t, c, x, w, y0, y1, inHeader);
  }
  return tops[tops.length - 1];
}

function drawCellText(t: TableCtx, c: PlacedCell, x: number, w: number, y0: number, y1: number, inHeader: boolean): void {
  const options = cellTextOptions(t.pdf, c, w, inHeader);
  const textHeight = t.pdf.heightOfString(c.cell.text, options);
  const y = y0 + Math.max(PAD_Y, (y1 - y0 - textHeight) / 2);
  // An explicit height keeps pdfkit from starting a page of its own if a cell overflows.
  t.pdf.text(c.cell.text, x + PAD_X, y, { ...options, height: Math.max(textHeight, y1 - y) + 1 });
}

function cellHeight(t: TableCtx, c: PlacedCell, inHeader: boolean): number {
  const w = t.xs[c.col + c.colSpan] - t.xs[c.col];
  return t.pdf.heightOfString(c.cell.text, cellTextOptions(t.pdf, c, w, inHeader)) + 2 * PAD_Y;
}

function cellTextOptions(pdf: PDFKit.PDFDocument, c: PlacedCell, w: number, inHeader: boolean): PDFKit.Mixins.TextOptions {
  pdf.font(cellBold(c.cell, inHeader) ? PDF_FONT.bold : PDF_FONT.regular).fontSize(FONT_PT.table);
  return { width: w - 2 * PAD_X, align: cellAlign(c.cell, inHeader), lineGap: 0 };
}

function minRowHeight(pdf: PDFKit.PDFDocument): number {
  pdf.font(PDF_FONT.regular).fontSize(FONT_PT.table);
  return pdf.currentLineHeight() + 2 * PAD_Y;
}

function captionBlockHeight(pdf: PDFKit.PDFDocument, caption: string, frame: PdfFrame): number {
  pdf.font(PDF_FONT.bold).fontSize(FONT_PT.body);
  return pdf.heightOfString(caption, { width: frame.width, align: 'center' }) + CAPTION_GAP;
}
