import { Parser } from 'htmlparser2';
import { TextBuilder } from './text-builder.ts';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'details', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'title', 'ul',
]);

/**
 * The text of an HTML page or rich-text body: entities decoded, whitespace collapsed as a browser
 * does, block elements on their own lines, table cells separated by tabs and rows by newlines.
 * Text hidden with CSS is kept: it is still published in the page source.
 */
export function htmlToText(html: string): string {
  const out = new TextBuilder();
  let skip = 0;
  let pre = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skip++;
        else if (name === 'pre') pre++;
        if (name === 'br') out.lineBreak();
        else if (BLOCKS.has(name) || name === 'tr') out.block();
      },
      ontext(data) {
        if (skip > 0) return;
        out.text(pre > 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' '));
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skip = Math.max(0, skip - 1);
        else if (name === 'pre') pre = Math.max(0, pre - 1);
        if (name === 'td' || name === 'th') out.cell();
        else if (name === 'tr') out.row();
        else if (BLOCKS.has(name)) out.block();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.toString();
}
