import type { DocBlock, DocumentModel } from './document-model.ts';

/**
 * Text as every renderer prints it. What staff type in a form arrives with the browser's "\r\n"
 * line ends, and a paste can bring a tab, a form feed, a U+2028 line separator or a BOM; the PDF's
 * CJK font has no glyph for them (a □ in the letter) and Word's XML may not hold them. A line end of
 * any kind becomes "\n" (a line break within a field's value, a table cell, a heading or the 落款), a tab
 * a space, and every other control or format character is left out.
 */
export function documentText(s: string): string {
  return s
    .replace(/\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]/g, '')
    .replace(/[ \u3000]+\n/g, '\n');
}

/**
 * The model with every string passed through documentText, as the three renderers take it. A line
 * break in body prose starts a new paragraph, with its own first-line indent, in PDF, Word and HTML
 * alike (a blank line adds none).
 */
export function printableDocument(doc: DocumentModel): DocumentModel {
  return { ...doc, title: documentText(doc.title), blocks: doc.blocks.flatMap(paragraphsOf).map(printableBlock) };
}

function paragraphsOf(block: DocBlock): DocBlock[] {
  if (block.kind !== 'paragraph') return [block];
  const lines = documentText(block.text).split('\n').filter((line) => line.trim() !== '');
  return lines.length > 1 ? lines.map((text) => ({ ...block, text })) : [block];
}

function printableBlock(block: DocBlock): DocBlock {
  switch (block.kind) {
    case 'title':
    case 'subtitle':
    case 'heading':
    case 'paragraph':
      return { ...block, text: documentText(block.text) };
    case 'table': {
      const cells = (rows: typeof block.rows) => rows.map((row) => row.map((c) => ({ ...c, text: documentText(c.text) })));
      return { ...block, caption: block.caption === undefined ? undefined : documentText(block.caption), header: cells(block.header), rows: cells(block.rows) };
    }
    case 'fields':
      return { ...block, items: block.items.map((i) => ({ label: documentText(i.label), value: documentText(i.value) })) };
    case 'signature':
      return { ...block, lines: block.lines.map(documentText) };
    case 'pageBreak':
      return block;
  }
}
