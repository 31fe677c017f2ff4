import { jsonSyntaxProblem } from '../../../shared/json-syntax.ts';
import { catalogColumnOf, itemColumnOf, LIST_COLUMNS, MATTER_LIST_COLUMNS, matterColumnOf, splitAddresses, splitList, type ItemColumnKey, type MatterColumnKey } from './item-columns.ts';

/** One item as a file states it, before any check: where it is (行 or 条) and its cells by column. */
export type ItemRecord = { at: string; fields: Partial<Record<ItemColumnKey, string | string[]>> };
/** One 标准目录 事项 of a node as the file states it (a template's fields and `templateId`), checked later. */
export type MatterRecord = { at: string; fields: Record<string, unknown> };
/** One node of the file's catalog list, with its 事项 and its addresses (原网址, as the file gives them). */
export type CatalogRecord = { at: string; path: string; description: string; standardArea: string; matters: MatterRecord[]; addresses: string[] };
/** Something wrong at a place in the file, in Chinese. */
export type Problem = { at: string; message: string };
export type ItemFile = { items: ItemRecord[]; catalog: CatalogRecord[] | null; problems: Problem[] };

/** A table file's row (platform's TableRow): a CSV row's `row` is the one Excel or WPS shows, its `line` the text's. */
type Row = { line: number; row?: number; cells: string[] };
const blank = (r: Row) => r.cells.every((c) => c.trim() === '');
/**
 * Where a row is, as the officer finds it: the row number Excel or WPS shows (header row 1), not a CSV's text line,
 * which runs ahead of it after a cell with line breaks (a 正文 of several paragraphs).
 */
const rowAt = (r: Row) => `第${r.row ?? r.line}行`;

/**
 * Rows of a CSV or a worksheet: the first non-empty row names the columns (Chinese header or key),
 * every later non-empty row is a record placed by its row (rowAt). An unknown or repeated column is a problem.
 */
export function tableRecords<K extends string>(rows: Row[], columnOf: (header: string) => K | null): { records: { at: string; cells: Partial<Record<K, string>> }[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const filled = rows.filter((r) => !blank(r));
  const header = filled[0];
  if (!header) return { records: [], problems: [{ at: '文件', message: '文件中没有内容' }] };
  const keys: (K | null)[] = header.cells.map((h) => (h.trim() === '' ? null : columnOf(h.replace(/^\uFEFF/, ''))));
  header.cells.forEach((h, i) => {
    if (h.trim() !== '' && keys[i] === null) problems.push({ at: rowAt(header), message: `无法识别的列“${h.trim()}”（可用的列见导入模板 Excel 文件中的“填写说明”表）` });
    else if (keys[i] !== null && keys.indexOf(keys[i]) !== i) problems.push({ at: rowAt(header), message: `列“${h.trim()}”重复` });
  });
  const records = filled.slice(1).map((r) => {
    const cells: Partial<Record<K, string>> = {};
    r.cells.forEach((c, i) => {
      const k = keys[i];
      if (k !== null && k !== undefined) cells[k] = c;
    });
    return { at: rowAt(r), cells };
  });
  return { records, problems };
}

/** Item records of a CSV or the items worksheet; list cells are split. */
export function itemRecordsFromTable(rows: Row[]): { items: ItemRecord[]; problems: Problem[] } {
  const { records, problems } = tableRecords(rows, itemColumnOf);
  if (records.length && !rows.some((r) => r.cells.some((c) => itemColumnOf(c) === 'title'))) problems.push({ at: '文件', message: '缺少“标题”列' });
  return {
    problems,
    items: records.map(({ at, cells }) => ({
      at,
      fields: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, LIST_COLUMNS.includes(k as ItemColumnKey) ? splitList(String(v)) : String(v)])) as ItemRecord['fields'],
    })),
  };
}

/** Catalog records of the 目录 worksheet. */
export function catalogRecordsFromTable(rows: Row[]): { catalog: CatalogRecord[]; problems: Problem[] } {
  const { records, problems } = tableRecords(rows, catalogColumnOf);
  return { problems, catalog: records.map(({ at, cells }) => ({
    at: `目录表${at}`, path: cells.path ?? '', description: cells.description ?? '', standardArea: cells.standardArea ?? '', matters: [], addresses: splitAddresses(cells.addresses ?? ''),
  })) };
}

/** 事项 records of the 标准目录事项 worksheet, each with the path of its node; list cells are split. */
export function matterRecordsFromTable(rows: Row[]): { matters: (MatterRecord & { path: string })[]; problems: Problem[] } {
  const { records, problems } = tableRecords(rows, matterColumnOf);
  return {
    problems: problems.map((p) => ({ ...p, at: `事项表${p.at}` })),
    matters: records.map(({ at, cells }) => {
      const { path = '', ...rest } = cells;
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rest)) fields[k] = MATTER_LIST_COLUMNS.includes(k as MatterColumnKey) ? splitList(String(v)) : String(v).trim();
      return { at: `事项表${at}`, path, fields };
    }),
  };
}

/**
 * A JSON item file: `{ "catalog": [...], "items": [...] }` (what an export writes) or a bare array of
 * items. Each item is placed by its position and the line it starts on.
 */
export function itemFileFromJson(text: string, opts: { lines?: boolean } = {}): ItemFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { items: [], catalog: null, problems: [{ at: '文件', message: jsonSyntaxProblem(text, e) }] };
  }
  const lines = opts.lines === false ? [] : jsonItemLines(text);
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as { items?: unknown }).items : undefined;
  if (!Array.isArray(list)) return { items: [], catalog: null, problems: [{ at: '文件', message: 'JSON 应为信息数组，或含 "items" 数组的对象' }] };
  const problems: Problem[] = [];
  const items: ItemRecord[] = [];
  list.forEach((raw, i) => {
    const at = `第${i + 1}条${lines[i] ? `（第${lines[i]}行）` : ''}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ at, message: '每条信息应为一个对象' });
      return;
    }
    const fields: ItemRecord['fields'] = {};
    // 附件名称 given in the attachment objects (what an export writes: { "file": …, "title": … }), one per file listed.
    let objectTitles: string[] | null = null;
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      const key = itemColumnOf(name);
      if (!key) {
        if (!['id', 'url'].includes(name)) problems.push({ at, message: `无法识别的字段“${name}”` });
        continue;
      }
      if (value === null || value === undefined) continue;
      if (LIST_COLUMNS.includes(key)) {
        const values = Array.isArray(value) ? value : [value];
        // Attachments may be listed as { "file": "0001/附件.pdf", "title": "附件1：…", "sha256": … } (what an export writes).
        const isFile = (v: unknown): v is { file: string; title?: unknown } => !!v && typeof v === 'object' && typeof (v as { file?: unknown }).file === 'string';
        fields[key] = values.flatMap((v) => (typeof v === 'string' ? splitList(v) : isFile(v) ? [v.file] : [String(v)]));
        if (key === 'attachments' && values.some((v) => isFile(v) && v.title !== undefined && v.title !== null)) {
          objectTitles = values.flatMap((v) => (typeof v === 'string' ? splitList(v).map(() => '') : isFile(v) ? [v.title === undefined || v.title === null ? '' : typeof v.title === 'string' ? v.title : String(v.title)] : ['']));
        }
      } else if (key === 'attachmentTitles' && Array.isArray(value)) fields[key] = value.map((v) => (v === null || v === undefined ? '' : String(v))); // one per file
      else if (key === 'oldUrl' && Array.isArray(value)) fields[key] = value.map(String).join('\n'); // an export's list of addresses
      else fields[key] = typeof value === 'string' ? value : String(value);
    }
    if (objectTitles) {
      if (fields.attachmentTitles !== undefined) problems.push({ at, message: '附件名称已在 attachments 的 title 中给出，不能再写 attachmentTitles' });
      fields.attachmentTitles = objectTitles;
    }
    items.push({ at, fields });
  });
  let catalog: CatalogRecord[] | null = null;
  const rawCatalog = !Array.isArray(doc) ? (doc as { catalog?: unknown }).catalog : undefined;
  if (Array.isArray(rawCatalog)) {
    catalog = rawCatalog.map((n, i) => {
      const o = (n && typeof n === 'object' ? n : { path: n }) as Record<string, unknown>;
      const at = `目录第${i + 1}项`;
      const matters: MatterRecord[] = [];
      if (Array.isArray(o.matters)) {
        o.matters.forEach((m, j) => {
          if (m && typeof m === 'object' && !Array.isArray(m)) matters.push({ at: `${at}第${j + 1}个事项`, fields: m as Record<string, unknown> });
          else problems.push({ at: `${at}第${j + 1}个事项`, message: '每个事项应为一个对象' });
        });
      } else if (o.matters !== undefined && o.matters !== null) problems.push({ at, message: '"matters" 应为事项数组' });
      // 原网址: an export's list of addresses (a file from before it had none).
      const addresses = Array.isArray(o.addresses) ? o.addresses.map(String) : typeof o.addresses === 'string' ? splitAddresses(o.addresses) : [];
      return { at, path: String(o.path ?? ''), description: String(o.description ?? ''), standardArea: o.standardArea ? String(o.standardArea) : '', matters, addresses };
    });
  } else if (rawCatalog !== undefined) problems.push({ at: '文件', message: '"catalog" 应为栏目数组' });
  return { items, catalog, problems };
}

/**
 * The line each element of the item list starts on: the top-level array, or the array under the
 * top-level "items" key. A small scanner over the text (strings and escapes skipped).
 */
export function jsonItemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKey = '';
  let current = '';
  let listDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      else current += ch;
      continue;
    }
    if (ch === '"') {
      if (depth === listDepth) lines.push(line);
      inString = true;
      current = '';
    } else if (ch === ':') lastKey = current;
    else if (ch === '[' || ch === '{') {
      if (depth === listDepth && listDepth >= 0) lines.push(line);
      if (ch === '[' && listDepth === -1 && (depth === 0 || (depth === 1 && lastKey === 'items'))) listDepth = depth + 1;
      depth++;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth + 1 === listDepth) listDepth = -2; // the list is closed; nothing after it counts
    } else if (depth === listDepth && /[^\s,]/.test(ch)) {
      lines.push(line);
      // skip over a scalar element
      while (i + 1 < text.length && !/[,\]\s]/.test(text[i + 1])) i++;
    }
  }
  return lines;
}
