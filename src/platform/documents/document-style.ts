import type { DocumentModel, TableCell, TextAlign } from './document-model.ts';

/**
 * The 公文 page and type sizes shared by the three renderers (GB/T 9704-2012): A4, 版心 156 × 225 mm
 * with 天头 37 mm and 订口 28 mm; title 二号 (22 pt), body 三号 (16 pt) at 22 lines a page.
 * Tables use 五号 (10.5 pt) so the annual report's ten columns fit the width.
 */
export const A4_MM = { width: 210, height: 297 } as const;

export const PT_PER_MM = 72 / 25.4;

export type Margins = { top: number; right: number; bottom: number; left: number };

/** Page margins in millimetres; a landscape page keeps the binding edge (订口) on the left. */
export function pageMarginsMm(orientation: DocumentModel['orientation']): Margins {
  return orientation === 'landscape'
    ? { top: 28, right: 35, bottom: 26, left: 37 }
    : { top: 37, right: 26, bottom: 35, left: 28 };
}

export function pageSizeMm(orientation: DocumentModel['orientation']): { width: number; height: number } {
  return orientation === 'landscape' ? { width: A4_MM.height, height: A4_MM.width } : { ...A4_MM };
}

export const FONT_PT = { title: 22, subtitle: 16, heading: 16, body: 16, table: 10.5, pageNumber: 12 } as const;

/** 225 mm of 版心 / 22 lines. */
export const BODY_LINE_PITCH_PT = (225 * PT_PER_MM) / 22;

/**
 * The tightest pitch a letter is set at to keep to one sheet (GB/T 9704-2012 7.3.5.4 lets the line
 * spacing be adjusted for the 落款): 27 lines a page; Noto Serif SC at 三号 needs about 23 pt a line.
 */
export const ONE_SHEET_PITCH_SCALE = 0.8;
export const ONE_SHEET_PITCH_PT = BODY_LINE_PITCH_PT * ONE_SHEET_PITCH_SCALE;

/** Table cells are centred by default in header rows and left-aligned in body rows. */
export function cellAlign(cell: TableCell, inHeader: boolean): TextAlign {
  return cell.align ?? (inHeader ? 'center' : 'left');
}

export function cellBold(cell: TableCell, inHeader: boolean): boolean {
  return cell.bold ?? inHeader;
}

export function pageNumberText(page: number, pages: number): string {
  return `第 ${page} 页 共 ${pages} 页`;
}
