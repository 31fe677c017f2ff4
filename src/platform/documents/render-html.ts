import { DOCUMENT_CSS } from './document-css.ts';
import type { DocBlock, DocumentModel, TableCell } from './document-model.ts';
import { cellAlign, cellBold } from './document-style.ts';
import { fieldLabel } from './field-label.ts';
import { columnFractions, layoutTable } from './table-grid.ts';

/**
 * The document as an HTML fragment for the browser and for printing (with DOCUMENT_CSS). The model
 * holds plain text only, so every string is escaped; line breaks in a text become <br>.
 */
export function renderDocumentHtml(doc: DocumentModel): string {
  const landscape = doc.orientation === 'landscape' ? ' document--landscape' : '';
  // GB/T 9704-2012: the signature never stands alone on a printed page; it prints with the block above it.
  const parts: string[] = [];
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'signature' && i > 0 && doc.blocks[i - 1].kind !== 'pageBreak' && parts.length) {
      parts.push(`<div class="doc-closing">${parts.pop()}${renderBlock(block)}</div>`);
    } else parts.push(renderBlock(block));
  });
  const body = parts.join('\n');
  return `<article class="document${landscape}" lang="zh-CN" aria-label="${escapeHtml(doc.title)}">\n${body}\n</article>`;
}

function renderBlock(block: DocBlock): string {
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
      return renderTable(block);
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

function renderTable(block: Extract<DocBlock, { kind: 'table' }>): string {
  const header = layoutTable(block.header);
  const body = layoutTable(block.rows, block.header.length ? header.columnCount : undefined);
  const columns = columnFractions(body.columnCount || header.columnCount, block.columnWidths);
  const cols = columns.map((f) => `<col style="width:${(f * 100).toFixed(2)}%">`).join('');
  const caption = block.caption ? `<caption>${text(block.caption)}</caption>` : '';
  const thead = block.header.length
    ? `<thead>${block.header.map((row) => `<tr>${row.map((c) => cell(c, true)).join('')}</tr>`).join('')}</thead>`
    : '';
  const tbody = `<tbody>${block.rows.map((row) => `<tr>${row.map((c) => cell(c, false)).join('')}</tr>`).join('')}</tbody>`;
  // On a narrow screen the table keeps readable columns and scrolls sideways in its own frame (DOCUMENT_CSS),
  // which is focusable so a keyboard can scroll it too.
  return '<div class="doc-table-scroll" tabindex="0" role="region" aria-label="表格（可左右滚动）">' +
    `<table class="doc-table" style="--doc-columns:${columns.length}">${caption}<colgroup>${cols}</colgroup>${thead}${tbody}</table></div>`;
}

function cell(c: TableCell, inHeader: boolean): string {
  const tag = inHeader ? 'th' : 'td';
  const attrs: string[] = [];
  if (inHeader) attrs.push(`scope="${(c.colSpan ?? 1) > 1 ? 'colgroup' : 'col'}"`);
  if ((c.colSpan ?? 1) > 1) attrs.push(`colspan="${c.colSpan}"`);
  if ((c.rowSpan ?? 1) > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  const classes = [`doc-align-${cellAlign(c, inHeader)}`];
  if (cellBold(c, inHeader)) classes.push('doc-bold');
  attrs.push(`class="${classes.join(' ')}"`);
  return `<${tag} ${attrs.join(' ')}>${text(c.text)}</${tag}>`;
}


function text(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, '<br>');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The document as a whole web page (the HTML export): its title, the print styles, the document. */
export function renderDocumentPage(doc: DocumentModel): string {
  return `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(doc.title)}</title><style>${DOCUMENT_CSS}</style></head><body>\n${renderDocumentHtml(doc)}\n</body></html>\n`;
}
