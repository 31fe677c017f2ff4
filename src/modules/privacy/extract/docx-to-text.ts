import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from './extraction-limits.ts';
import { readZipEntries, utf8 } from './zip-entries.ts';
import { xmlTokens } from './xml-tokens.ts';

/**
 * The text of a .docx: page headers first (where 密级 and "内部资料" notes often sit), then the body,
 * footnotes, endnotes, footers and comments — comments and tracked deletions travel with the file
 * and leak like the body does. Paragraphs end with "\n"; table cells end with "\t" and rows with "\n",
 * so a table row is one line and a cell keeps its column.
 */
export function docxToText(bytes: Uint8Array, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): string {
  const parts = readZipEntries(bytes, (name) => PART.test(name), limits);
  const body = parts['word/document.xml'];
  if (!body) throw new Error('缺少正文部分 word/document.xml');
  const names = Object.keys(parts).sort(byPartOrder);
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const name of names) {
    const text = wordXmlToText(utf8(parts[name]));
    if (name !== 'word/document.xml' && (text.trim() === '' || seen.has(text))) continue; // identical odd/even headers
    seen.add(text);
    texts.push(text);
  }
  return texts.join('\n');
}

const PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;
const ORDER = ['header', 'document', 'footnotes', 'endnotes', 'footer', 'comments'];

function byPartOrder(a: string, b: string): number {
  const rank = (n: string): number => ORDER.findIndex((p) => n.startsWith(`word/${p}`));
  const num = (n: string): number => Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);
  return rank(a) - rank(b) || num(a) - num(b);
}

/** WordprocessingML to text: w:t and w:delText are text; tabs, breaks, paragraphs, cells and rows are separators. */
export function wordXmlToText(xml: string): string {
  const out: string[] = [];
  let inText = false;
  let tabStops = 0; // <w:tabs> in paragraph properties defines tab stops, not tab characters
  let fallback = 0; // mc:Fallback repeats the mc:Choice content (text boxes)
  let cellDepth = 0;
  const endsWith = (s: string): boolean => out.length > 0 && out[out.length - 1] === s;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'text') {
      if (inText && fallback === 0) out.push(t.text);
      continue;
    }
    const name = t.name;
    if (t.kind === 'open') {
      if (name === 'mc:Fallback' && !t.selfClosing) fallback++;
      else if (fallback > 0) continue;
      else if ((name === 'w:t' || name === 'w:delText') && !t.selfClosing) inText = true;
      else if (name === 'w:tabs' && !t.selfClosing) tabStops++;
      else if (name === 'w:tab' && tabStops === 0) out.push('\t');
      else if (name === 'w:br' || name === 'w:cr') out.push('\n');
      else if (name === 'w:noBreakHyphen') out.push('-');
      else if (name === 'w:tc' && !t.selfClosing) cellDepth++;
      continue;
    }
    if (name === 'mc:Fallback') fallback = Math.max(0, fallback - 1);
    else if (fallback > 0) continue;
    else if (name === 'w:t' || name === 'w:delText') inText = false;
    else if (name === 'w:tabs') tabStops = Math.max(0, tabStops - 1);
    else if (name === 'w:p') out.push(cellDepth > 0 ? ' ' : '\n');
    else if (name === 'w:tc') {
      cellDepth = Math.max(0, cellDepth - 1);
      if (endsWith(' ')) out.pop();
      out.push('\t');
    } else if (name === 'w:tr') {
      if (endsWith('\t')) out.pop();
      out.push(cellDepth > 0 ? ' ' : '\n');
    }
  }
  return out.join('');
}
