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
  { key: 'validThroughOn', header: '有效期至' },
  { key: 'docType', header: '文件类型' },
  { key: 'keywords', header: '关键词' },
  { key: 'summary', header: '内容概述' },
  { key: 'source', header: '信息来源' },
  { key: 'consultPhone', header: '政策咨询电话' },
  { key: 'catalogPaths', header: '目录' },
  { key: 'attachments', header: '附件' },
  // Each file's 附件名称, in 附件's order (ADR 0034): one a line, or separated by ；; read by attachmentTitlesOf.
  { key: 'attachmentTitles', header: '附件名称' },
  // Links to other items go by 索引号, the one name an item keeps from one database to another.
  { key: 'itemKind', header: '信息类别' },
  { key: 'interpretationForm', header: '解读形式' },
  { key: 'videoUrl', header: '视频链接' },
  { key: 'graphicAttachment', header: '图解图片' },
  { key: 'interpretedPolicies', header: '所解读的政策' },
  { key: 'replacedBy', header: '替代文件' },
  // The documents that amended an item 已修改 (ADR 0026), as 标记已修改 recorded them: by 索引号 (an export), or 文号 or title.
  { key: 'amendedBy', header: '修改文件' },
  { key: 'matter', header: '标准目录事项' },
  { key: 'bodyHtml', header: '正文' },
  { key: 'oldUrl', header: '原网址' },
] as const;

export type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];

/** The columns whose cell lists several values (separated by ；, ; or a line break; JSON: an array). */
export const LIST_COLUMNS: readonly ItemColumnKey[] = ['keywords', 'catalogPaths', 'attachments', 'interpretedPolicies', 'amendedBy'];

/**
 * The catalog sheet (.xlsx 目录) and the JSON `catalog` list: every node of the organ, parents first.
 * 原网址 (`addresses`): the node's page on the installation an export came from, then the old
 * addresses that redirect to it (docs/import-export.md "Addresses"); a list, as an item's.
 */
export const CATALOG_COLUMNS = [
  { key: 'path', header: '目录' },
  { key: 'description', header: '栏目说明' },
  { key: 'standardArea', header: '标准目录领域' },
  { key: 'addresses', header: '原网址' },
] as const;

export type CatalogColumnKey = (typeof CATALOG_COLUMNS)[number]['key'];

/**
 * The 标准目录 事项 of the catalog's nodes (the .xlsx 标准目录事项 sheet; JSON: each catalog entry's
 * `matters`): a template's columns (docs/standard-directories.md) with the node's path and the template.
 */
export const MATTER_COLUMNS = [
  { key: 'path', header: '目录' },
  { key: 'templateId', header: '模板编号' },
  { key: 'key', header: '事项编码' },
  { key: 'name', header: '事项名称' },
  { key: 'stage', header: '过程' },
  { key: 'elements', header: '公开内容（要素）' },
  { key: 'legalBasis', header: '公开依据' },
  { key: 'timeLimit', header: '公开时限' },
  { key: 'subject', header: '公开主体' },
  { key: 'channels', header: '公开渠道和载体' },
  { key: 'audience', header: '公开对象' },
  { key: 'mode', header: '公开方式' },
  { key: 'levels', header: '公开层级' },
] as const;

export type MatterColumnKey = (typeof MATTER_COLUMNS)[number]['key'];
export const MATTER_LIST_COLUMNS: readonly MatterColumnKey[] = ['channels', 'levels'];

/** The worksheet names of an .xlsx export. */
export const ITEMS_SHEET = '信息';
export const CATALOG_SHEET = '目录';
export const MATTERS_SHEET = '标准目录事项';

const byName = new Map<string, ItemColumnKey>(ITEM_COLUMNS.flatMap((c) => [[c.header, c.key], [c.key.toLowerCase(), c.key]] as [string, ItemColumnKey][]));
const catalogByName = new Map<string, CatalogColumnKey>(CATALOG_COLUMNS.flatMap((c) => [[c.header, c.key], [c.key.toLowerCase(), c.key]] as [string, CatalogColumnKey][]));

/** The column a header names ("标题", "title", " Title "), or null. */
export const itemColumnOf = (header: string): ItemColumnKey | null => byName.get(header.trim()) ?? byName.get(header.trim().toLowerCase()) ?? null;
export const catalogColumnOf = (header: string): CatalogColumnKey | null =>
  catalogByName.get(header.trim()) ?? catalogByName.get(header.trim().toLowerCase()) ?? null;
const matterByName = new Map<string, MatterColumnKey>(MATTER_COLUMNS.flatMap((c) => [[c.header, c.key], [c.key.toLowerCase(), c.key]] as [string, MatterColumnKey][]));
export const matterColumnOf = (header: string): MatterColumnKey | null =>
  matterByName.get(header.trim()) ?? matterByName.get(header.trim().toLowerCase()) ?? null;

/**
 * Splits the 原网址 cell: addresses separated by ；, spaces or line breaks — not by ';', which an old
 * address may hold (';jsessionid=…'). An export writes an item's addresses joined by ；.
 */
export const splitAddresses = (cell: string): string[] => cell.split(/[；\s]+/).filter(Boolean);

/** Splits a list cell: "a；b;c" or one per line. */
export const splitList = (cell: string): string[] => cell.split(/[;；\n]+/).map((s) => s.trim()).filter(Boolean);

/** A catalog path "政策文件/规范性文件" (also with ／, > or ＞ between names) as its names. */
export const pathNames = (path: string): string[] => path.split(/\s*[/／>＞]\s*/).map((s) => s.trim()).filter(Boolean);
