import { DomUtils, parseDocument } from 'htmlparser2';
import { articleHtml } from './article-html.ts';

/**
 * The parts of a saved page of an old government website that become an item: its title and the
 * HTML of its article (docs/import-export.md "Moving from an old website"). The CMSs county sites
 * ran on wrap the article in layers — a page container, a table with the title, the date line and a
 * 信息索引 table, page tools (打印本页 关闭窗口) — so the article is the innermost container that holds
 * its text: the element with the most paragraph text, or the nearest container around it that old
 * sites name for their article (TRS_Editor, zoom, article-body …); a table's cells count as its text
 * (a 公示名单), and a named container holding only pictures is still the article. Navigation, headers,
 * footers, breadcrumbs, share bars, page tools, 上一篇/下一篇 and 相关链接 blocks and the 信息索引 table
 * are left out, and so are the first lines when they repeat the title or are the date line
 * (2025-02-10; 发布日期：… 来源：… 【字体：大 中 小】). The article keeps its paragraphs and tables
 * (article-html.ts); its pictures are listed, not kept.
 */

type Doc = ReturnType<typeof parseDocument>;
type Node = Doc['children'][number];
type El = Extract<Node, { name: string; attribs: Record<string, string> }>;

/** Containers that hold nothing but the article in the CMSs we know (TRS WCM, 大汉 Hanweb, 开普云, 拓尔思 templates). */
const ARTICLE_NAMES = new Set([
  'trs_editor', 'zoom', 'ucap-content', 'article-content', 'articlecontent', 'article_content', 'article-body', 'article_body', 'articlebody', 'bt_content',
  'custom_unionstyle', 'content_text', 'content-text', 'contenttext', 'zwnr', 'zw-con', 'zw_con', 'news_content', 'news-content', 'newscontent', 'detail-content',
  'detail_content', 'detailcontent', 'con_text', 'con-text', 'contxt', 'wzy_con', 'wzy-con', 'wzcon', 'xl_content', 'xl-content', 'info_content', 'info-content',
  'text_content', 'pages_content', 'pages-content', 'view_content',
]);
/** Names that often, not always, hold the article: accepted when most of their text is the article's. */
const LIKELY_NAMES = new Set(['content', 'article', 'detail', 'zw', 'text', 'con', 'wz', 'nr', 'main-content', 'maincontent', 'contents', 'info', 'body']);
/** Words in an id or class that mark a page's furniture, not its article. */
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'topnav', 'menu', 'header', 'footer', 'foot', 'bottom', 'top', 'crumb', 'crumbs', 'breadcrumb', 'position', 'location', 'dqwz', 'share',
  'print', 'tools', 'toolbar', 'related', 'copyright', 'banner', 'sidebar', 'fenxiang', 'search', 'prev', 'next', 'prevnext', 'sxp', 'sxt', 'xgwz', 'xglj',
]);
/** Chrome words that never name a wrapper of the whole page: such blocks go even when they hold most of its text. */
const ALWAYS_CHROME = new Set(['nav', 'navbar', 'topnav', 'menu', 'crumb', 'crumbs', 'breadcrumb', 'position', 'location', 'dqwz', 'share', 'fenxiang', 'print', 'tools', 'prev', 'next', 'prevnext', 'sxp', 'sxt']);
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
/** 上一篇：… 下一篇：… (also 上一条/下一条) blocks and 相关链接 lists below an article. */
const PREV_NEXT = /^(上一篇|下一篇|上一条|下一条|上一页|下一页)[：:]/;
const RELATED = /^(相关链接|相关文章|相关阅读|相关信息|相关新闻|相关文件)[：:]?/;
/** A 信息索引 table's labels: two or more of them make the table the page's metadata, not its article. */
const INDEX_LABELS = ['索引号', '发布机构', '成文日期', '主题分类', '发布日期', '文号', '公开方式', '公开时限', '有效性'];
/** A line of the page's date and source: a lone date, or 发布日期：… 来源：… 【字体：大 中 小】 and the like. */
const DATE_ONLY = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\d{1,2}:\d{2}(:\d{2})?)?$/;
const META_LINE = /^[【\[［(（]?(发布日期|发布时间|更新时间|来源|信息来源|文章来源|作者|编辑|责任编辑|发布者|发布人|浏览次数|点击数|点击次数|阅读次数|访问次数|浏览量|字体|字号|分享|分享到)[：:]/;
const TOOL_LINE = /^([【\[［(（]?\s*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|分享到?|字体|字号|大|中|小|默认)\s*[：:】\]］)）]?\s*[|｜]?\s*)+$/;

const isEl = (n: Node): n is El => DomUtils.isTag(n);
const words = (e: El) => `${e.attribs.id ?? ''} ${e.attribs.class ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
const textOf = (n: Node) => DomUtils.textContent(n);
const lengthOf = (n: Node) => squeeze(textOf(n)).length;
const elements = (root: Node): El[] => (DomUtils.hasChildren(root) ? DomUtils.findAll(() => true, root.children) : []);

function named(e: El, names: Set<string>): boolean {
  return words(e).some((w) => names.has(w)) || (names === LIKELY_NAMES && (e.name === 'article' || e.name === 'main'));
}

const chromeWord = (e: El, set: Set<string>) => words(e).some((w) => w.split(/[-_]/).some((part) => set.has(part)) || set.has(w));

function isChrome(e: El): boolean {
  return CHROME_TAGS.has(e.name) || chromeWord(e, CHROME_WORDS);
}

/** Blocks known by their text, not their name: 上一篇/下一篇, a 相关链接 list, a 信息索引 table. */
function isFurnitureText(e: El): boolean {
  const t = squeeze(textOf(e));
  if (!t) return false;
  if (PREV_NEXT.test(t) && t.length <= 200) return true;
  if (RELATED.test(t) && t.length <= 600) {
    const linked = DomUtils.findAll((d) => d.name === 'a', e.children).reduce((n, a) => n + lengthOf(a), 0);
    if (linked >= 0.6 * (t.length - (RELATED.exec(t)?.[0].length ?? 0))) return true;
  }
  if (e.name !== 'table' || DomUtils.existsOne((d) => d.name === 'table', e.children)) return false;
  // Labels with their colons (索引号：…), or a short table led by 索引号 — not a list of documents with 文号 and 发布日期 columns.
  const labelled = INDEX_LABELS.filter((l) => t.includes(`${l}：`) || t.includes(`${l}:`)).length;
  const rows = DomUtils.findAll((d) => d.name === 'tr', e.children).length;
  return labelled >= 2 || (t.includes('索引号') && INDEX_LABELS.filter((l) => t.includes(l)).length >= 2 && rows <= 6);
}

/** A table of data (a 公示名单), not a layout table: it holds no other table and no container of paragraphs. */
function isDataTable(e: El): boolean {
  return e.name === 'table' && !DomUtils.existsOne((d) => d.name === 'table' || WRAPPERS.has(d.name) || d.name === 'ul' || d.name === 'ol', e.children);
}

/** A data table, or a div that only wraps one (an editor's scrolling box). */
function tableOf(e: El): El | null {
  if (isDataTable(e)) return e;
  if (!WRAPPERS.has(e.name)) return null;
  const inner = e.children.filter((c) => isEl(c) || squeeze(textOf(c)));
  return inner.length === 1 && isEl(inner[0]) ? tableOf(inner[0]) : null;
}

const hasImage = (e: El) => DomUtils.existsOne((d) => d.name === 'img', e.children);

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
    else if (isEl(c) && (INLINE.has(c.name) || PARAGRAPHS.has(c.name) || (WRAPPERS.has(c.name) && isOneParagraph(c)) || tableOf(c))) n += lengthOf(c);
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

/** Whether a line (its text squeezed) is the page's date or source line rather than the article's. */
function isMetaLine(text: string, raw: string): boolean {
  if (DATE_ONLY.test(text)) return true;
  return META_LINE.test(raw.trim().replace(/^[\s\u00a0\u3000]+/, '')) && text.length <= 150 && !/[。；;]/.test(text);
}

/**
 * Removes, inside `root`, blocks of page tools, and the first lines while they repeat the title or
 * are the date and source line: each time the largest block below the root that starts with the
 * first text and holds only such a line.
 */
function tidy(root: El, title: string): void {
  for (const e of elements(root).reverse()) {
    const t = squeeze(textOf(e));
    if (t && t.length <= 40 && TOOL_LINE.test(t)) DomUtils.removeElement(e);
  }
  const want = squeeze(title);
  const furniture = (n: Node) => {
    const t = squeeze(textOf(n));
    return (want !== '' && t === want) || isMetaLine(t, textOf(n));
  };
  for (let i = 0; i < 8; i++) {
    const text = firstText(root.children);
    if (!text || !furniture(text)) return;
    let block: Node = text;
    while (block.parent && block.parent !== root && furniture(block.parent as Node)) block = block.parent as Node;
    DomUtils.removeElement(block);
  }
}

/**
 * The title and the article of a saved page: `contentHtml` is the article as an item keeps it
 * (article-html.ts), `images` the addresses of the pictures it held, which are not kept.
 */
export function savedPageParts(html: string): { title: string; contentHtml: string; images: string[] } {
  const doc = parseDocument(html, { decodeEntities: true });
  const page = elements(doc);
  const title = titleOf(page);
  const body = page.find((e) => e.name === 'body') ?? doc;
  // Furniture goes first — unless it holds the article: an article container, or half the page's text
  // (an ASP.NET site's <form> around the whole page).
  const pageLength = lengthOf(body);
  for (const e of elements(body)) {
    if (NOT_TEXT.has(e.name)) DomUtils.removeElement(e);
    else if (named(e, ARTICLE_NAMES) || DomUtils.existsOne((d) => named(d, ARTICLE_NAMES), e.children)) continue;
    else if ((isChrome(e) && (lengthOf(e) <= 0.5 * pageLength || chromeWord(e, ALWAYS_CHROME))) || isFurnitureText(e)) DomUtils.removeElement(e);
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
  for (const e of all) if (named(e, ARTICLE_NAMES) && (lengthOf(e) > 0 || hasImage(e)) && (!root || lengthOf(e) >= lengthOf(root))) root = e;
  if (root && lengthOf(root) < 0.3 * most && !hasImage(root)) root = null;
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
  if (!chosen) return { title, contentHtml: '', images: [] };
  tidy(chosen, title);
  const { html: contentHtml, images } = articleHtml(chosen);
  return { title, contentHtml, images };
}
