import { BODY_LINE_PITCH_PT, FONT_PT, ONE_SHEET_PITCH_PT, pageMarginsMm, pageSizeMm, type Margins } from './document-style.ts';

const portrait = pageMarginsMm('portrait');
const landscape = pageMarginsMm('landscape');
const mm = (m: Margins) => `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
const widthMm = (o: 'portrait' | 'landscape') => pageSizeMm(o).width;

/* 公文 fonts where the reader has them (Windows, WPS, Kylin), then Noto CJK (Linux, Chromium). */
const FANGSONG = `"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", serif`;
const SONG = `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "STSong", "Noto Serif CJK SC", "Noto Serif SC", serif`;
const HEI = `"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Noto Sans SC", sans-serif`;
const KAI = `"KaiTi", "楷体", "KaiTi_GB2312", "STKaiti", "Noto Serif CJK SC", serif`;

/**
 * A size in pt as it is on A4, scaled on screen by the reader's 字号 / 适老化: site.css sets --fs on the
 * body (16px at 中, where this is exactly `pt`); a page without it (a downloaded document) keeps `pt`.
 */
const onScreen = (pt: number) => `calc(var(--fs, 16px) * ${(pt / 12).toFixed(4)})`;

/**
 * The largest column and label-column counts a table's classes name (doc-columns-N, doc-labels-N, doc-label-at-N):
 * render-html says them as classes, since the Content-Security-Policy allows no style attribute. A table with more
 * columns reads as one with the largest (only its narrow-screen minimum width is affected).
 */
export const MAX_COLUMN_CLASS = 60;
export const MAX_LABEL_CLASS = 8;
/**
 * The widest table least width (in its ems) a narrow screen is asked about: 700 px at the smallest table text (about
 * 10.5 px) is some 67em. A wider table (doc-min-N above it) overflows any narrow screen and always has its hint.
 */
export const MAX_LEAST_EM = 70;
/** On a narrow screen, the line above a table shows when the table's box is narrower than the table's least width. */
const scrollHintRules = () => [
  ...Array.from({ length: MAX_LEAST_EM }, (_, i) => `@container (width < ${i + 1}em) { .document .doc-min-${i + 1} > .doc-scroll-hint { display: block; } }`),
  `.document .doc-min-${MAX_LEAST_EM + 1} > .doc-scroll-hint { display: block; }`,
].join('\n  ');
const countClasses = (prefix: string, property: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `.${prefix}-${from + i} { ${property}: ${from + i}; }`).join('\n');

/**
 * Styles for renderDocumentHtml: on screen the article looks like an A4 sheet; in print the sheet's
 * margins become the @page margins. Landscape documents use a named page (Chromium ≥ 85).
 */
export const DOCUMENT_CSS = `
.document {
  box-sizing: border-box; width: ${widthMm('portrait')}mm; max-width: 100%; margin: 0 auto;
  padding: ${mm(portrait)}; background: #fff; color: #000;
  font-family: ${FANGSONG}; font-size: ${FONT_PT.body}pt; line-height: ${BODY_LINE_PITCH_PT.toFixed(2)}pt;
  box-shadow: 0 0 4px rgba(0, 0, 0, .25);
}
.document--landscape { width: ${widthMm('landscape')}mm; padding: ${mm(landscape)}; }
.document * { box-sizing: border-box; }
.document p, .document h1, .document h2, .document h3, .document dl { margin: 0; }
.document .doc-title {
  font-family: ${SONG}; font-size: ${FONT_PT.title}pt; font-weight: bold; line-height: 1.6;
  text-align: center; margin-bottom: ${BODY_LINE_PITCH_PT.toFixed(2)}pt;
}
.document .doc-subtitle { text-align: center; font-size: ${FONT_PT.subtitle}pt; margin-bottom: ${BODY_LINE_PITCH_PT.toFixed(2)}pt; }
.document .doc-heading { font-size: ${FONT_PT.heading}pt; text-indent: 2em; }
.document .doc-heading--1 { font-family: ${HEI}; font-weight: normal; }
.document .doc-heading--2 { font-family: ${KAI}; font-weight: normal; }
.document .doc-indent { text-indent: 2em; }
/* Justified, as a 公文 is set, where a line holds some 28 characters: in print and on a wide screen. On a phone (a line of
   15 to 20) justified text spread the characters of a line far apart — before a case number or an address that
   cannot break, a line of two characters at both ends — so there the lines are ragged (start-aligned). Before the
   alignment classes, which win. */
@media print, (min-width: 701px) { .document .doc-paragraph { text-align: justify; } }
.document .doc-align-left { text-align: left; }
.document .doc-align-center { text-align: center; }
.document .doc-align-right { text-align: right; }
.document .doc-bold { font-weight: bold; }
.document .doc-table {
  width: 100%; border-collapse: collapse; table-layout: fixed; margin: 6pt 0 12pt;
  font-size: ${FONT_PT.table}pt; line-height: 1.45;
}
.document .doc-table caption { font-family: ${HEI}; font-size: ${FONT_PT.body}pt; line-height: ${BODY_LINE_PITCH_PT.toFixed(2)}pt; padding-bottom: 4pt; }
.document .doc-table th, .document .doc-table td {
  border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere;
}
.document .doc-table th { font-weight: normal; }
.document .doc-table th.doc-bold, .document .doc-table td.doc-bold { font-weight: bold; }
.document .doc-fields { display: grid; grid-template-columns: max-content 1fr; column-gap: 0.5em; }
.document .doc-fields > div { display: contents; }
.document .doc-fields dd { margin: 0; }
.document .doc-signature { margin-top: ${BODY_LINE_PITCH_PT.toFixed(2)}pt; text-align: right; }
.document .doc-nobr { white-space: nowrap; }
.document .doc-page-break { border: 0; border-top: 1px dashed #999; margin: 12pt 0; }
/* On screen the text follows the reader's 字号 and 适老化 (at 中 the A4 sizes above); print keeps the pt sizes. */
@media screen {
  .document { font-size: ${onScreen(FONT_PT.body)}; line-height: ${onScreen(BODY_LINE_PITCH_PT)}; }
  .document .doc-title { font-size: ${onScreen(FONT_PT.title)}; }
  .document .doc-subtitle { font-size: ${onScreen(FONT_PT.subtitle)}; }
  .document .doc-heading { font-size: ${onScreen(FONT_PT.heading)}; }
  .document .doc-table { font-size: ${onScreen(FONT_PT.table)}; }
  .document .doc-table caption { font-size: ${onScreen(FONT_PT.body)}; line-height: ${onScreen(BODY_LINE_PITCH_PT)}; }
}
/* A phone or narrow window: a thin margin instead of the A4 sheet's, and each table at least 4.5 characters a
   column, scrolling sideways in its frame (.doc-table-scroll) when the screen is narrower. Print keeps A4. */
.document .doc-table-scroll { overflow-x: auto; }
@media screen and (max-width: 700px) {
  .document, .document--landscape { width: auto; padding: 16px 12px; }
  /* An address (a 查询码 notice's lookup) wider than the screen breaks rather than widening the page. */
  .document .doc-paragraph { overflow-wrap: break-word; }
  .document .doc-table { min-width: calc(var(--doc-columns, 4) * 4.5em); }
  /* Borders drawn by each cell (right and bottom; the table draws the top and left), not shared between cells as
     in the collapsed model, so a pinned label carries its own borders and its background covers them: no gap
     where the figures scrolled underneath could show. */
  .document .doc-table { border-collapse: separate; border-spacing: 0; border-top: 0.75pt solid #000; border-left: 0.75pt solid #000; }
  .document .doc-table th, .document .doc-table td { border-width: 0 0.75pt 0.75pt 0; }
  /* The rows' labels (render-html marks them: the columns under the header's corner cell, or those the model
     names) stay at the frame's left edge, opaque, while the figures scroll under them, with a dark edge. They are
     narrow so that at least two figure columns stay in view beside them at 适老化 + 大: the outer label columns
     --doc-label-w wide (a character a line, e.g. 三、本年度办理结果), the last --doc-label-last-w (three or four a
     line), so each label column knows its offset (--label-col × --doc-label-w); the figures share the rest, each at
     least 3.4em (two characters of a header a line). */
  .document .doc-table { --doc-label-w: 1.4em; --doc-label-last-w: 3.6em; }
  .document .doc-table:has(col.doc-label-col) {
    min-width: calc((var(--doc-columns, 4) - var(--doc-labels, 1)) * 3.4em + (var(--doc-labels, 1) - 1) * var(--doc-label-w) + var(--doc-label-last-w));
  }
  .document .doc-table col.doc-label-col { width: var(--doc-label-w) !important; }
  .document .doc-table col.doc-label-last { width: var(--doc-label-last-w) !important; }
  .document .doc-table:has(col.doc-label-col) col:not(.doc-label-col) { width: auto !important; }
  .document .doc-table .doc-row-label { position: sticky; left: calc(var(--label-col, 0) * var(--doc-label-w)); z-index: 1; background: #fff; padding: 3pt 2px; }
  .document .doc-row-label-end { box-shadow: 2px 0 0 #000, 5px 0 4px -2px rgba(0, 0, 0, .25); }
  /* The box is measured in the table's own ems (its text size), so doc-min-N compares like with like. */
  .document .doc-table-box { container-type: inline-size; font-size: ${onScreen(FONT_PT.table)}; }
  .document .doc-scroll-hint { margin: 6pt 0 0; color: #555; text-indent: 0; }
  ${scrollHintRules()}
}
.document .doc-scroll-hint { display: none; }
${countClasses('doc-columns', '--doc-columns', 1, MAX_COLUMN_CLASS)}
${countClasses('doc-labels', '--doc-labels', 1, MAX_LABEL_CLASS)}
${countClasses('doc-label-at', '--label-col', 1, MAX_LABEL_CLASS)}
@page { size: A4 portrait; margin: ${mm(portrait)}; }
@page document-landscape { size: A4 landscape; margin: ${mm(landscape)}; }
@media print {
  .document { width: auto; padding: 0; box-shadow: none; }
  .document--landscape { page: document-landscape; }
  .document .doc-page-break { border: 0; margin: 0; break-after: page; }
  .document .doc-table-scroll { overflow: visible; }
  .document .doc-table thead { display: table-header-group; }
  .document .doc-table tr { break-inside: avoid; }
  .document .doc-heading { break-after: avoid; }
  .document .doc-signature { break-inside: avoid; }
  .document .doc-closing { break-inside: avoid; }
  /* A letter that keeps to one sheet (申请登记回执) prints at the tightest pitch, 27 lines, as its PDF and Word file. */
  .document--one-sheet { line-height: ${ONE_SHEET_PITCH_PT.toFixed(2)}pt; }
  .document--one-sheet .doc-title { line-height: 1.4; margin-bottom: ${(ONE_SHEET_PITCH_PT / 2).toFixed(2)}pt; }
  .document--one-sheet .doc-subtitle { margin-bottom: ${(ONE_SHEET_PITCH_PT / 2).toFixed(2)}pt; }
  .document--one-sheet .doc-signature { margin-top: ${ONE_SHEET_PITCH_PT.toFixed(2)}pt; }
}
`;

/**
 * A letter sent as a page of its own (an applicant's 告知书 in HTML): a grey desk around the sheet, a way back
 * above it, neither printed; then the document's styles.
 */
export const LETTER_PAGE_CSS = `body{background:#eee;margin:0;padding:16px}.letter-back{margin:0 0 12px}@media print{body{background:#fff;padding:0}.letter-back{display:none}}${DOCUMENT_CSS}`;

/**
 * The <style> of each page that must read whole on its own — the HTML export of a document (renderDocumentPage)
 * and a letter's page — saved and opened from disk as much as served. The Content-Security-Policy allows exactly
 * these by their hash (src/platform/http/content-security-policy.ts); no other <style>, and no style attribute.
 */
export const STANDALONE_PAGE_STYLES: readonly string[] = [DOCUMENT_CSS, LETTER_PAGE_CSS];
