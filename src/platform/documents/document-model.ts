/**
 * A printable official document (review form, reply letter, annual report) described once and
 * rendered three ways: HTML for the browser, DOCX for editing, PDF with embedded Chinese fonts
 * for the paper file. Renderers live beside this file (render-html.ts, render-docx.ts, render-pdf.ts).
 */
export type TextAlign = 'left' | 'center' | 'right';

export type TableCell = {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: TextAlign;
  bold?: boolean;
};

export type DocBlock =
  /** The document's main title (公文标题), centred and large. */
  | { kind: 'title'; text: string }
  /** A line under the title, e.g. a 文号 or "（2026年度）". */
  | { kind: 'subtitle'; text: string }
  /** 一、二、… section headings (level 1) and （一）（二）… (level 2). */
  | { kind: 'heading'; text: string; level: 1 | 2 }
  /** Body text; `indent` gives the first-line indent of two characters used in 公文. */
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: TextAlign; bold?: boolean }
  /**
   * A table; `header` rows are repeated on each PDF page; cells may span rows and columns. `labelColumns`:
   * how many leading columns hold the rows' names, kept in view while a phone scrolls the table sideways
   * (by default the columns under the header's corner cell).
   */
  | { kind: 'table'; caption?: string; columnWidths?: number[]; labelColumns?: number; header: TableCell[][]; rows: TableCell[][] }
  /** Key–value lines such as 申请编号：…; rendered as a two-column borderless table. */
  | { kind: 'fields'; items: { label: string; value: string }[] }
  /** The closing block, right-aligned: organ name, seal note, date. */
  | { kind: 'signature'; lines: string[] }
  | { kind: 'pageBreak' };

export type DocumentModel = {
  /** Used as the HTML <title>, DOCX/PDF metadata title and default file name. */
  title: string;
  /** Page size of the paper file; 公文 use A4. */
  pageSize?: 'A4';
  orientation?: 'portrait' | 'landscape';
  /**
   * A form letter that must keep to one A4 sheet (the 申请登记回执): Word and the browser's print set
   * it at ONE_SHEET_PITCH_PT (27 lines) from the start, as the PDF does when that saves it a page.
   */
  oneSheet?: boolean;
  blocks: DocBlock[];
};
