import { DOCUMENT_CSS, MAX_COLUMN_CLASS, MAX_LABEL_CLASS, MAX_LEAST_EM } from './document-css.ts';
import type { DocBlock, DocumentModel, TableCell } from './document-model.ts';
import { cellAlign, cellBold } from './document-style.ts';
import { documentText, printableDocument } from './document-text.ts';
import { fieldLabel } from './field-label.ts';
import { columnFractions, layoutTable, type PlacedCell, type TableGrid } from './table-grid.ts';

/**
 * The document as an HTML fragment for the browser and for printing (with DOCUMENT_CSS). The model
 * holds plain text only, so every string is escaped; line breaks in a text become <br>.
 */
export function renderDocumentHtml(model: DocumentModel): string {
  const doc = printableDocument(model);
  const landscape = doc.orientation === 'landscape' ? ' document--landscape' : '';
  const oneSheet = doc.oneSheet ? ' document--one-sheet' : '';
  const names = tableNames(doc.blocks);
  // GB/T 9704-2012: the signature never stands alone on a printed page; it prints with the block above it.
  const parts: string[] = [];
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'signature' && i > 0 && doc.blocks[i - 1].kind !== 'pageBreak' && parts.length) {
      parts.push(`<div class="doc-closing">${parts.pop()}${renderBlock(block, names.get(i))}</div>`);
    } else parts.push(renderBlock(block, names.get(i)));
  });
  const body = parts.join('\n');
  return `<article class="document${landscape}${oneSheet}" lang="zh-CN" aria-label="${escapeHtml(doc.title)}">\n${body}\n</article>`;
}

/**
 * Each table's name for its frame (a landmark, so each must differ): its caption, else the heading
 * above it, else 表格; a name used before gets the table's number (（表2）).
 */
function tableNames(blocks: DocBlock[]): Map<number, string> {
  const names = new Map<number, string>();
  const used = new Set<string>();
  let heading = '';
  let n = 0;
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') heading = block.text;
    if (block.kind !== 'table') return;
    n++;
    let name = block.caption || heading || '表格';
    if (used.has(name)) name = `${name}（表${n}）`;
    used.add(name);
    names.set(i, name);
  });
  return names;
}

function renderBlock(block: DocBlock, tableName = '表格'): string {
  switch (block.kind) {
    case 'title':
      return `<h1 class="doc-title">${text(block.text)}</h1>`;
    case 'subtitle':
      return `<p class="doc-subtitle">${text(block.text)}</p>`;
    case 'heading':
      return block.level === 1
        ? `<h2 class="doc-heading doc-heading--1">${text(block.text)}</h2>`
        : `<h3 class="doc-heading doc-heading--2">${text(block.text)}</h3>`;
    case 'paragraph': {
      const classes = ['doc-paragraph'];
      if (block.indent) classes.push('doc-indent');
      if (block.align && block.align !== 'left') classes.push(`doc-align-${block.align}`);
      if (block.bold) classes.push('doc-bold');
      return `<p class="${classes.join(' ')}">${text(block.text)}</p>`;
    }
    case 'table':
      return renderTable(block, tableName);
    case 'fields':
      return `<dl class="doc-fields">${block.items
        .map((item) => `<div><dt>${text(fieldLabel(item.label))}</dt><dd>${text(item.value)}</dd></div>`)
        .join('')}</dl>`;
    case 'signature':
      return `<div class="doc-signature">${block.lines.map((line) => `<p>${text(line)}</p>`).join('')}</div>`;
    case 'pageBreak':
      return '<hr class="doc-page-break" aria-hidden="true">';
  }
}

function renderTable(block: Extract<DocBlock, { kind: 'table' }>, name: string): string {
  const header = layoutTable(block.header);
  const body = layoutTable(block.rows, block.header.length ? header.columnCount : undefined);
  const columns = columnFractions(body.columnCount || header.columnCount, block.columnWidths);
  const labels = block.labelColumns ?? rowLabelColumns(header, columns.length);
  const cols = columns.map((f, i) => `<col${i < labels ? ` class="doc-label-col${i === labels - 1 ? ' doc-label-last' : ''}"` : ''} width="${(f * 100).toFixed(2)}%">`).join('');
  const caption = block.caption ? `<caption>${text(block.caption)}</caption>` : '';
  const thead = block.header.length
    ? `<thead>${rowsOf(header).map((row) => `<tr>${row.map((p) => cell(p, true, labels)).join('')}</tr>`).join('')}</thead>`
    : '';
  const tbody = `<tbody>${rowsOf(body).map((row) => `<tr>${row.map((p) => cell(p, false, labels)).join('')}</tr>`).join('')}</tbody>`;
  // On a narrow screen the table keeps readable columns and scrolls sideways in its own frame (DOCUMENT_CSS),
  // which is focusable so a keyboard can scroll it too; its row labels (doc-row-label) stay at the frame's left edge.
  // The frame is named by its table (whether it scrolls depends on the screen, so the name does not say).
  // The counts the narrow screen's widths are worked from, as classes (DOCUMENT_CSS gives each its value): the
  // Content-Security-Policy allows no style attribute. A column's share of the width is the col's width attribute.
  const counts = ` doc-columns-${Math.min(columns.length, MAX_COLUMN_CLASS)}${labels ? ` doc-labels-${Math.min(labels, MAX_LABEL_CLASS)}` : ''}`;
  // Above the frame, a line a phone's reader sees when the table is wider than the screen (a resident found report
  // tables 三 and 四, 945 px in a 334 px frame, with no hint they went on): shown by DOCUMENT_CSS only when the box is
  // narrower than the table's least width (doc-min-N, in the table's em), so never above a table that fits; hidden from
  // a screen reader, whose frame is named by its table and reached by Tab like any region.
  return `<div class="doc-table-box doc-min-${tableLeastEm(columns.length, labels)}"><p class="doc-scroll-hint" aria-hidden="true">${SCROLL_HINT}</p>` +
    `<div class="doc-table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(name)}">` +
    `<table class="doc-table${counts}">${caption}<colgroup>${cols}</colgroup>${thead}${tbody}</table></div></div>`;
}

/** What the line above a table wider than the screen says. */
export const SCROLL_HINT = '表格较宽，请左右滑动查看全表 ⇆';

/**
 * The least width a table keeps on a narrow screen, in whole ems of its own text, rounded up (DOCUMENT_CSS's
 * min-width: each label column but the last --doc-label-w, the last --doc-label-last-w, each figure 3.4em; a table
 * without row labels 4.5em a column), at most MAX_LEAST_EM + 1 — wider than any narrow screen at any 字号.
 */
export function tableLeastEm(columns: number, labels: number): number {
  const c = Math.min(columns, MAX_COLUMN_CLASS);
  const l = Math.min(labels, MAX_LABEL_CLASS);
  const em = l > 0 ? (c - l) * 3.4 + (l - 1) * 1.4 + 3.6 : c * 4.5;
  return Math.min(Math.ceil(em - 1e-9), MAX_LEAST_EM + 1);
}

/**
 * How many leading columns hold the rows' labels: those under the header's corner cell (the 年度报告's
 * part 三 has three, "三、本年度办理结果" › "（三）不予公开" › "1.属于国家秘密"), or the first column
 * under a one-row header. None when the header starts with a column group or there is no header.
 */
function rowLabelColumns(header: TableGrid, columnCount: number): number {
  const corner = header.owner[0]?.[0];
  if (!corner || corner.row !== 0 || corner.col !== 0 || corner.rowSpan !== header.rowCount) return 0;
  return corner.colSpan < columnCount ? corner.colSpan : 0;
}

const rowsOf = (grid: TableGrid): PlacedCell[][] => {
  const rows: PlacedCell[][] = Array.from({ length: grid.rowCount }, () => []);
  for (const p of grid.cells) rows[p.row].push(p);
  return rows;
};

function cell(p: PlacedCell, inHeader: boolean, labels: number): string {
  const c = p.cell;
  const tag = inHeader ? 'th' : 'td';
  const attrs: string[] = [];
  if (inHeader) attrs.push(`scope="${(c.colSpan ?? 1) > 1 ? 'colgroup' : 'col'}"`);
  if ((c.colSpan ?? 1) > 1) attrs.push(`colspan="${c.colSpan}"`);
  if ((c.rowSpan ?? 1) > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  const classes = [`doc-align-${cellAlign(c, inHeader)}`];
  if (cellBold(c, inHeader)) classes.push('doc-bold');
  // A label: a cell within the label columns (a row spanning into the figures, such as a heading across the table, is none).
  const label = p.col + p.colSpan <= labels;
  if (label) classes.push(p.col + p.colSpan === labels ? 'doc-row-label doc-row-label-end' : 'doc-row-label');
  // Which label column it starts in, for its pinned offset (DOCUMENT_CSS).
  if (label && p.col > 0) classes.push(`doc-label-at-${Math.min(p.col, MAX_LABEL_CLASS)}`);
  attrs.push(`class="${classes.join(' ')}"`);
  return `<${tag} ${attrs.join(' ')}>${text(c.text)}</${tag}>`;
}

function text(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>').replace(NON_BREAKING_HYPHENATED, (m) => `<span class="doc-nobr">${m.replace(/\u2011/g, '-')}</span>`);
}

/**
 * A number or code joined by non-breaking hyphens (U+2011, a 咨询电话 as 0564‑5022106): on the page it
 * keeps to one line (white-space: nowrap) with a plain hyphen, so a copied number dials as written.
 */
const NON_BREAKING_HYPHENATED = /[0-9A-Za-z]+(?:\u2011[0-9A-Za-z]+)+/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The document as a whole web page (the HTML export): its title, the print styles, the document. */
export function renderDocumentPage(doc: DocumentModel): string {
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(documentText(doc.title))}</title><style>${DOCUMENT_CSS}</style></head><body>\n${renderDocumentHtml(doc)}\n</body></html>\n`;
}
