import { addDays, isIsoDate } from '../../../shared/iso-date.ts';
import {
  AUDIENCE_LABELS, DISCLOSURE_MODE_LABELS, DISCLOSURE_PERIOD_LABELS, DOC_TYPE_LABELS, INTERPRETATION_FORM_LABELS, ITEM_KIND_LABELS, STAGE_LABELS, VALIDITY_LABELS,
  WITHHELD_REASONS, addressKey, checkAttachmentTitle, interpretationValidityRefusals, isNoneDocumentNumber, oldAddressOf, publicationInputSchema, type PublicationInput,
} from '../../catalog/index.ts';
import { ITEM_COLUMNS, pathNames, splitAddresses, type ItemColumnKey } from './item-columns.ts';
import { isPortalAddress } from './item-page-path.ts';
import { importedBodyHtml } from './plain-text-body.ts';
import type { ItemRecord } from './item-records.ts';
import { withTyped } from './typed-value.ts';

/** Imported items come in as published history or as drafts for the review chain. */
export const IMPORT_MODES = ['published', 'draft'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** An item that passed every check of its own (the database and the files are checked after). */
export type ParsedItem = {
  at: string;
  input: Omit<PublicationInput, 'nodeIds'>;
  indexNumber: string | null;
  publishedOn: string | null;
  catalogPaths: string[][];
  attachments: string[];
  /** Each attachment's 附件名称, in `attachments`' order; null where it has none. */
  attachmentTitles: (string | null)[];
  /**
   * The item's former addresses (原网址: an old site's, or its page on the installation it was exported
   * from), each a path with its query string in the redirect table's form; redirected to its new page.
   */
  oldPaths: string[];
  /** The same addresses as the file wrote them (a full old URL keeps its site), for the item's import record. */
  oldUrls: string[];
  links: ItemLinks;
  /** Imported as a draft with a 发布日期: why it is not kept (draftPublishedOnNotKept); null otherwise. */
  publishedOnNotKept: string | null;
  /** A 文号 written as a "none" mark (—, /, 无 …), read as no 文号: what the import tells (catalog's isNoneDocumentNumber); null otherwise. */
  documentNumberNone: string | null;
};

/**
 * What an item names beyond itself, resolved once every row is read (a link may point to a later
 * row): the policies an interpretation explains and the item replacing it, by 索引号; the documents that
 * amended it (修改文件), by 索引号, 文号 or title, each resolved in place to a row of the file or an item of the
 * database (`amenders`); the 标准目录 事项 it fulfils, by name or 模板编号:事项编码; its 图解 picture, by the file name
 * of one of its attachments.
 */
export type ItemLinks = {
  policies: string[]; replacedBy: string | null; amendedBy: string[]; amenders: AmenderRef[]; matter: string | null; graphic: string | null;
};
/** A 修改文件 as the import found it: a row of the file (by its place), or an item of the database. */
export type AmenderRef = { row: string } | { id: number };

/**
 * A date as spreadsheets write it: 2020-01-02, 2020/1/2, 2020.1.2, 2020年1月2日, or an Excel day
 * number (45719); null when it is none of them or not a real day.
 */
export function normalizeDate(value: string): string | null {
  const v = value.trim();
  if (/^\d{5}(\.0+)?$/.test(v)) return addDays('1899-12-30', Math.floor(Number(v)));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+Z?$/.exec(v);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A 发布日期 given to a row imported as a draft is not kept: a draft has none, and publishing gives it
 * the day the public first sees it (markPublished; the 索引号's year and 条例第二十六条's 20 working days
 * are counted from it, ADR 0003). So it is told, never silently dropped — null when the cell is empty.
 */
export function draftPublishedOnNotKept(given: string, today: string): string | null {
  if (!given) return null;
  const day = normalizeDate(given);
  const why = '草稿不带发布日期，发布时按实际日期记';
  if (!day) return `发布日期“${given.slice(0, 40)}”不是有效日期，未随草稿导入：${why}`;
  if (day > today) return `发布日期 ${day} 晚于今天，${why}`;
  return `发布日期 ${day} 未随草稿导入：${why}；要保留原发布日期，请作为已发布的历史信息导入`;
}

/** A coded value given by its code or its label (五公开 also without 公开: 决策). */
function codeOf<C extends string>(labels: Record<C, string>, value: string): C | null {
  const v = value.trim();
  for (const [code, label] of Object.entries(labels) as [C, string][]) {
    if (v === code || v === label || v === label.replace(/公开$/, '')) return code;
  }
  return null;
}

const ENUMS: { key: ItemColumnKey; label: string; labels: Record<string, string> }[] = [
  { key: 'stage', label: '五公开', labels: STAGE_LABELS },
  { key: 'disclosureMode', label: '公开方式', labels: DISCLOSURE_MODE_LABELS },
  { key: 'withheldReason', label: '不予公开理由', labels: WITHHELD_REASONS },
  { key: 'disclosurePeriod', label: '公开时限', labels: DISCLOSURE_PERIOD_LABELS },
  { key: 'audience', label: '公开范围', labels: AUDIENCE_LABELS },
  { key: 'validity', label: '有效性', labels: VALIDITY_LABELS },
  { key: 'docType', label: '文件类型', labels: DOC_TYPE_LABELS },
  { key: 'itemKind', label: '信息类别', labels: ITEM_KIND_LABELS },
  { key: 'interpretationForm', label: '解读形式', labels: INTERPRETATION_FORM_LABELS },
];

const IMAGE_FILE = /\.(jpe?g|png|gif)$/i;

/** The fields the item schema checks that are also a file's columns (their cells are quoted in its refusals). */
const COLUMN_KEYS: ReadonlySet<string> = new Set(ITEM_COLUMNS.map((c) => c.key));

/**
 * The address a redirect keeps of an old one: its path and query string, in the redirect table's
 * canonical form (http://old.example.gov.cn/xxgk/content.jsp?id=88 → /xxgk/content.jsp?id=88).
 */
export function oldPathOf(url: string): string | null {
  const a = oldAddressOf(url);
  return a ? addressKey(a) : null;
}

/**
 * Checks one record on its own and returns every problem with it (in Chinese), or the item. The
 * metadata pass the editor's own schema; a published import also needs its publish date, the
 * 主动公开 attribute, a 成文日期 not after it, and a body or an attachment (publish-rules.ts).
 */
/** What the later checks need of a record, given even when its own fields have problems (so every reason is listed). */
export type RecordParts = Pick<ParsedItem, 'indexNumber' | 'catalogPaths' | 'attachments' | 'attachmentTitles' | 'oldPaths' | 'links'> & {
  texts: [where: string, text: string][];
  /** document or interpretation (what a link to this row needs to know); null when the cell is wrong. */
  itemKind: string | null;
  /** What publishing a 政策解读 needs of it, checked even when other fields are wrong: its form (null when missing or wrong) and video link. */
  interpretation: { form: string | null; videoUrl: string };
  /**
   * What the counterpart rules weigh of the row (domain/counterpart-document.ts, ADR 0048) — as the document naming a
   * 替代文件 or 修改文件, or named as one: its title, 文号, 效力 (null when the cell is wrong) and dates (null when missing or
   * wrong; the 发布日期 of published history only).
   */
  self: { title: string; documentNumber: string; validity: string | null; formedOn: string | null; publishedOn: string | null };
};

export function parseItem(record: ItemRecord, mode: ImportMode, today: string): { item: ParsedItem | null; problems: string[]; parts: RecordParts } {
  const problems: string[] = [];
  const f = record.fields;
  const text = (k: ItemColumnKey) => {
    const v = f[k];
    return (Array.isArray(v) ? v.join(' ') : v ?? '').trim();
  };
  const list = (k: ItemColumnKey) => {
    const v = f[k];
    return Array.isArray(v) ? v : v ? [v] : [];
  };

  // A 文号 of —, /, 无 … means none in older sites' files: read as empty and told, not refused as punctuation.
  const givenNumber = text('documentNumber');
  const numberIsNone = isNoneDocumentNumber(givenNumber);
  const raw: Record<string, unknown> = {
    title: text('title'), documentNumber: numberIsNone ? '' : givenNumber, publishingOrganName: text('publishingOrganName'), subject: text('subject'), genre: text('genre'),
    // A 正文 without HTML is plain text (Alt+Enter in Excel, pasted text): its lines become the editor's paragraphs.
    keywords: list('keywords'), summary: text('summary'), bodyHtml: f.bodyHtml && !Array.isArray(f.bodyHtml) ? importedBodyHtml(f.bodyHtml) : '', source: text('source'),
    consultPhone: text('consultPhone'), nodeIds: [1], replacedById: null,
  };
  if (!raw.title) problems.push('缺少标题');
  const formed = text('formedOn');
  if (!formed) problems.push('缺少成文日期');
  else if (!normalizeDate(formed)) problems.push(`成文日期“${formed}”不是有效日期（如 2020-01-02）`);
  else raw.formedOn = normalizeDate(formed);
  // 有效期至 (ADR 0027): the schema checks it against the 成文日期.
  const through = text('validThroughOn');
  if (through && !normalizeDate(through)) problems.push(`有效期至“${through}”不是有效日期（如 2026-06-06）`);
  else if (through) raw.validThroughOn = normalizeDate(through);
  for (const e of ENUMS) {
    const v = text(e.key);
    if (!v) continue;
    const code = codeOf(e.labels, v);
    if (code) raw[e.key] = code;
    else problems.push(`${e.label}“${v}”应为${Object.values(e.labels).join('、')}之一`);
  }
  if (!text('stage') && !problems.some((p) => p.startsWith('五公开'))) problems.push('缺少五公开类别（决策、执行、管理、服务、结果）');
  // 文件类型 decides the 年报's second part (规章, 行政规范性文件): a row without it is not taken as 其他.
  if (!text('docType') && !problems.some((p) => p.startsWith('文件类型'))) problems.push('缺少文件类型（规章、行政规范性文件、其他）');

  // 政策解读: its form and its policies. The policies are named by 索引号 and resolved after every
  // row is read; the editor's schema sees a stand-in so that it checks everything else.
  const policies = list('interpretedPolicies').map((n) => n.trim()).filter(Boolean);
  const graphic = text('graphicAttachment') || null;
  const interpretation = raw.itemKind === 'interpretation';
  if (interpretation) {
    if (policies.length === 0) problems.push('政策解读须在“所解读的政策”列填写所解读政策文件的索引号');
    raw.policyIds = [1]; // a stand-in (an empty list is reported above, in the file's words)
    raw.videoUrl = text('videoUrl');
    if (graphic && raw.interpretationForm !== 'graphic') problems.push('只有解读形式为“图解”的政策解读才能填写图解图片');
    if (raw.interpretationForm === 'graphic' && mode === 'published' && !graphic) problems.push('图解须在“图解图片”列填写本条附件中的一张图片（作为已发布信息导入时）');
    // No 效力 of its own (the review's 标记废止 refuses it too): 有效 and no 有效期至, in the item form's words.
    for (const r of interpretationValidityRefusals({ itemKind: 'interpretation', validity: (raw.validity as string | undefined) ?? 'valid', validThroughOn: raw.validThroughOn as string | undefined })) problems.push(r.message);
  } else if (policies.length || text('interpretationForm') || text('videoUrl') || graphic) {
    if (!problems.some((p) => p.startsWith('信息类别'))) problems.push('填写了所解读的政策、解读形式、视频链接或图解图片的信息，信息类别应为“政策解读”');
  }

  // The editor's schema checks every other field even when the title, 成文日期, stage or 文件类型 is missing or
  // wrong (reported above): stand-ins take their places, and their own issues are not repeated.
  const standIns = { title: '标题', formedOn: today, stage: 'execution', docType: 'other' };
  const stoodIn = (Object.keys(standIns) as (keyof typeof standIns)[]).filter((k) => !raw[k]);
  const checked = publicationInputSchema.safeParse({ ...raw, ...Object.fromEntries(stoodIn.map((k) => [k, standIns[k]])) });
  let input: Omit<PublicationInput, 'nodeIds'> | null = null;
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      if (stoodIn.includes(issue.path[0] as keyof typeof standIns)) continue;
      // The schema speaks of the field; the row's value is repeated so that it is found in a long file (？？).
      const field = issue.path[0];
      const given = typeof field === 'string' && COLUMN_KEYS.has(field) && field !== 'bodyHtml' ? text(field as ItemColumnKey) : '';
      const read = raw[field as string];
      const quoted = given === '' || issue.message.includes(given) || (typeof read === 'string' && read !== '' && issue.message.includes(read));
      const message = quoted ? issue.message : withTyped(issue.message, given);
      if (!problems.includes(message)) problems.push(message);
    }
  } else if (raw.formedOn && checked.data.formedOn > addDays(today, 366)) problems.push(`成文日期 ${checked.data.formedOn} 晚于今天一年以上，请核对`);
  if (checked.success && stoodIn.length === 0) {
    const { nodeIds: _placeholder, ...rest } = checked.data;
    input = { ...rest, policyIds: [], replacedById: null, matterId: null, graphicAttachmentId: null };
  }

  const catalogPaths = list('catalogPaths').map(pathNames).filter((p) => p.length > 0);
  if (catalogPaths.length === 0) problems.push('缺少目录（如 政策文件/规范性文件）');
  const attachments = list('attachments');
  const titled = attachmentTitlesOf(f.attachmentTitles, attachments);
  problems.push(...titled.problems);
  const indexNumber = text('indexNumber') || null;
  if (indexNumber && indexNumber.length > 60) problems.push(withTyped('索引号不能超过 60 个字符', indexNumber));
  // The 图解 picture is one of the item's own attachments, named as in 附件 or by its last part.
  let graphicName: string | null = null;
  if (graphic) {
    const own = attachments.find((a) => a === graphic || a.split(/[\\/]/).pop() === graphic);
    if (!own) problems.push(`图解图片“${graphic}”不是本条“附件”列中的文件`);
    else if (!IMAGE_FILE.test(own)) problems.push(`图解图片“${graphic}”应为 JPG、PNG 或 GIF 图片`);
    else graphicName = own.split(/[\\/]/).pop()!;
  }
  const replacedBy = text('replacedBy') || null;
  if (replacedBy && replacedBy === indexNumber) problems.push(withTyped('替代文件不能是本文件', replacedBy));
  if (indexNumber && policies.includes(indexNumber)) problems.push('政策解读不能关联它自己');
  // 修改文件 (ADR 0026): only a document 已修改 names what amended it (or one repealed or lapsed since, which keeps them).
  const amendedBy = [...new Set(list('amendedBy').map((n) => n.trim()).filter(Boolean))];
  if (amendedBy.length && interpretation) problems.push('政策解读本身没有效力，不能填写修改文件：所解读的文件被修改时，在该文件上填写');
  else if (amendedBy.length && (raw.validity ?? 'valid') === 'valid' && !problems.some((p) => p.startsWith('有效性'))) problems.push('填写了修改文件，有效性应为“已修改”（修改后又废止或失效的，为“已废止”或“已失效”）');
  if (indexNumber && amendedBy.includes(indexNumber)) problems.push(withTyped('修改文件不能是本文件', indexNumber));
  const links: ItemLinks = { policies: [...new Set(policies)], replacedBy, amendedBy, amenders: [], matter: text('matter') || null, graphic: graphicName };

  let publishedOn: string | null = null;
  if (mode === 'published') {
    const given = text('publishedOn');
    publishedOn = given ? normalizeDate(given) : null;
    if (!given) problems.push('作为已发布信息导入时须填写发布日期');
    else if (!publishedOn) problems.push(`发布日期“${given}”不是有效日期（如 2020-01-02）`);
    else if (publishedOn > today) problems.push(`发布日期 ${publishedOn} 晚于今天`);
    else if (raw.formedOn && (raw.formedOn as string) > publishedOn) problems.push(`成文日期 ${raw.formedOn as string} 晚于发布日期 ${publishedOn}`);
    if (raw.disclosureMode && raw.disclosureMode !== 'proactive') problems.push('公开方式不是“主动公开”的信息不能作为已发布信息导入');
    const body = String(raw.bodyHtml).replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();
    if (!body && attachments.length === 0) problems.push('正文和附件不能都为空');
  }

  const oldPaths: string[] = [];
  const oldUrls: string[] = [];
  for (const oldUrl of list('oldUrl').flatMap(splitAddresses)) {
    const oldPath = oldPathOf(oldUrl);
    if (!oldPath) problems.push(`原网址“${oldUrl.slice(0, 200)}”不是有效的网址（应以 http:// 或 https:// 开头，或为以 / 开头的路径，不能是网站首页）`);
    else if (isPortalAddress(oldPath)) problems.push(`原网址“${oldUrl.slice(0, 200)}”的路径 ${oldPath.split('?')[0].slice(0, 100)} 是本平台自己的网址，访问时总由平台回答，不能转向本条信息；请核对原网址`);
    else if (!oldPaths.includes(oldPath)) {
      oldPaths.push(oldPath);
      oldUrls.push(oldUrl.trim());
    }
  }
  const texts: [string, string][] = [
    ['标题', text('title')], ['内容概述', text('summary')], ['正文', String(raw.bodyHtml)], ['关键词', list('keywords').join(' ')],
    ['信息来源', text('source')], ['文号', text('documentNumber')], ['发布机构', text('publishingOrganName')],
  ];
  const itemKind = text('itemKind') ? (raw.itemKind as string | undefined) ?? null : 'document';
  const interpretationOf = { form: (raw.interpretationForm as string | undefined) ?? null, videoUrl: text('videoUrl') };
  // Each file's 附件名称 (public text, the portal's link text) goes to the scan with its file (import-items.ts).
  const self = {
    title: text('title'), documentNumber: numberIsNone ? '' : givenNumber, validity: text('validity') ? (raw.validity as string | undefined) ?? null : 'valid',
    formedOn: (raw.formedOn as string | undefined) ?? null, publishedOn: mode === 'published' && publishedOn && publishedOn <= today ? publishedOn : null,
  };
  const parts: RecordParts = { indexNumber, catalogPaths, attachments, attachmentTitles: titled.titles, oldPaths, links, texts, itemKind, interpretation: interpretationOf, self };
  if (problems.length || !input) return { item: null, problems, parts };
  const publishedOnNotKept = mode === 'draft' ? draftPublishedOnNotKept(text('publishedOn'), today) : null;
  const documentNumberNone = numberIsNone ? noneDocumentNumberNotice(givenNumber) : null;
  return { item: { at: record.at, input, indexNumber, publishedOn, catalogPaths, attachments, attachmentTitles: titled.titles, oldPaths, oldUrls, links, publishedOnNotKept, documentNumberNone }, problems, parts };
}

/** What the import tells of such a row: 文号“—”表示无文号，按无文号导入. */
export const noneDocumentNumberNotice = (value: string): string => `文号“${value.trim()}”表示无文号，按无文号导入`;

/**
 * Each file's 附件名称 (ADR 0034) from the 附件名称 cell — one a line, in 附件's order, an empty line for a file
 * without one; a cell of one line is split at ；or ; when the row has several files (a lone file's title is the whole
 * cell, ；and all) — or from a JSON list (an export's attachment objects). Each is checked as the back office checks a
 * title (trimmed, one line, at most 100 characters; empty: none); more titles than files is refused.
 */
export function attachmentTitlesOf(given: string | string[] | undefined, files: readonly string[]): { titles: (string | null)[]; problems: string[] } {
  const none = files.map(() => null);
  let raw: string[];
  if (given === undefined) return { titles: none, problems: [] };
  if (Array.isArray(given)) raw = given;
  else {
    const cell = given.replace(/\r\n?/g, '\n');
    if (!cell.trim()) return { titles: none, problems: [] };
    raw = cell.includes('\n') ? cell.split('\n') : files.length <= 1 ? [cell] : cell.split(/[;；]/);
  }
  while (raw.length > files.length && raw[raw.length - 1].trim() === '') raw = raw.slice(0, -1);
  if (raw.length > files.length) {
    return { titles: none, problems: [`附件名称有 ${raw.length} 个，附件只有 ${files.length} 个：请按“附件”列的顺序每个附件写一个名称，一行一个或用；分隔（名称中有；时一行一个），没有名称的留空`] };
  }
  const problems: string[] = [];
  const titles = files.map((file, i) => {
    try {
      return checkAttachmentTitle(raw[i] ?? null);
    } catch (e) {
      problems.push(`附件“${file}”：${(e as Error).message}`);
      return null;
    }
  });
  return { titles, problems };
}
