import { DomUtils, type parseDocument } from 'htmlparser2';

/**
 * The HTML an item keeps of an old page's article (docs/import-export.md "Moving from an old
 * website"): its paragraphs, headings, lists and tables (rows, header cells, merged cells), bold and
 * italic text, and links to other sites; text outside any block becomes a paragraph. Styles, fonts,
 * classes and the CMS's own markup are dropped (a right-aligned or centred paragraph keeps that), and
 * the caller passes the result through the editor's own allowlist (sanitizeRichText, in the use case,
 * so domain code stays pure). Pictures are not kept — their file is on the old site — but listed, so
 * the import can say so.
 */

type Node = ReturnType<typeof parseDocument>['children'][number];
type El = Extract<Node, { name: string; attribs: Record<string, string> }>;

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'hr']);
const TABLE_PARTS = new Set(['caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']);
/** Inline elements kept as they are; others (span, font, a without an outside address …) keep only their text. */
const KEPT_INLINE = new Set(['strong', 'b', 'em', 'i', 'u', 'sub', 'sup']);
/** Elements that are blocks of their own: their inner paragraphs are the article's. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'center', 'dl', 'dd', 'dt', 'figure', 'form']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'select', 'button', 'input', 'textarea', 'meta', 'link']);

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
const isEl = (n: Node): n is El => DomUtils.isTag(n);

/** Whether an element or anything in it is a block (so it cannot sit inside a paragraph). */
function holdsBlock(e: El): boolean {
  return e.children.some((c) => isEl(c) && isBlock(c));
}

/** A block: a paragraph, list, table or container, or an inline element (span, font) wrapped around one. */
function isBlock(e: El): boolean {
  return BLOCKS.has(e.name) || TABLE_PARTS.has(e.name) || CONTAINERS.has(e.name) || (!SKIPPED.has(e.name) && e.name !== 'img' && holdsBlock(e));
}

function alignOf(e: El): string {
  const style = (e.attribs.style ?? '').toLowerCase();
  const align = (e.attribs.align ?? '').toLowerCase();
  if (/text-align\s*:\s*right/.test(style) || align === 'right') return ' class="right"';
  if (/text-align\s*:\s*center/.test(style) || align === 'center') return ' class="center"';
  return '';
}

function cellAttributes(e: El): string {
  let out = '';
  for (const a of ['colspan', 'rowspan']) {
    const n = Number(e.attribs[a]);
    if (Number.isInteger(n) && n > 1 && n <= 1000) out += ` ${a}="${n}"`;
  }
  return out;
}

export function articleHtml(root: El): { html: string; images: string[] } {
  const images: string[] = [];

  function inline(nodes: Node[]): string {
    let out = '';
    for (const n of nodes) {
      if (DomUtils.isText(n)) out += escapeText(n.data.replace(/[ \t\r\n\f]+/g, ' '));
      else if (isEl(n)) {
        if (SKIPPED.has(n.name)) continue;
        if (n.name === 'img') images.push((n.attribs.src ?? '').trim());
        else if (n.name === 'br') out += '<br>';
        else if (KEPT_INLINE.has(n.name)) out += `<${n.name}>${inline(n.children)}</${n.name}>`;
        else if (n.name === 'a' && /^https?:\/\//i.test(n.attribs.href ?? '')) out += `<a href="${escapeAttr(n.attribs.href.trim())}">${inline(n.children)}</a>`;
        else out += inline(n.children);
      }
    }
    return out;
  }

  /** A paragraph's HTML, or nothing when it holds no text. */
  const paragraph = (tag: string, attrs: string, content: string) => {
    const bare = content.replace(/<br>/g, '').replace(/<[^>]+>/g, '').replace(/&nbsp;|[\s\u00a0\u3000]/g, '');
    return bare ? `<${tag}${attrs}>${content.replace(/^(\s|<br>)+|(\s|<br>)+$/g, '')}</${tag}>` : '';
  };

  /** Children in a block context: runs of text and inline elements become paragraphs. */
  function blocks(nodes: Node[]): string {
    let out = '';
    let run: Node[] = [];
    const flush = () => {
      if (run.length) out += paragraph('p', '', inline(run));
      run = [];
    };
    for (const n of nodes) {
      if (isEl(n) && SKIPPED.has(n.name)) continue;
      if (!isEl(n) || !isBlock(n)) {
        run.push(n);
        continue;
      }
      flush();
      out += block(n);
    }
    flush();
    return out;
  }

  /** A cell's or a list item's content: paragraphs when it holds blocks, else its text. */
  const mixed = (e: El) => (holdsBlock(e) ? blocks(e.children) : inline(e.children).trim());

  function block(e: El): string {
    switch (e.name) {
      case 'p':
        return holdsBlock(e) ? blocks(e.children) : paragraph('p', alignOf(e), inline(e.children));
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const level = Math.min(5, Math.max(2, Number(e.name[1])));
        return paragraph(`h${level}`, '', inline(e.children));
      }
      case 'blockquote':
        return `<blockquote>${blocks(e.children)}</blockquote>`;
      case 'pre':
        return `<pre>${escapeText(DomUtils.textContent(e))}</pre>`;
      case 'hr':
        return '<hr>';
      case 'ul':
      case 'ol': {
        const items = e.children.filter((c): c is El => isEl(c) && c.name === 'li').map((li) => `<li>${mixed(li)}</li>`).join('');
        return items ? `<${e.name}>${items}</${e.name}>` : '';
      }
      case 'li':
        return `<ul><li>${mixed(e)}</li></ul>`;
      case 'table':
        return table(e);
      case 'caption':
      case 'thead':
      case 'tbody':
      case 'tfoot':
      case 'tr':
      case 'th':
      case 'td':
        return blocks(e.children);
      default:
        return blocks(e.children);
    }
  }

  function table(e: El): string {
    const rows: string[] = [];
    let caption = '';
    const walk = (n: El) => {
      for (const c of n.children) {
        if (!isEl(c)) continue;
        if (c.name === 'caption') caption = inline(c.children).trim();
        else if (c.name === 'tr') {
          const cells = c.children.filter((d): d is El => isEl(d) && (d.name === 'td' || d.name === 'th'));
          const html = cells.map((d) => `<${d.name}${cellAttributes(d)}>${mixed(d)}</${d.name}>`).join('');
          if (cells.length) rows.push(`<tr>${html}</tr>`);
        } else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') walk(c);
      }
    };
    walk(e);
    if (!rows.some((r) => r.replace(/<[^>]+>/g, '').trim())) return '';
    return `<table>${caption ? `<caption>${caption}</caption>` : ''}<tbody>${rows.join('')}</tbody></table>`;
  }

  const html = blocks(root.children);
  return { html, images: images.filter(Boolean) };
}
