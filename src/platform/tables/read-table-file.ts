import { unzipSync } from 'fflate';
import { DomainError } from '../../shared/domain-error.ts';

/**
 * One row of a table file with the line (CSV) or row number (.xlsx) it starts on. A CSV row also has `row`, the
 * row Excel or WPS shows it on: a quoted cell's line breaks stay inside its row, so the two part after such a cell.
 */
export type TableRow = { line: number; row?: number; cells: string[] };
export type Table = { format: 'csv' | 'xlsx'; encoding?: 'utf-8' | 'gb18030'; rows: TableRow[] };

/** Each importing area reports an unreadable file with its own code (listed in docs/errors.md). */
const DEFAULT_CODE = 'ERR_IMPORT_UNREADABLE';
const unreadable = (code: string, message: string) => new DomainError(code, message);

/**
 * A table file (the applications' ledgers, the catalog's items): .xlsx (first worksheet), else CSV in
 * UTF-8 (with or without BOM) or GB18030. `errorCode` names an unreadable file in the caller's area.
 */
export function readTableFile(fileName: string, bytes: Uint8Array, errorCode = DEFAULT_CODE): Table {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName) || isZip) return { format: 'xlsx', rows: readXlsx(bytes, errorCode) };
  if (/\.xls$/i.test(fileName)) throw unreadable(errorCode, '不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后再导入');
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text, errorCode) };
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GB18030 (GBK files saved by Excel). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; each row keeps the line it starts on and
 * its place among the rows (an empty line is a row, as a spreadsheet program shows it).
 */
export function parseCsv(text: string, errorCode = DEFAULT_CODE): TableRow[] {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    rows.push({ line: rowLine, row: rows.length + 1, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw unreadable(errorCode, `CSV 文件第${rowLine}行的引号没有闭合`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e],
  );
const textOf = (xml: string) => [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1])).join('');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/**
 * A worksheet's cells as text (shared strings, inline strings and numbers as written): the first, or
 * the one named `sheetName` (null when the workbook has no sheet of that name).
 */
export function readXlsx(bytes: Uint8Array, errorCode?: string): TableRow[];
export function readXlsx(bytes: Uint8Array, errorCode: string, sheetName: string): TableRow[] | null;
export function readXlsx(bytes: Uint8Array, errorCode = DEFAULT_CODE, sheetName?: string): TableRow[] | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw unreadable(errorCode, '无法读取 .xlsx 文件：文件已损坏或不是 Excel 工作簿');
  }
  const decoder = new TextDecoder('utf-8');
  const sheet = sheetName === undefined ? files['xl/worksheets/sheet1.xml'] : files[sheetPath(files, decoder, sheetName) ?? ''];
  if (!sheet && sheetName !== undefined) return null;
  if (!sheet) throw unreadable(errorCode, '.xlsx 文件中没有第一个工作表（xl/worksheets/sheet1.xml）');
  const sharedXml = files['xl/sharedStrings.xml'] ? decoder.decode(files['xl/sharedStrings.xml']) : '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const rows: TableRow[] = [];
  for (const m of decoder.decode(sheet).matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const line = Number(/\br="(\d+)"/.exec(m[1])?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of m[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const inner = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const index = ref ? columnIndex(ref) : cells.length;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = textOf(inner);
      else if (v !== undefined) value = decodeXml(v);
      while (cells.length < index) cells.push('');
      cells[index] = value;
    }
    rows.push({ line, cells });
  }
  return rows;
}

/** The part of the worksheet named `name`, through the workbook's sheet list and its relationships. */
function sheetPath(files: Record<string, Uint8Array>, decoder: TextDecoder, name: string): string | null {
  const workbook = files['xl/workbook.xml'] ? decoder.decode(files['xl/workbook.xml']) : '';
  const rels = files['xl/_rels/workbook.xml.rels'] ? decoder.decode(files['xl/_rels/workbook.xml.rels']) : '';
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    if (decodeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '') !== name) continue;
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    for (const r of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (/\bId="([^"]*)"/.exec(r[1])?.[1] !== rid) continue;
      const target = /\bTarget="([^"]*)"/.exec(r[1])?.[1] ?? '';
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return null;
}
