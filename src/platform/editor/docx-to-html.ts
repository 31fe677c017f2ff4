import { DomainError } from '../../shared/domain-error.ts';
import { isIsoDate } from '../../shared/iso-date.ts';
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

/**
 * The text of an element of mammoth's document (a paragraph's runs, hyperlinks, text). A tab counts as a
 * space: an upward document's 签发人 is often set right with a tab stop after the 文号 (岚建〔2026〕64号⇥签发人：…).
 */
const textOf = (e: WordParagraph): string => (e.type === 'text' ? e.value ?? '' : e.type === 'tab' ? ' ' : e.type === 'break' ? '\n' : (e.children ?? []).map(textOf).join(''));
/** Lines of Chinese join as they are; two Latin words meeting at a line's end keep a space. */
const joinLines = (lines: string[]) => lines.reduce((a, b) => (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b));
/** A table's cells in reading order (row by row), each cell's text on its own. */
const cellsOf = (e: WordParagraph): string[] =>
  e.type === 'tableCell' ? [textOf(e).trim().replace(/\s+/g, ' ')] : (e.children ?? []).flatMap(cellsOf);

/** A title compared with another as an officer would: spaces and punctuation (《》“”、，) aside. */
export const sameTitle = (a: string, b: string) => {
  const bare = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');
  return bare(a) !== '' && bare(a) === bare(b);
};

/** 发文机关代字、年份、发文顺序号 (GB/T 9704-2012 7.2.4): 岚建〔2026〕63号. */
const NUMBER = String.raw`[\p{Script=Han}]{1,12}\s*[〔［[【（(]\s*\d{4}\s*[〕］\]】）)]\s*第?\s*\d{1,5}\s*号`;
/**
 * A 文号 line of a 版头 — centred in a 下行文, or at the left with the 签发人 at the right of the same line
 * (7.2.5, 上行文), apart by spaces, a tab or nothing.
 */
const DOCUMENT_NUMBER = new RegExp(String.raw`^(${NUMBER})(?:\s*签\s*发\s*人\s*[：:]\s*[\p{Script=Han}·、\s]{2,40})?$`, 'u');
/**
 * Several 签发人 (7.2.5: 有多个签发人时…一般每行排两个姓名，回行时与上一行第一个签发人姓名对齐; the 文号 is
 * level with the last line of names): names alone, two to six Han characters each, apart by spaces or 、.
 */
const NAMES = String.raw`[\p{Script=Han}·]{2,6}(?:[\s、]+[\p{Script=Han}·]{2,6})*`;
/** A line of names only, not centred: the 签发人 going on under the 文号 line (回行). */
const NAMES_LINE = new RegExp(`^${NAMES}$`, 'u');
/** A 签发人 line above the 文号 line, as the standard sets more than one line of names. */
const SIGNERS_LINE = new RegExp(String.raw`^签\s*发\s*人\s*[：:]\s*${NAMES}$`, 'u');
/** The 文号 line under such a 签发人 line: the 文号 with the last name(s) beside it. */
const NUMBER_THEN_NAMES = new RegExp(String.raw`^(${NUMBER})\s+${NAMES}$`, 'u');
/**
 * The same two lines as one text: typed in one paragraph with a line break (Shift+Enter), or read from
 * a borderless table's cells row by row (签发人：张建国 / 岚建〔2026〕89号　李明华).
 */
const SIGNERS_THEN_NUMBER = new RegExp(String.raw`^签\s*发\s*人\s*[：:]\s*${NAMES}\s+(${NUMBER})(?:\s+${NAMES})?$`, 'u');
/**
 * The 版记's last line (GB/T 9704-2012 7.4.3): 印发机关和印发日期 — an organ's name and a date ending 印发,
 * nothing else (青岚县住房和城乡建设局办公室　2026年11月29日印发).
 */
const PRINTED_LINE = /^[\p{Script=Han}（）()·]{2,40}\s*(\d{4}|[〇○零O一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,4}\s*日\s*印\s*发$/u;
/** A 抄送 line of the 版记 (7.4.2): starting 抄送 (or 分送) and a colon. */
const COPIED_LINE = /^(抄\s*送|分\s*送)\s*[：:]/u;
/** A line going on from a 抄送 line: organs' names only, apart by ，、, ending in ， or 。. */
const COPIED_GOES_ON = /^[\p{Script=Han}（）()·，,、\s]+[，,。]?$/u;
/** The names of the 签发人 in a 版头's text (文号 and the word 签发人 aside). */
const signersIn = (text: string) => {
  const at = text.search(/签\s*发\s*人/);
  if (at < 0) return [];
  return text.slice(at).replace(/签\s*发\s*人\s*[：:]?/u, ' ').replace(new RegExp(NUMBER, 'u'), ' ').split(/[\s、]+/).filter((n) => /^[\p{Script=Han}·]{2,6}$/u.test(n));
};
/** The 发文机关标志 above it: the organ's name alone (…文件 or not), Han characters and brackets only, no sentence in it. */
const ORGAN_LINE = /^[\p{Script=Han}（）()·\s]{2,40}$/u;
/** A rule typed as characters (the red 分隔线 is usually a border on an empty paragraph, which has no text at all). */
const RULE_LINE = /^[-—–_─━=＝\s]+$/u;
/** How a title's last line ends (the 文种): a line ending so is a whole title, and the next centred line is not its continuation. */
const GENRE_END = /(通知|通告|公告|公示|通报|决定|意见|办法|规定|方案|报告|请示|批复|函|纪要|细则|规则|预案|计划|要点|公报|决议|命令|议案|条例|规划|指南|清单|目录|答复|说明)$/u;
/** A centred line under a title that belongs with it but is not part of it: （征求意见稿）, a ——副标题. It stays in the body. */
const UNDER_TITLE = /^[（(].*[）)]$|^[—－-]/u;
/** A centred line that never continues a title: a date, or a line that starts a title of its own (关于…). */
const NOT_A_TITLE_LINE = /^[\d〇零一二三四五六七八九十]{4}年[\d〇零一二三四五六七八九十]{1,2}月[\d〇零一二三四五六七八九十]{1,3}日$|^关于/u;
const MAX_TITLE_LINES = 3;

/** What opens a document: its 版头 lines (if any, with the 文号 they give) and its title lines, by index in the document's body. */
export type LeadingTitle = {
  indices: number[]; text: string; lines: number;
  /** The 版头: its paragraphs (or table), its 文号, the 签发人 named in it and whether it has a 发文机关标志 (`organName`: its text, 文件 left off). */
  header: { indices: number[]; documentNumber: string; signers: string[]; organ: boolean; organName?: string } | null;
};

/**
 * The document's title, when it opens with one (docs/adr/0017, "The document's title"), and the
 * 版头 above it. The title is the first paragraph with text — after a 版头, if there is one — in
 * Word's Title/标题 style or centred (GB/T 9704-2012 7.3.1: 标题…居中排布), not a list item, not a
 * salutation (ending in ：) nor a lone 版头 line (…文件 without 关于); a title over two or three lines
 * (分一行或多行居中排布) is the centred lines that follow until one ends in a 文种 (…的通知), at most
 * 100 characters in all, never through a date or a line starting 关于. More text must follow, and no
 * further centred line (which lines are the title is then the officer's call) other than a bracketed
 * （征求意见稿） or a ——副标题, which stays in the body. Bold or larger type alone does not make a title.
 *
 * The 版头 (GB/T 9704-2012 7.2) is taken only when it is unmistakable and a title follows it: a 文号
 * line (岚建〔2026〕63号, with or without 签发人) as the first line, or right under a first line that is
 * an organ's name alone (青岚县住房和城乡建设局文件); with several 签发人 over two lines, the line of names
 * under the 文号 line, or the 签发人 line above a 文号 line that has the last names beside it; then any
 * rule typed as characters.
 */
export function leadingTitleOf(document: WordParagraph): LeadingTitle | null {
  const body = document.children ?? [];
  // A line break inside a paragraph reads as a space for a 版头 line, and joins a title's lines as lines do.
  const withText = body.map((e, index) => {
    const raw = e.type === 'table' ? cellsOf(e).filter((c) => c !== '').join('\n') : textOf(e);
    const lines = raw.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
    return { e, index, text: lines.join(' '), joined: lines.length === 0 ? '' : joinLines(lines), broken: lines.length > 1 };
  }).filter((x) => x.text !== '');
  const plainParagraph = (x: (typeof withText)[number] | undefined) => !!x && x.e.type === 'paragraph' && !x.e.numbering;
  const centred = (x: (typeof withText)[number] | undefined) => plainParagraph(x) && x!.e.alignment === 'center';
  // The 文号 line at withText[i] and the lines of 签发人 that go with it: a line of names under a 文号 line
  // that names a 签发人, or a 签发人 line above a 文号 line with the last names beside it (7.2.5).
  // A borderless table of 文号 and 签发人 (as many 红头 templates set them), or one paragraph holding both lines
  // (Shift+Enter), is read the same: its cells or lines in order, then the 文号 with 签发人 after or before it.
  const numberAt = (i: number): NonNullable<LeadingTitle['header']> | null => {
    const [x, next] = [withText[i], withText[i + 1]];
    const found = (indices: number[], documentNumber: string, texts: string[]) =>
      ({ indices, documentNumber: documentNumber.replace(/\s+/g, ''), signers: signersIn(texts.join(' ')), organ: false });
    if (x?.e.type === 'table') {
      const m = DOCUMENT_NUMBER.exec(x.text) ?? SIGNERS_THEN_NUMBER.exec(x.text);
      return m ? found([x.index], m[1], [x.text]) : null;
    }
    if (!plainParagraph(x)) return null;
    const own = DOCUMENT_NUMBER.exec(x.text);
    if (own) {
      const namesGoOn = /签\s*发\s*人/.test(x.text) && plainParagraph(next) && !centred(next) && NAMES_LINE.test(next!.text);
      return namesGoOn ? found([x.index, next!.index], own[1], [x.text, next!.text]) : found([x.index], own[1], [x.text]);
    }
    const oneParagraph = x.broken && !centred(x) ? SIGNERS_THEN_NUMBER.exec(x.text) : null;
    if (oneParagraph) return found([x.index], oneParagraph[1], [x.text]);
    const under = SIGNERS_LINE.test(x.text) && !centred(x) && plainParagraph(next) ? NUMBER_THEN_NAMES.exec(next!.text) : null;
    return under ? found([x.index, next!.index], under[1], [x.text, next!.text]) : null;
  };

  let at = 0;
  let header: LeadingTitle['header'] = numberAt(0);
  const zero = withText[0];
  const organLine = centred(zero) || (plainParagraph(zero) && /文件$/.test(zero.text));
  if (!header && organLine && ORGAN_LINE.test(zero.text) && !zero.text.includes('关于')) {
    const under = numberAt(1);
    if (under) header = { ...under, indices: [zero.index, ...under.indices], organ: true, organName: zero.text.replace(/\s+/g, '').replace(/文件$/, '') };
  }
  if (header) {
    at = header.indices.length;
    while (withText[at] && plainParagraph(withText[at]) && RULE_LINE.test(withText[at].text)) header.indices.push(withText[at++].index);
  }

  const first = withText[at];
  if (!plainParagraph(first)) return null;
  const titleStyle = ['title', '标题'].includes(first.e.styleName?.toLowerCase() ?? '');
  if (!titleStyle && !centred(first)) return null;
  if (/[：:]$/.test(first.text) || (/文件$/.test(first.text) && !first.text.includes('关于'))) return null;
  const lines = [first];
  while (lines.length < MAX_TITLE_LINES) {
    const next = withText[at + lines.length];
    if (!centred(next) || UNDER_TITLE.test(next!.text) || /[：:]$/.test(next!.text)) break;
    // 机关名称 on the first line and 关于…的报告 on the next (GB/T 9704 7.3.1: 发文机关名称、事由和文种), under a 版头 only.
    const organThenAbout = !!header && lines.length === 1 && ORGAN_LINE.test(first.text) && !/关于|文件$/.test(first.text)
      && /^关于/.test(next!.text) && GENRE_END.test(next!.text);
    if (NOT_A_TITLE_LINE.test(next!.text) && !organThenAbout) break;
    // A line ending in a 文种 word ends the title — but a first line may end in one by chance (…反馈意见 / 整改情况的报告): the next line continues it when it ends in a 文种 too.
    if (GENRE_END.test(lines.at(-1)!.text) && (lines.length > 1 || !GENRE_END.test(next!.text))) break;
    lines.push(next!);
  }
  const after = withText[at + lines.length];
  if (!after) return null;
  if (centred(after) && !UNDER_TITLE.test(after.text)) return null;
  const text = joinLines(lines.map((l) => l.joined));
  if (text.length > 100) return null;
  return { indices: lines.map((l) => l.index), text, lines: lines.length, header };
}


/**
 * The 版记 at the document's end (GB/T 9704-2012 7.4: 抄送机关, 印发机关和印发日期, between rules), which is
 * not part of the 正文 (docs/adr/0017): the last paragraph with text, when it is 印发机关和印发日期 alone
 * (…办公室　2026年11月29日印发), with the 抄送 lines right above it (抄送：… and the lines that go on
 * from it until one ends in 。) and any rule typed as characters. Many 红头 templates set the 版记 in a
 * table whose rows' borders are its rules: a last table is the 版记 when its last row reads as the
 * 印发 line (its cells in order: the organ at the left, the date at the right) and every row above it is
 * a 抄送 line or goes on from one — a table of any other content stays. Indices in the document's body.
 */
export function colophonOf(document: WordParagraph): number[] | null {
  const body = document.children ?? [];
  const withText = body.map((e, index) => ({ e, index, text: textOf(e).trim().replace(/\s+/g, ' ') }))
    .filter((x) => x.text !== '' && !(x.e.type === 'paragraph' && RULE_LINE.test(x.text)));
  const last = withText.at(-1);
  if (!last) return null;
  const inTable = last.e.type === 'table' ? colophonTable(last.e) : null;
  if (inTable === null && (last.e.type !== 'paragraph' || last.e.numbering || !PRINTED_LINE.test(last.text))) return null;
  const taken = [last.index];
  // Above it, the 抄送 lines (unless the table holds them): a line starting 抄送 (or 分送) and the lines of names going on from it.
  const pending: number[] = [];
  for (let i = withText.length - 2; inTable !== 'copied' && i >= 0 && withText[i].e.type === 'paragraph' && !withText[i].e.numbering; i -= 1) {
    if (COPIED_LINE.test(withText[i].text)) { taken.push(withText[i].index, ...pending); break; }
    if (!COPIED_GOES_ON.test(withText[i].text) || pending.length >= 4) break;
    pending.push(withText[i].index);
  }
  // And the rules typed as characters from the first of them down.
  const from = Math.min(...taken);
  body.forEach((e, j) => { if (j > from && e.type === 'paragraph' && RULE_LINE.test(textOf(e).trim()) && textOf(e).trim() !== '') taken.push(j); });
  return taken;
}

/**
 * Whether a table is a 版记 (colophonOf): its rows with text, each read as its cells in order apart by a
 * space, are 抄送 lines (a 抄送 line, then at most four lines going on from it) and last the 印发 line.
 * 'copied' when it holds the 抄送 lines too, 'printed' when only the 印发 line, null when it is no 版记.
 */
function colophonTable(table: WordParagraph): 'copied' | 'printed' | null {
  const rows = (table.children ?? []).filter((r) => r.type === 'tableRow')
    .map((r) => (r.children ?? []).map((c) => textOf(c).trim().replace(/\s+/g, ' ')).filter((t) => t !== '').join(' '))
    .filter((t) => t !== '' && !RULE_LINE.test(t));
  const printed = rows.pop();
  if (printed === undefined || !PRINTED_LINE.test(printed)) return null;
  if (rows.length === 0) return 'printed';
  const [first, ...goOn] = rows;
  return COPIED_LINE.test(first) && goOn.length <= 4 && goOn.every((t) => COPIED_GOES_ON.test(t)) ? 'copied' : null;
}

/** Chinese numerals as a 落款 date writes them (二〇二六年十二月一日): digit by digit for the year, 十-based for month and day. */
const HAN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const hanNumber = (s: string): number => {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return [...s].reduce((n, c) => n * 10 + (HAN_DIGITS[c] ?? NaN), 0);
  const [tens, ones] = s.split('十');
  return (tens === '' ? 1 : hanNumber(tens)) * 10 + (ones === '' ? 0 : hanNumber(ones));
};
/** A line that is a date alone (2026年12月1日, 二〇二六年十二月一日), as the 落款's 成文日期 is (GB/T 9704-2012 7.3.5). */
const DATE_LINE = /^(\d{4}|[〇○零O一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,4})\s*日$/u;

/**
 * The 落款's date (成文日期, GB/T 9704-2012 7.3.5.1: under the organ's name, usually right-aligned): the last
 * paragraph of the document, outside tables and lists, that is a date alone and a real day — as written
 * and as YYYY-MM-DD. A date inside a sentence, or 2026年12月1日印发 (the 版记), is not it.
 */
export function signingDateOf(document: WordParagraph): { text: string; on: string } | null {
  const body = document.children ?? [];
  for (let i = body.length - 1; i >= 0; i -= 1) {
    const e = body[i];
    if (e.type !== 'paragraph' || e.numbering) continue;
    const text = textOf(e).replace(/\s+/g, '');
    const m = DATE_LINE.exec(text);
    if (!m) continue;
    const [year, month, day] = [m[1], m[2], m[3]].map(hanNumber);
    const on = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return isIsoDate(on) ? { text, on } : null;
  }
  return null;
}

/**
 * The organ's name in the 落款 (GB/T 9704-2012 7.3.5.1): the paragraph with text just above the 落款's date,
 * when it is an organ's name alone (Han characters and brackets, no sentence); null when there is none.
 */
export function signingOrganOf(document: WordParagraph): string | null {
  const body = document.children ?? [];
  const dated = (e: (typeof body)[number]) => e.type === 'paragraph' && !e.numbering && DATE_LINE.test(textOf(e).replace(/\s+/g, ''));
  let i = body.length - 1;
  while (i >= 0 && !dated(body[i]!)) i -= 1;
  for (i -= 1; i >= 0; i -= 1) {
    const e = body[i]!;
    if (e.type !== 'paragraph') return null;
    const text = textOf(e).replace(/\s+/g, '');
    if (text === '') continue;
    return ORGAN_LINE.test(text) && /(局|委|委员会|办|办公室|政府|厅|部|院|会|中心|所|站|队|室|股|处|科)$/u.test(text) ? text : null;
  }
  return null;
}

/**
 * The issuing organs a document names (its 版头's 发文机关标志, its 落款's organ) that are not the organ the
 * item is for (`organNames`: its name and short name) — a name holding one of them, or held by one, is
 * the organ's (a joint 版头 names it among others).
 */
export function otherIssuers(found: (string | null | undefined)[], organNames: string[]): string[] {
  const names = organNames.map((n) => n.replace(/\s+/g, '')).filter(Boolean);
  const ours = (issuer: string) => names.some((n) => issuer.includes(n) || n.includes(issuer));
  return [...new Set(found.filter((f): f is string => !!f && !ours(f)))];
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
  /**
   * The form's 标题（名称） when the import is for an item: the document's own title then fills or matches it, and a 版头 above it
   * is left out (`leadingTitleOf`); its 文号 fills the form's 文号 (`currentDocumentNumber`) when that is empty.
   */
  options: {
    currentTitle?: string; currentDocumentNumber?: string;
    /**
     * The form's 成文日期, and whether it still holds the date the form gave it (the officer has not set one):
     * then the 落款's date fills it (`signingDateOf`); a date the officer set is never changed.
     */
    currentFormedOn?: string; formedOnIsDefault?: boolean;
    /**
     * The name (and short name) of the organ the item is for: a 版头 or 落款 naming another issuing organ
     * is told in `notes`, never refused (found by an outside tester).
     */
    organNames?: string[];
  } = {},
): Promise<{ html: string; notes: string[]; title?: string; documentNumber?: string; formedOn?: string }> {
  if (bytes.length === 0) throw new DomainError('ERR_EDITOR_DOCX_EMPTY', '请选择要导入的 Word 文档', { field: 'file' });
  if (bytes.length > MAX_DOCX_BYTES) throw new DomainError('ERR_EDITOR_DOCX_TOO_LARGE', 'Word 文档不能超过 20 MB', { field: 'file', httpStatus: 413 });
  // A .docx is a zip package; an old .doc (OLE) or anything else is refused before conversion.
  if (bytes.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw invalid();
  let skipped = 0;
  let kept = 0;
  const unknownStyles = new Set<string>();
  let title: { text: string; into: 'field' | 'same' | 'kept'; first: boolean } | undefined;
  let header: { documentNumber: string; signers: string[]; organ: boolean; into: 'field' | 'same' | 'differs' } | undefined;
  /** The document laid out (keepLayout) and, for an item's form, without a title the form holds or takes, nor the 版头 above it. */
  let signed: { text: string; on: string; into: 'field' | 'same' | 'differs' } | undefined;
  let colophon = false;
  let issuers: (string | null | undefined)[] = [];
  const transform = (document: WordParagraph): WordParagraph => {
    const laidOut = keepLayout(document, unknownStyles, styles);
    // For an item's form, the 版记 at the end is left out of the body as the 版头 is (docs/adr/0017).
    const printed = options.currentTitle === undefined ? null : colophonOf(document);
    colophon = !!printed;
    const date = options.currentFormedOn === undefined ? null : signingDateOf(document);
    if (date) signed = { ...date, into: date.on === options.currentFormedOn ? 'same' : options.formedOnIsDefault || options.currentFormedOn!.trim() === '' ? 'field' : 'differs' };
    const found = options.currentTitle === undefined ? null : leadingTitleOf(document);
    if (options.organNames) issuers = [found?.header?.organName, signingOrganOf(document)];
    const left = new Set(printed ?? []);
    const without = () => (left.size === 0 ? laidOut : { ...laidOut, children: laidOut.children!.filter((_, i) => !left.has(i)) });
    if (!found) return without();
    const current = options.currentTitle!.trim();
    title = { text: found.text, into: current === '' ? 'field' : sameTitle(found.text, current) ? 'same' : 'kept', first: found.lines === 1 && !found.header };
    for (const i of found.header?.indices ?? []) left.add(i);
    if (found.header) {
      const number = (options.currentDocumentNumber ?? '').replace(/\s+/g, '');
      header = { ...found.header, into: number === '' ? 'field' : number === found.header.documentNumber ? 'same' : 'differs' };
    }
    if (title.into !== 'kept') for (const i of found.indices) left.add(i);
    return without();
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
  const where = title?.first ? '文档首行' : '文档开头';
  const lead: string[] = [];
  if (title?.into === 'field') lead.push(`${where}的标题“${title.text}”已填入“标题（名称）”，未放入正文`);
  if (title?.into === 'same') lead.push(`${where}的标题与“标题（名称）”相同，未再放入正文`);
  if (title?.into === 'kept') lead.push(`${where}“${title.text}”与“标题（名称）”不同，保留在正文中；如是标题，请核对后删去其一`);
  if (header) {
    // What the 版头 held is named, the 签发人 by name: they are in the body no more and nowhere else on the form.
    const parts = `${header.organ || header.signers.length === 0 ? '发文机关标志、' : ''}文号${header.signers.length > 0 ? `，签发人${header.signers.join('、')}` : ''}`;
    lead.push(`文档开头的版头（${parts}）未放入正文${header.into === 'field' ? `；文号“${header.documentNumber}”已填入“文号”`
      : header.into === 'differs' ? `；其中的文号“${header.documentNumber}”与“文号”栏不同，请核对` : ''}`);
  }
  if (colophon) lead.push('文档末尾的版记（抄送机关、印发机关和印发日期）未放入正文');
  if (signed?.into === 'field') lead.push(`落款日期“${signed.text}”已填入“成文日期”（${signed.on}）`);
  if (signed?.into === 'differs') lead.push(`落款日期“${signed.text}”与“成文日期”（${options.currentFormedOn}）不同，未改动，请核对`);
  const others = options.organNames ? otherIssuers(issuers, options.organNames) : [];
  if (others.length > 0) lead.unshift(`文档版头、落款中的发文机关${others.map((o) => `“${o}”`).join('、')}与本机关“${options.organNames![0]}”不同，请核对是否导入了其他机关的文件`);
  notes.unshift(...lead);
  return {
    html, notes, ...(title?.into === 'field' ? { title: title.text } : {}), ...(header?.into === 'field' ? { documentNumber: header.documentNumber } : {}),
    ...(signed?.into === 'field' ? { formedOn: signed.on } : {}),
  };
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
