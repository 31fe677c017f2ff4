/**
 * The columns of an item file (docs/import-export.md): CSV and .xlsx name them by their Chinese
 * header (or the key), JSON by the key. An export writes exactly these, so it imports again.
 */
export const ITEM_COLUMNS = [
  { key: 'indexNumber', header: '索引号' },
  { key: 'title', header: '标题' },
  { key: 'documentNumber', header: '文号' },
  { key: 'publishingOrganName', header: '发布机构' },
  { key: 'formedOn', header: '成文日期' },
  { key: 'publishedOn', header: '发布日期' },
  { key: 'subject', header: '主题分类' },
  { key: 'genre', header: '体裁' },
  { key: 'stage', header: '五公开' },
  { key: 'disclosureMode', header: '公开方式' },
  { key: 'withheldReason', header: '不予公开理由' },
  { key: 'disclosurePeriod', header: '公开时限' },
  { key: 'audience', header: '公开范围' },
  { key: 'validity', header: '有效性' },
  { key: 'docType', header: '文件类型' },
  { key: 'keywords', header: '关键词' },
  { key: 'summary', header: '内容概述' },
  { key: 'source', header: '信息来源' },
  { key: 'consultPhone', header: '政策咨询电话' },
  { key: 'catalogPaths', header: '目录' },
  { key: 'attachments', header: '附件' },
  { key: 'bodyHtml', header: '正文' },
  { key: 'oldUrl', header: '原网址' },
] as const;

export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];

/** The columns whose cell lists several values (separated by ；, ; or a line break; JSON: an array). */
export const LIST_COLUMNS: readonly ItemColumnKey[] = ['keywords', 'catalogPaths', 'attachments'];

/** The catalog sheet (.xlsx 目录) and the JSON `catalog` list: every node of the organ, parents first. */
export const CATALOG_COLUMNS = [
  { key: 'path', header: '目录' },
  { key: 'description', header: '栏目说明' },
  { key: 'standardArea', header: '标准目录领域' },
] as const;

export type CatalogColumnKey = (typeof CATALOG_COLUMNS)[number]['key'];

/** The worksheet names of an .xlsx export. */
export const ITEMS_SHEET = '信息';
export const CATALOG_SHEET = '目录';

const byName = new Map<string, ItemColumnKey>(ITEM_COLUMNS.flatMap((c) => [[c.header, c.key], [c.key.toLowerCase(), c.key]] as [string, ItemColumnKey][]));
const catalogByName = new Map<string, CatalogColumnKey>(CATALOG_COLUMNS.flatMap((c) => [[c.header, c.key], [c.key.toLowerCase(), c.key]] as [string, CatalogColumnKey][]));

/** The column a header names ("标题", "title", " Title "), or null. */
export const itemColumnOf = (header: string): ItemColumnKey | null => byName.get(header.trim()) ?? byName.get(header.trim().toLowerCase()) ?? null;
export const catalogColumnOf = (header: string): CatalogColumnKey | null =>
  catalogByName.get(header.trim()) ?? catalogByName.get(header.trim().toLowerCase()) ?? null;

/** Splits a list cell: "a；b;c" or one per line. */
export const splitList = (cell: string): string[] => cell.split(/[;；\n]+/).map((s) => s.trim()).filter(Boolean);

/** A catalog path "政策文件/规范性文件" (also with ／, > or ＞ between names) as its names. */
export const pathNames = (path: string): string[] => path.split(/\s*[/／>＞]\s*/).map((s) => s.trim()).filter(Boolean);
