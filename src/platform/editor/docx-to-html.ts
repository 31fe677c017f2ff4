import { DomainError } from '../../shared/domain-error.ts';
import { sanitizeRichText } from '../views/sanitize-rich-text.ts';
import { readWordPackage, styleIndentsOf, type StyleIndents } from './word-style-indents.ts';

/** A Word document larger than this is refused: a body text is never that big, and conversion holds it in memory. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

/** Word's built-in heading and title styles (English and Chinese names) become the body's headings. */
const HEADINGS: Record<string, 'h2' | 'h3' | 'h4' | 'h5'> = {
  Title: 'h2', 标题: 'h2',
  'Heading 1': 'h3', '标题 1': 'h3',
  'Heading 2': 'h4', '标题 2': 'h4',
  'Heading 3': 'h5', '标题 3': 'h5',
};

/** Word's w:jc values: right (or end, as newer Word writes it) for a 落款 and its date, center for a centred line or title. */
const ALIGNED: Record<string, 'center' | 'right'> = { center: 'center', right: 'right', end: 'right' };

/**
 * The body's own layout classes, as the editor writes them and the allowlist keeps them (docs/adr/0017):
 * alignment (`center`, `right`), a heading's two-character first-line indent (`indent`) and a body
 * paragraph set 顶格 (`flush`) — a body paragraph is indented by default, as 公文 正文 is.
 */
const LAYOUTS: string[][] = [['center'], ['right'], ['indent'], ['center', 'indent'], ['right', 'indent'], ['flush']];
const ownStyle = (tag: string, classes: string[]) => `gongkai:${[tag, ...classes].join('.')}`;

const STYLE_MAP = [
  ...Object.entries(HEADINGS).map(([name, tag]) => `p[style-name='${name}'] => ${tag}:fresh`),
  // A paragraph or heading with its own layout is given one of these styles below (keepLayout).
  ...['p', 'h2', 'h3', 'h4', 'h5'].flatMap((tag) => LAYOUTS.map((classes) => `p[style-name='${ownStyle(tag, classes)}'] => ${[tag, ...classes].join('.')}:fresh`)),
];

/** The paragraph styles mammoth maps by itself (its default style map): a paragraph in one of them loses nothing. */
const PLAIN_STYLES = new Set(['Normal', 'Body', 'footnote text', 'endnote text', 'annotation text', 'Footnote', 'Endnote']);

/** The body heading a Word style stands for: mammoth matches style names regardless of case, and Word writes 'heading 1'. */
const headingOf = (styleName?: string | null) =>
  Object.entries(HEADINGS).find(([name]) => name.toLowerCase() === styleName?.toLowerCase())?.[1];

type WordParagraph = {
  type: string; alignment?: string; styleId?: string | null; styleName?: string | null; numbering?: unknown;
  indent?: { firstLine?: string | null; hanging?: string | null } | null; children?: WordParagraph[]; value?: string;
};

/** The text of an element of mammoth's document (a paragraph's runs, hyperlinks, text). */
const textOf = (e: WordParagraph): string => (e.type === 'text' ? e.value ?? '' : (e.children ?? []).map(textOf).join(''));

/** A title compared with another as an officer would: spaces and punctuation (《》“”、，) aside. */
export const sameTitle = (a: string, b: string) => {
  const bare = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
  return bare(a) !== '' && bare(a) === bare(b);
};

/**
 * The document's title, when its first line is one (docs/adr/0017, "The document's title"): the first
 * paragraph with text, in Word's Title/标题 style or centred (GB/T 9704-2012 7.3.1: 标题…居中排布), not a
 * list item, at most 100 characters, not a salutation (ending in ：) nor a 版头 (…文件 without 关于), with
 * more text after it — and not followed by another centred line, which may be the title's second line.
 * Bold or larger type alone does not make a title: a left-aligned bold first line is as often a heading.
 */
export function leadingTitleOf(document: WordParagraph): { index: number; text: string } | null {
  const body = document.children ?? [];
  const withText = body.map((e, index) => ({ e, index, text: textOf(e).trim() })).filter((x) => x.text !== '');
  const [first, next] = withText;
  if (!first || !next || first.e.type !== 'paragraph' || first.e.numbering) return null;
  const centred = (e: WordParagraph) => e.type === 'paragraph' && e.alignment === 'center';
  const titleStyle = ['title', '标题'].includes(first.e.styleName?.toLowerCase() ?? '');
  if (!titleStyle && !centred(first.e)) return null;
  const text = first.text.replace(/\s+/g, ' ');
  if (text.length > 100 || /[：:]$/.test(text) || (/文件$/.test(text) && !text.includes('关于'))) return null;
  if (centred(next.e) && !/^[（(].*[）)]$/.test(next.text)) return null;
  return { index: first.index, text };
}


/** Whether a paragraph starts indented: its own w:ind when it has one, else what its style gives (word-style-indents.ts). */
function startsIndented(element: WordParagraph, styles: StyleIndents): boolean {
  const own = element.indent;
  if (own && (own.firstLine != null || own.hanging != null)) return Number(own.firstLine ?? 0) > 0 && !(Number(own.hanging ?? 0) > 0);
  return styles.indented(element.styleId) ?? false;
}

/**
 * A paragraph keeps its layout, given a style the map above turns into the body's classes — a heading
 * stays the same heading. Centred or right-aligned (a 落款 and its date, a centred title): `center`,
 * `right`. A heading with a first-line indent (首行缩进: its own w:ind w:firstLine, else its Word style's,
 * `startsIndented`): `indent`. A body
 * paragraph is indented by default, as the portal shows it, so one with a first-line indent needs no
 * class and one without (the salutation, 主送机关, 顶格 in GB/T 9704) is `flush`; a centred or
 * right-aligned one takes no indent either way. A list item's indent is the list's and a table cell
 * starts at its edge: neither is given a class (a list item keeps its own style, so it stays a list).
 * A paragraph in a style the map does not know (a template's 落款 style, say) is laid out rather than
 * reported as lost formatting when aligned; when it is only set 顶格, its style is still named in
 * `unknownStyles`, since the style's own look (bold, a font) is lost.
 */
function keepLayout(element: WordParagraph, unknownStyles: Set<string>, styles: StyleIndents, inCell = false): WordParagraph {
  const cell = inCell || element.type === 'tableCell';
  const children = element.children?.map((child) => keepLayout(child, unknownStyles, styles, cell));
  const kept = { ...element, ...(children ? { children } : {}) };
  if (element.type !== 'paragraph' || element.numbering || cell) return kept;
  const heading = headingOf(element.styleName);
  // A heading mammoth's own map knows (Word's 'heading 4' and below) stays its heading, never a 顶格 paragraph.
  if (!heading && /^heading( \d)?$/i.test(element.styleName ?? '')) return kept;
  const align = element.alignment ? ALIGNED[element.alignment] : undefined;
  const indented = startsIndented(element, styles);
  const classes = heading
    ? [align, indented ? 'indent' : undefined].filter((c): c is string => !!c)
    : align ? [align] : indented ? [] : ['flush'];
  if (classes.length === 0) return kept;
  if (!heading && !align && element.styleName && !PLAIN_STYLES.has(element.styleName)) unknownStyles.add(element.styleName);
  return { ...kept, styleName: ownStyle(heading ?? 'p', classes) };
}

/** Where a document's pictures go: the item's attachments (returns the picture's public address), or nowhere. */
export type StoreImage = (picture: { bytes: Buffer; ext: '.png' | '.jpg' | '.gif'; index: number }) => Promise<string>;

const PICTURE_TYPES: Record<string, '.png' | '.jpg' | '.gif'> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif' };

/**
 * A Word (.docx) document as the clean HTML of a body text (docs/adr/0017): paragraphs, headings,
 * bold and italic, lists, tables with merged cells, links — through mammoth, then the same allowlist
 * as every body. Pictures (PNG, JPEG, GIF) are stored by `storeImage` — as the item's attachments —
 * and shown where they were; without it, or for other formats (EMF, WMF), they are left out. What
 * was left out is said in `notes`. A .doc, a renamed file or a damaged one is refused clearly.
 */
export async function docxToHtml(
  bytes: Buffer, storeImage?: StoreImage,
  /** The form's 标题（名称） when the import is for an item: the document's own title line then fills or matches it (`leadingTitleOf`). */
  options: { currentTitle?: string } = {},
): Promise<{ html: string; notes: string[]; title?: string }> {
  if (bytes.length === 0) throw new DomainError('ERR_EDITOR_DOCX_EMPTY', '请选择要导入的 Word 文档', { field: 'file' });
  if (bytes.length > MAX_DOCX_BYTES) throw new DomainError('ERR_EDITOR_DOCX_TOO_LARGE', 'Word 文档不能超过 20 MB', { field: 'file', httpStatus: 413 });
  // A .docx is a zip package; an old .doc (OLE) or anything else is refused before conversion.
  if (bytes.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw invalid();
  let skipped = 0;
  let kept = 0;
  const unknownStyles = new Set<string>();
  let title: { text: string; into: 'field' | 'same' | 'kept' } | undefined;
  /** The document laid out (keepLayout) and, for an item's form, without a title line the form holds or takes. */
  const transform = (document: WordParagraph): WordParagraph => {
    const laidOut = keepLayout(document, unknownStyles, styles);
    const found = options.currentTitle === undefined ? null : leadingTitleOf(document);
    if (!found) return laidOut;
    const current = options.currentTitle!.trim();
    title = { text: found.text, into: current === '' ? 'field' : sameTitle(found.text, current) ? 'same' : 'kept' };
    if (title.into === 'kept') return laidOut;
    return { ...laidOut, children: laidOut.children!.filter((_, i) => i !== found.index) };
  };
  let result: { value: string; messages: { type: string; message: string }[] };
  // Loaded on the first Word import, not at start (about 13 MB; docs/performance.md "RSS").
  const { default: mammoth } = await import('mammoth');
  const word = await readWordPackage(bytes);
  const styles = styleIndentsOf(word.stylesXml);
  try {
    result = await mammoth.convertToHtml({ buffer: word.bytes }, {
      styleMap: STYLE_MAP, externalFileAccess: false, transformDocument: transform,
      convertImage: mammoth.images.imgElement(async (image) => {
        const ext = PICTURE_TYPES[image.contentType];
        if (!storeImage || !ext) { skipped += 1; return { src: '' }; }
        kept += 1;
        return { src: await storeImage({ bytes: await image.readAsBuffer(), ext, index: kept }) };
      }),
    });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw invalid();
  }
  // A picture left out leaves no empty <img> (nor an empty paragraph); a kept one keeps its place (and its alt text).
  const html = sanitizeRichText(result.value.replace(/<img\b[^>]*src=""[^>]*>/gi, '')).replace(/<p(?: class="flush")?>\s*<\/p>/g, '');
  if (!html.replace(/<[^>]+>/g, '').trim()) throw new DomainError('ERR_EDITOR_DOCX_EMPTY', '该 Word 文档中没有可导入的文字', { field: 'file' });
  const notes: string[] = [];
  if (kept > 0) notes.push(`文档中的 ${kept} 张图片已作为附件保存并插入正文`);
  if (skipped > 0) notes.push(`文档中的 ${skipped} 张图片未导入，请作为附件上传`);
  const warnings = result.messages.filter((m) => m.type === 'warning');
  notes.push(...lostFormatting(warnings.map((m) => m.message), unknownStyles));
  if (title?.into === 'field') notes.unshift(`文档首行的标题“${title.text}”已填入“标题（名称）”，未放入正文`);
  if (title?.into === 'same') notes.unshift('文档首行的标题与“标题（名称）”相同，未再放入正文');
  if (title?.into === 'kept') notes.unshift(`文档首行“${title.text}”与“标题（名称）”不同，保留在正文中；如是标题，请核对后删去其一`);
  return { html, notes, ...(title?.into === 'field' ? { title: title.text } : {}) };
}

/**
 * Where the lost formatting was: the Word styles mammoth did not know (each named once, however many
 * paragraphs use it; imported as plain paragraphs or text), then how many other things it dropped.
 */
function lostFormatting(messages: string[], unknownStyles: Set<string>): string[] {
  const styleOf = (m: string) => /^Unrecognised \w+ style: '(.*)' \(Style ID/.exec(m)?.[1];
  const styles = [...new Set([...unknownStyles, ...messages.map(styleOf).filter((n): n is string => !!n)])];
  const others = messages.filter((m) => !styleOf(m)).length;
  return [
    ...(styles.length > 0 ? [`Word 样式${styles.map((n) => `“${n}”`).join('、')}未能保留，已按普通正文导入`] : []),
    ...(others > 0 ? [`${others} 处特殊格式未能保留`] : []),
  ];
}

const invalid = () => new DomainError('ERR_EDITOR_DOCX_INVALID', '不是有效的 Word（.docx）文档；.doc 格式请先在 Word 或 WPS 中另存为 .docx 再导入', { field: 'file' });
