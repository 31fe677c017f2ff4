import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow,
  VerticalAlignTable, VerticalMergeType, WidthType,
} from 'docx';
import type { DocBlock, TextAlign } from './document-model.ts';
import { cellAlign, cellBold, FONT_PT } from './document-style.ts';
import { DOCX_FONTS, TWIPS_PER_PT, textRuns } from './docx-text.ts';
import { fieldLabel } from './field-label.ts';
import { columnFractions, layoutTable, type TableGrid } from './table-grid.ts';

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const; // 0.75 pt
const ALIGN: Record<TextAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};
const TABLE_TEXT = { font: DOCX_FONTS.fangSong, sizePt: FONT_PT.table };

type TableBlock = Extract<DocBlock, { kind: 'table' }>;

/**
 * A bordered table. Merges come from the grid: a cell spanning columns gets gridSpan, a cell spanning
 * rows starts a vMerge that the slots below continue; header rows repeat on each page (tblHeader).
 */
export function docxTable(block: TableBlock, widthTwips: number): (Paragraph | Table)[] {
  const header = layoutTable(block.header);
  const body = layoutTable(block.rows, block.header.length ? header.columnCount : undefined);
  const columnCount = body.columnCount || header.columnCount;
  const widths = columnFractions(columnCount, block.columnWidths).map((f) => Math.round(f * widthTwips));
  const rows = [...gridRows(header, widths, true), ...gridRows(body, widths, false)];
  const table = new Table({
    rows,
    width: { size: sum(widths), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
  if (!block.caption) return [table];
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { after: 6 * TWIPS_PER_PT },
    children: textRuns(block.caption, { font: DOCX_FONTS.hei, sizePt: FONT_PT.body }),
  });
  return [caption, table];
}

function gridRows(grid: TableGrid, widths: number[], inHeader: boolean): TableRow[] {
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const children: TableCell[] = [];
    for (let c = 0; c < grid.columnCount; ) {
      const slot = grid.owner[r][c];
      const width = { size: sum(widths.slice(c, c + slot.colSpan)), type: WidthType.DXA };
      const columnSpan = slot.colSpan > 1 ? slot.colSpan : undefined;
      const starts = slot.row === r;
      const verticalMerge = slot.rowSpan === 1 ? undefined : starts ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE;
      const align = ALIGN[cellAlign(slot.cell, inHeader)];
      const paragraph = new Paragraph({
        alignment: align,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: starts ? textRuns(slot.cell.text, { ...TABLE_TEXT, bold: cellBold(slot.cell, inHeader) }) : [],
      });
      children.push(
        new TableCell({ children: [paragraph], width, columnSpan, verticalMerge, verticalAlign: VerticalAlignTable.CENTER }),
      );
      c += slot.colSpan;
    }
    rows.push(new TableRow({ children, tableHeader: inHeader || undefined, cantSplit: true }));
  }
  return rows;
}

/** Key–value lines as a borderless two-column table; the label column fits the longest label. */
export function docxFields(items: { label: string; value: string }[], widthTwips: number): Table {
  const longest = Math.max(1, ...items.map((i) => displayWidthEm(fieldLabel(i.label))));
  const labelWidth = Math.min(Math.round(widthTwips * 0.45), Math.ceil((longest + 0.5) * FONT_PT.body * TWIPS_PER_PT));
  const widths = [labelWidth, widthTwips - labelWidth];
  const bodyText = { font: DOCX_FONTS.fangSong, sizePt: FONT_PT.body };
  const cell = (text: string, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: [new Paragraph({ children: textRuns(text, bodyText) })],
    });
  return new Table({
    width: { size: widthTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: items.map((i) => new TableRow({ children: [cell(fieldLabel(i.label), widths[0]), cell(i.value, widths[1])] })),
  });
}

/** Width in ems: CJK and full-width characters take one em, the rest half. */
export function displayWidthEm(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5;
  return w;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
