/**
 * The text of an item's body as the scanner reads it: a block's end is a line break, a table cell's
 * end a tab, other tags nothing, and the entities the sanitiser writes one character each. Findings
 * in the body are offsets into this text.
 */
export const htmlToText = (html: string) =>
  html.replace(/<(br|\/p|\/div|\/tr|\/h\d|\/li)[^>]*>/gi, '\n').replace(/<\/t[dh]>/gi, '\t').replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** One stretch of the HTML and the text it reads as: a tag (a line break, a tab or nothing), an entity or a character. */
export type HtmlPiece = { from: number; to: number; text: string; tag: boolean };

/**
 * The HTML cut into the pieces `htmlToText` reads, so an offset into the text leads back to where it
 * stands in the HTML. Null when the pieces do not read as `htmlToText` does (an HTML oddity such as
 * a tag inside an attribute): then no offset can be trusted.
 */
export function htmlPieces(html: string): HtmlPiece[] | null {
  const out: HtmlPiece[] = [];
  let i = 0;
  while (i < html.length) {
    if (html[i] === '<') {
      const close = html.indexOf('>', i);
      if (close >= 0) {
        const tag = html.slice(i, close + 1);
        out.push({ from: i, to: close + 1, text: /^<(br|\/p|\/div|\/tr|\/h\d|\/li)/i.test(tag) ? '\n' : /^<\/t[dh]>$/i.test(tag) ? '\t' : '', tag: true });
        i = close + 1;
        continue;
      }
    }
    const entity = html[i] === '&' ? /^&(nbsp|lt|gt|quot|#39|amp);/.exec(html.slice(i, i + 6)) : null;
    if (entity) {
      out.push({ from: i, to: i + entity[0].length, text: ENTITIES[entity[0]], tag: false });
      i += entity[0].length;
      continue;
    }
    out.push({ from: i, to: i + 1, text: html[i], tag: false });
    i++;
  }
  return out.map((p) => p.text).join('') === htmlToText(html) ? out : null;
}
