import { Parser } from 'htmlparser2';

/** The attributes that name another address: what the crawl follows and the copy rewrites. */
const LINK_ATTRIBUTES: Record<string, string[]> = { a: ['href'], link: ['href'], area: ['href'], img: ['src'], script: ['src'], source: ['src'], iframe: ['src'], video: ['src', 'poster'], audio: ['src'], form: ['action'] };

export type LinkRef = { tag: string; attribute: string; value: string };

export type HtmlRewrite = {
  /** The new value of a link attribute, or null to keep it. */
  link: (ref: LinkRef) => string | null;
  /** What replaces a whole form that posts (it cannot work in a static copy), or null to keep it. */
  postForm?: (action: string) => string | null;
};

type Edit = { start: number; end: number; text: string };

/** Every address a page names (links, images, stylesheets, form targets), as written in the page. */
export function linksIn(html: string): LinkRef[] {
  const refs: LinkRef[] = [];
  rewriteHtml(html, { link: (ref) => (refs.push(ref), null) });
  return refs;
}

/**
 * Rewrites link attributes in place, leaving every other byte of the page as the server sent it
 * (a parser gives each attribute's position; nothing is re-serialised).
 */
export function rewriteHtml(html: string, rewrite: HtmlRewrite): string {
  const edits: Edit[] = [];
  let form: { start: number; action: string; post: boolean } | null = null;
  const parser: Parser = new Parser(
    {
      onattribute(name, value, quote) {
        const tag = current;
        const attrs = LINK_ATTRIBUTES[tag];
        const attribute = name.toLowerCase();
        if (tag === 'form') pendingForm[attribute] = value;
        if (!attrs?.includes(attribute)) return;
        const next = rewrite.link({ tag, attribute, value });
        if (next === null || next === value) return;
        const start = parser.startIndex;
        const end = parser.endIndex + (quote === '"' || quote === "'" ? 1 : 0);
        edits.push({ start, end, text: `${name}="${escapeAttribute(next)}"` });
      },
      onopentag(name) {
        if (name === 'form') form = { start: parser.startIndex, action: pendingForm.action ?? '', post: (pendingForm.method ?? 'get').toLowerCase() === 'post' };
      },
      onclosetag(name) {
        if (name !== 'form' || !form) return;
        const replacement = form.post && rewrite.postForm ? rewrite.postForm(form.action) : null;
        if (replacement !== null) edits.push({ start: form.start, end: parser.endIndex + 1, text: replacement });
        form = null;
      },
      onopentagname(name) {
        current = name.toLowerCase();
        pendingForm = {};
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  let current = '';
  let pendingForm: Record<string, string> = {};
  parser.end(html);
  // A replaced form swallows the edits of its own attributes and of what it contains.
  const outer = edits.filter((e) => !edits.some((o) => o !== e && o.start <= e.start && o.end >= e.end && o.end - o.start > e.end - e.start));
  outer.sort((a, b) => b.start - a.start);
  let out = html;
  for (const e of outer) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
