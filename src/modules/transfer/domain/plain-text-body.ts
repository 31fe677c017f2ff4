/**
 * A 正文 cell of a spreadsheet is often plain text — typed with Alt+Enter in Excel, or pasted — and
 * the portal would show it as one run-on line (found by an outside tester). So a cell that holds no
 * HTML is read as text: each non-empty line becomes a paragraph, as the editor makes them (a body
 * paragraph takes the portal's 首行缩进), and the text is escaped, so a < in it stays a <.
 * The rule is in docs/import-export.md ("正文: HTML or plain text").
 */

/** Every element name of HTML (and the few old ones older sites still write): a tag of another name is text (1<2, <附件1>). */
const ELEMENTS = [
  'a', 'abbr', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'bdi', 'bdo', 'big', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption',
  'center', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset',
  'figcaption', 'figure', 'font', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins',
  'kbd', 'label', 'legend', 'li', 'link', 'main', 'map', 'mark', 'meta', 'meter', 'nav', 'noscript', 'object', 'ol', 'optgroup', 'option', 'output', 'p',
  'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'section', 'select', 'small', 'source', 'span', 'strike', 'strong',
  'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul',
  'var', 'video', 'wbr', 'o:p',
];

/** A start, end or empty tag of an HTML element: <p>, </p>, <br/>, <p class="x">, <BR> — the name followed by a space, / or >. */
const TAG = new RegExp(`<\\/?(?:${ELEMENTS.map((e) => e.replace(':', '\\:')).join('|')})(?=[\\s/>])[^<>]*>`, 'i');
/** A comment (<!-- … -->, Word's conditional comments) or a character reference (&amp; &lt; &nbsp; &#49; &#x2605;) as HTML writes them. */
const OTHER_MARKUP = /<!--|&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});/i;

/**
 * Whether a 正文 is HTML: it holds a tag of an HTML element, a comment or a character reference.
 * A < or & of ordinary text (1<2, 面积<50平方米, A&B, <附件1>) is not markup.
 */
export function holdsHtml(body: string): boolean {
  return TAG.test(body) || OTHER_MARKUP.test(body);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Plain text as the editor's paragraphs: one <p> per non-empty line (a blank line between paragraphs
 * makes none), without the spaces around it — full-width ones typed for the first-line indent too,
 * which the portal gives every body paragraph — and escaped.
 */
export function plainTextParagraphs(text: string): string {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeText(line)}</p>`)
    .join('');
}

/** The 正文 an import stores before the editor's allowlist: HTML as given, plain text as paragraphs. */
export function importedBodyHtml(cell: string): string {
  return holdsHtml(cell) ? cell : plainTextParagraphs(cell);
}
