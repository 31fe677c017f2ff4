import sanitizeHtml from 'sanitize-html';

/**
 * The allowlist for rich text written by staff (publication bodies, guides). Applied before the
 * text is stored, so everything rendered later is already clean. Scripts, styles, event handlers
 * and javascript: URLs never survive.
 */
/** The layout classes a paragraph or heading may carry (docs/adr/0017). */
const LAYOUT_CLASSES = ['center', 'right', 'indent'];
/**
 * A body paragraph is indented two characters by default (公文 正文, GB/T 9704-2012); `flush` sets one
 * 顶格 (a salutation, 主送机关). `indent` is still kept on paragraphs saved before `flush` existed.
 */
const PARAGRAPH_CLASSES = [...LAYOUT_CLASSES, 'flush'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'span', 'div', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    p: ['class'],
    h2: ['class'], h3: ['class'], h4: ['class'], h5: ['class'],
    span: ['class'],
    div: ['class'],
  },
  // Layout as classes, never inline style: alignment (a centred title, a 落款 on the right), the
  // two-character first-line indent (首行缩进) a heading may take, and 顶格 (`flush`) for a paragraph.
  allowedClasses: {
    p: PARAGRAPH_CLASSES, h2: LAYOUT_CLASSES, h3: LAYOUT_CLASSES, h4: LAYOUT_CLASSES, h5: LAYOUT_CLASSES, span: ['underline'], div: ['center'],
  },
  // The body's headings are h2–h5 (the page's own title is its h1): an h1 or h6 typed in the source
  // view or sent through the API stays a heading, as the editor makes a pasted one (h1 → h3, h6 → h5),
  // instead of losing its tag.
  transformTags: { h1: 'h3', h6: 'h5' },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
