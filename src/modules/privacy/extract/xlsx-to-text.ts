import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from './extraction-limits.ts';
import { readZipEntries, utf8 } from './zip-entries.ts';
import { attr, xmlTokens } from './xml-tokens.ts';

/**
 * The text of an .xlsx: for each sheet in workbook order, its name on a line, then one line per row
 * with cells separated by tabs at their column (empty cells keep their place, so a column's header
 * is the same cell index in every row); then cell comments. Numbers are the stored values.
 */
export function xlsxToText(bytes: Uint8Array, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): string {
  const parts = readZipEntries(bytes, (name) => PART.test(name), limits);
  const shared = parts['xl/sharedStrings.xml'] ? sharedStrings(utf8(parts['xl/sharedStrings.xml'])) : [];
  const sheets = sheetOrder(parts);
  if (sheets.length === 0) throw new Error('没有找到工作表');
  const blocks = sheets.map(({ name, path }) => {
    const rows = sheetRows(utf8(parts[path]), shared);
    return [name, ...rows].join('\n');
  });
  const comments = Object.keys(parts)
    .filter((n) => /^xl\/comments\d*\.xml$/.test(n))
    .sort()
    .map((n) => commentTexts(utf8(parts[n])).join('\n'))
    .filter((t) => t !== '');
  return [...blocks, ...comments].join('\n\n');
}

const PART = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml|comments\d*\.xml)$/;

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let phonetic = 0;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open') {
      if (t.name === 'si' && t.selfClosing) out.push('');
      else if (t.name === 'si') current = [];
      else if (t.name === 'rPh' && !t.selfClosing) phonetic++;
      else if (t.name === 't' && !t.selfClosing) inT = true;
    } else if (t.kind === 'close') {
      if (t.name === 'si' && current) {
        out.push(current.join(''));
        current = null;
      } else if (t.name === 'rPh') phonetic--;
      else if (t.name === 't') inT = false;
    } else if (inT && phonetic === 0 && current) current.push(t.text);
  }
  return out;
}

function sheetOrder(parts: Record<string, Uint8Array>): { name: string; path: string }[] {
  const workbook = parts['xl/workbook.xml'];
  const rels = parts['xl/_rels/workbook.xml.rels'];
  const listed: { name: string; path: string }[] = [];
  if (workbook && rels) {
    const targets = new Map<string, string>();
    for (const t of xmlTokens(utf8(rels))) {
      if (t.kind !== 'open' || t.name !== 'Relationship') continue;
      const id = attr(t.attrs, 'Id');
      const target = attr(t.attrs, 'Target');
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    for (const t of xmlTokens(utf8(workbook))) {
      if (t.kind !== 'open' || t.name !== 'sheet') continue;
      const path = targets.get(attr(t.attrs, 'r:id') ?? '');
      if (path && parts[path]) listed.push({ name: attr(t.attrs, 'name') ?? '', path });
    }
  }
  if (listed.length > 0) return listed;
  return Object.keys(parts)
    .filter((n) => n.startsWith('xl/worksheets/'))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1] ?? 0) - Number(/(\d+)\.xml$/.exec(b)?.[1] ?? 0))
    .map((path) => ({ name: '', path }));
}

/** "AB12" → 27 (0-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sheetRows(xml: string, shared: string[]): string[] {
  const rows: string[] = [];
  let cells: string[] = [];
  let col = -1;
  let type = '';
  let value: string[] = [];
  let capture = false; // inside <v> or the <t> of an inline string
  let phonetic = 0;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'text') {
      if (capture && phonetic === 0) value.push(t.text);
      continue;
    }
    if (t.kind === 'open') {
      if (t.name === 'row') {
        cells = [];
        col = -1;
        if (t.selfClosing) rows.push('');
      } else if (t.name === 'c') {
        const ref = attr(t.attrs, 'r');
        col = ref ? columnIndex(ref) : col + 1;
        type = attr(t.attrs, 't') ?? 'n';
        value = [];
      } else if ((t.name === 'v' || t.name === 't') && !t.selfClosing) capture = true;
      else if (t.name === 'rPh' && !t.selfClosing) phonetic++;
      continue;
    }
    if (t.name === 'v' || t.name === 't') capture = false;
    else if (t.name === 'rPh') phonetic--;
    else if (t.name === 'c') {
      const raw = value.join('');
      const text = type === 's' ? (shared[Number(raw)] ?? '') : type === 'b' ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
      while (cells.length < col) cells.push('');
      cells[col] = text;
    } else if (t.name === 'row') rows.push(cells.join('\t'));
  }
  return rows;
}

function commentTexts(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  for (const t of xmlTokens(xml)) {
    if (t.kind === 'open' && t.name === 'comment' && !t.selfClosing) current = [];
    else if (t.kind === 'close' && t.name === 'comment' && current) {
      out.push(current.join(''));
      current = null;
    } else if (t.kind === 'open' && t.name === 't' && !t.selfClosing) inT = true;
    else if (t.kind === 'close' && t.name === 't') inT = false;
    else if (t.kind === 'text' && inT && current) current.push(t.text);
  }
  return out;
}
