import { DomUtils, parseDocument } from 'htmlparser2';

/**
 * The parts of a saved page of an old government website that become an item: its title and the
 * HTML of its article (docs/import-export.md "Moving from an old website"). The CMSs county sites
 * ran on wrap the article in layers — a page container, a table with the title, the date line and a
 * 信息索引 table, page tools (打印本页 关闭窗口) — so the article is the innermost container that holds
 * its text: the element with the most paragraph text, or the nearest container around it that old
 * sites name for their article (TRS_Editor, zoom …). Navigation, headers, footers, breadcrumbs, share
 * bars and page tools are left out, and a first line that repeats the title is dropped.
 */

type Doc = ReturnType<typeof parseDocument>;
type Node = Doc['children'][number];
type El = Extract<Node, { name: string; attribs: Record<string, string> }>;

/** Containers that hold nothing but the article in the CMSs we know (TRS WCM, 大汉 Hanweb, 开普云, 拓尔思 templates). */
const ARTICLE_NAMES = new Set(['trs_editor', 'zoom', 'ucap-content', 'article-content', 'articlecontent', 'article_content', 'bt_content', 'custom_unionstyle', 'content_text', 'zwnr', 'zw-con']);
/** Names that often, not always, hold the article: accepted when most of their text is the article's. */
const LIKELY_NAMES = new Set(['content', 'article', 'detail', 'zw', 'text', 'con', 'wz', 'nr', 'main-content', 'maincontent', 'contents', 'news_content', 'info', 'body']);
/** Words in an id or class that mark a page's furniture, not its article. */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'topnav', 'menu', 'header', 'footer', 'foot', 'bottom', 'top', 'crumb', 'crumbs', 'breadcrumb', 'position', 'location', 'dqwz', 'share',
  'print', 'tools', 'toolbar', 'related', 'copyright', 'banner', 'sidebar', 'fenxiang', 'search',
]);
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);
/** Never text of the article. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'button', 'object', 'embed']);
/** Blocks whose whole text is a paragraph (they hold no other block). */
const PARAGRAPHS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);
const INLINE = new Set(['span', 'font', 'strong', 'b', 'em', 'i', 'u', 'a', 'br', 'sub', 'sup', 'img', 'small', 'big', 'label']);
/** Blocks that may be one paragraph, and the containers that make a block more than one. */
const WRAPPERS = new Set(['div', 'section', 'center']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'table', 'ul', 'ol', 'dl', 'center']);
/** A line that is only page tools: 【打印本页】【关闭窗口】, [ 打印 ], 字体：大 中 小, 返回顶部 … */
const TOOL_LINE = /^([【\[［(（]?\s*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|分享到?|字体|字号|大|中|小|默认)\s*[：:】\]］)）]?\s*[|｜]?\s*)+$/;

/** Serialised with its characters as they are (not as &#x…; entities). */
const UTF8 = { encodeEntities: 'utf8' } as const;
const isEl = (n: Node): n is El => DomUtils.isTag(n);
const words = (e: El) => `${e.attribs.id ?? ''} ${e.attribs.class ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
const textOf = (n: Node) => DomUtils.textContent(n);
const lengthOf = (n: Node) => squeeze(textOf(n)).length;
const elements = (root: Node): El[] => (DomUtils.hasChildren(root) ? DomUtils.findAll(() => true, root.children) : []);

function named(e: El, names: Set<string>): boolean {
  return words(e).some((w) => names.has(w)) || (names === LIKELY_NAMES && (e.name === 'article' || e.name === 'main'));
}

function isChrome(e: El): boolean {
  if (CHROME_TAGS.has(e.name)) return true;
  return words(e).some((w) => w.split(/[-_]/).some((part) => CHROME_WORDS.has(part)) || CHROME_WORDS.has(w));
}

/**
 * Text of the element's own paragraphs: its text, inline children, paragraphs, and blocks that are one
 * paragraph — a div holding no other container and at most one paragraph (`<div>…</div>`,
 * `<div><p>…</p></div>`, as some editors write each paragraph). A div of several paragraphs is a
 * container of its own, counted where it is.
 */
function paragraphText(e: El): number {
  let n = 0;
  for (const c of e.children) {
    if (DomUtils.isText(c)) n += squeeze(c.data).length;
    else if (isEl(c) && (INLINE.has(c.name) || PARAGRAPHS.has(c.name) || (WRAPPERS.has(c.name) && isOneParagraph(c)))) n += lengthOf(c);
  }
  return n;
}

function isOneParagraph(e: El): boolean {
  const inner = elements(e);
  return !inner.some((d) => CONTAINERS.has(d.name)) && inner.filter((d) => PARAGRAPHS.has(d.name)).length <= 1;
}

/** Where a <title> adds the column and the site: 标题_栏目_网站, 标题 - 网站, 标题|网站. */
const TITLE_SEPARATOR = /\s*[_|｜]\s*|\s+[-—–]{1,2}\s+/;

/**
 * The title: the page's own ArticleTitle; else the longest heading outside the page's furniture (an
 * h1–h3 or a block named like title), preferring one its <title> holds; else the <title> without the
 * column and site names.
 */
function titleOf(page: El[]): string {
  const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
  const meta = page.find((e) => e.name === 'meta' && /^articletitle$/i.test(e.attribs.name ?? '') && e.attribs.content?.trim());
  if (meta) return clean(meta.attribs.content);
  const titleTag = page.find((e) => e.name === 'title');
  const full = titleTag ? clean(textOf(titleTag)) : '';
  const inFurniture = (e: El) => {
    for (let a: Node | null = e; a; a = a.parent as Node | null) if (isEl(a) && (isChrome(a) || words(a).includes('logo'))) return true;
    return false;
  };
  const headings = page
    .filter((e) => (/^h[1-3]$/.test(e.name) || words(e).some((w) => /(^|[-_])(title|bt|biaoti)$/.test(w))) && !inFurniture(e))
    .map((e) => clean(textOf(e)))
    .filter((t) => t.length > 1 && t.length <= 200);
  const longest = (list: string[]) => list.reduce<string | null>((a, b) => (a === null || b.length > a.length ? b : a), null);
  const cut = full.replace(/(\.\.\.|…)$/, '');
  return longest(headings.filter((t) => full.includes(t) || (cut !== full && t.startsWith(cut.split(TITLE_SEPARATOR)[0])))) ?? longest(headings) ?? full.split(TITLE_SEPARATOR)[0] ?? '';
}

/** The first text of `nodes` in document order that is not blank. */
function firstText(nodes: Node[]): Node | null {
  for (const n of nodes) {
    if (DomUtils.isText(n) && squeeze(n.data)) return n;
    if (isEl(n)) {
      const inner = firstText(n.children);
      if (inner) return inner;
    }
  }
  return null;
}

/** Removes, inside `root`, blocks of page tools and the first block when it only repeats the title. */
function tidy(root: El, title: string): void {
  for (const e of elements(root).reverse()) {
    const t = squeeze(textOf(e));
    if (t && t.length <= 40 && TOOL_LINE.test(t)) DomUtils.removeElement(e);
  }
  const want = squeeze(title);
  const text = firstText(root.children);
  if (!want || !text) return;
  // The largest block below the root that starts with this text and holds only the title.
  let block: Node = text;
  while (block.parent && block.parent !== root && squeeze(textOf(block.parent as Node)) === want) block = block.parent as Node;
  if (squeeze(textOf(block)) === want) DomUtils.removeElement(block);
}

export function savedPageParts(html: string): { title: string; contentHtml: string } {
  const doc = parseDocument(html, { decodeEntities: true });
  const page = elements(doc);
  const title = titleOf(page);
  const body = page.find((e) => e.name === 'body') ?? doc;
  // Furniture goes first — unless it holds the article: an article container, or half the page's text
  // (an ASP.NET site's <form> around the whole page).
  const pageLength = lengthOf(body);
  for (const e of elements(body)) {
    if (NOT_TEXT.has(e.name)) DomUtils.removeElement(e);
    else if (isChrome(e) && !named(e, ARTICLE_NAMES) && !DomUtils.existsOne((d) => named(d, ARTICLE_NAMES), e.children) && lengthOf(e) <= 0.5 * pageLength) DomUtils.removeElement(e);
  }
  const all = isEl(body) ? [body, ...elements(body)] : elements(body);
  // The block with the most paragraph text (not a heading, not the title).
  const wanted = squeeze(title);
  let best: El | null = null;
  let most = 0;
  for (const e of all) {
    if (/^h[1-6]$/.test(e.name) || squeeze(textOf(e)) === wanted) continue;
    const n = paragraphText(e);
    if (n > most) [best, most] = [e, n];
  }
  // An article container the CMS named is the article: the one with the most text, the innermost of
  // equals — unless it holds far less text than those paragraphs (a font-size control named zoom).
  let root: El | null = null;
  for (const e of all) if (named(e, ARTICLE_NAMES) && lengthOf(e) > 0 && (!root || lengthOf(e) >= lengthOf(root))) root = e;
  if (root && lengthOf(root) < 0.3 * most) root = null;
  if (!root && best) {
    // Else the paragraphs' block, or the nearest likely container around it whose text is mostly
    // theirs (not an outer page container holding the title and a 信息索引 table).
    root = best;
    for (let a: Node | null = best; a && a !== body; a = a.parent as Node | null) {
      if (isEl(a) && named(a, LIKELY_NAMES) && lengthOf(best) >= 0.6 * lengthOf(a)) {
        root = a;
        break;
      }
    }
  }
  const chosen = root ?? (isEl(body) ? body : null);
  if (!chosen) return { title, contentHtml: DomUtils.getInnerHTML(body as unknown as El, UTF8) };
  tidy(chosen, title);
  return { title, contentHtml: DomUtils.getInnerHTML(chosen, UTF8) };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as the body of an item: one paragraph per non-empty line. */
export const paragraphsOf = (text: string) =>
  text.split(/\n+/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
