import {
  AUDIENCE_LABELS, DISCLOSURE_MODE_LABELS, DISCLOSURE_PERIOD_LABELS, DOC_TYPE_LABELS, INTERPRETATION_FORM_LABELS, ITEM_KIND_LABELS, STAGE_LABELS, VALIDITY_LABELS,
  WITHHELD_REASONS, type Publication,
} from '../../catalog/index.ts';
import { CATALOG_COLUMNS, ITEM_COLUMNS, MATTER_COLUMNS, MATTER_LIST_COLUMNS, type ItemColumnKey } from './item-columns.ts';

/** An exported attachment: where its file is in the export's folder or ZIP, its checksum and its 附件名称 (null: none). */
export type ExportedFile = { file: string; fileName: string; sizeBytes: number; sha256: string; storageKey: string; title: string | null };
/** A 标准目录 事项 of a node, in a template's shape (docs/standard-directories.md) with its template. */
export type ExportedMatter = {
  templateId: string; key: string; name: string; stage: string; elements: string; legalBasis: string; timeLimit: string; subject: string;
  channels: string[]; audience: string; mode: string; levels: string[];
};
/** `addresses`: the node's page on this installation first ('/organs/zjj/catalog/17'), then every old address that redirects to it. */
export type ExportedNode = { path: string; description: string; standardArea: string; matters: ExportedMatter[]; addresses: string[] };
/**
 * What an item names beyond itself, by names that hold in another database: 索引号 of the policies it
 * explains, of its replacement and of the documents recorded as having amended it (标记已修改), its 事项 (name, or 模板编号:事项编码 when the name is not unique in
 * its nodes), the export file name of its 图解 picture; '' when none.
 */
export type ExportedLinks = { policies: string[]; replacedBy: string; amendedBy: string[]; matter: string; graphic: string };
/**
 * `addresses`: where the item has been on the web (原网址) — its page on this installation first
 * ('/organs/zjj/items/12'), then every old address that redirects to it ('/xxgk/content.jsp?id=88').
 */
export type ExportedItem = { publication: Publication; catalogPaths: string[]; files: ExportedFile[]; links: ExportedLinks; addresses: string[] };
export type ExportDocument = { organ: { code: string; name: string }; exportedAt: string; catalog: ExportedNode[]; items: ExportedItem[] };

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The folder of an item's files inside the export (its position, so equal file names never clash). */
export const itemFolder = (position: number) => String(position).padStart(4, '0');

/** Each column's value of an item: codes (JSON) or the labels people read (CSV, .xlsx). */
export function itemValues(item: ExportedItem, style: 'codes' | 'labels'): Record<ItemColumnKey, string | string[]> {
  const p = item.publication;
  const coded = <C extends string>(labels: Record<C, string>, code: C | null) => (code === null ? '' : style === 'codes' ? code : labels[code]);
  return {
    indexNumber: p.indexNumber ?? '', title: p.title, documentNumber: p.documentNumber ?? '', publishingOrganName: p.publishingOrganName, formedOn: p.formedOn,
    publishedOn: p.publishedOn ?? '', subject: p.subject, genre: p.genre, stage: coded(STAGE_LABELS, p.stage), disclosureMode: coded(DISCLOSURE_MODE_LABELS, p.disclosureMode),
    withheldReason: coded(WITHHELD_REASONS, p.withheldReason), disclosurePeriod: coded(DISCLOSURE_PERIOD_LABELS, p.disclosurePeriod), audience: coded(AUDIENCE_LABELS, p.audience),
    validity: coded(VALIDITY_LABELS, p.validity), validThroughOn: p.validThroughOn ?? '', docType: coded(DOC_TYPE_LABELS, p.docType), keywords: p.keywords, summary: p.summary, source: p.source,
    consultPhone: p.consultPhone ?? '', catalogPaths: item.catalogPaths, attachments: item.files.map((f) => f.file), attachmentTitles: attachmentTitlesCell(item.files), bodyHtml: p.bodyHtml, oldUrl: item.addresses,
    itemKind: coded(ITEM_KIND_LABELS, p.itemKind), interpretationForm: coded(INTERPRETATION_FORM_LABELS, p.interpretationForm), videoUrl: p.videoUrl ?? '',
    graphicAttachment: item.links.graphic, interpretedPolicies: item.links.policies, replacedBy: item.links.replacedBy, amendedBy: item.links.amendedBy, matter: item.links.matter,
  };
}

/**
 * The 附件名称 cell (CSV, .xlsx): a lone file's title as it stands; of several files one title a line in 附件's order,
 * an empty line for a file without one (a title is one line, so a line never splits one; a title may hold ；). Empty
 * when no file has a title.
 */
export function attachmentTitlesCell(files: readonly { title: string | null }[]): string {
  if (files.every((f) => !f.title)) return '';
  return files.length === 1 ? files[0].title! : files.map((f) => f.title ?? '').join('\n');
}

/** The JSON an export writes (and an import reads): the organ, its catalog in tree order, its items. */
export function exportJson(doc: ExportDocument): string {
  return `${JSON.stringify({
    format: 'gongkai-items', version: 1, organ: doc.organ, exportedAt: doc.exportedAt,
    catalog: doc.catalog.map(({ matters, ...n }) => (matters.length ? { ...n, matters } : n)),
    items: doc.items.map((item) => {
      const values = itemValues(item, 'codes');
      const out: Record<string, unknown> = {};
      for (const c of ITEM_COLUMNS) {
        // A file's 附件名称 goes with it, in its object (a file without one has no title).
        if (c.key === 'attachments') out.attachments = item.files.map((f) => ({ file: f.file, ...(f.title ? { title: f.title } : {}), sizeBytes: f.sizeBytes, sha256: f.sha256 }));
        else if (c.key !== 'attachmentTitles') out[c.key] = values[c.key];
      }
      return out;
    }),
  }, null, 2)}\n`;
}

/** The items as rows under their Chinese headers (CSV and the .xlsx 信息 sheet); list cells joined by ；. */
export function itemRows(doc: ExportDocument): string[][] {
  return [
    ITEM_COLUMNS.map((c) => c.header),
    ...doc.items.map((item) => {
      const values = itemValues(item, 'labels');
      return ITEM_COLUMNS.map((c) => {
        const v = values[c.key];
        return Array.isArray(v) ? v.join('；') : String(v);
      });
    }),
  ];
}

/** The catalog as rows (the .xlsx 目录 sheet). */
export function catalogRows(doc: ExportDocument): string[][] {
  return [CATALOG_COLUMNS.map((c) => c.header), ...doc.catalog.map((n) => [n.path, n.description, n.standardArea, n.addresses.join('；')])];
}

/** The 事项 of every node as rows (the .xlsx 标准目录事项 sheet); list cells joined by ；. */
export function matterRows(doc: ExportDocument): string[][] {
  return [
    MATTER_COLUMNS.map((c) => c.header),
    ...doc.catalog.flatMap((n) => n.matters.map((m) => MATTER_COLUMNS.map((c) => {
      if (c.key === 'path') return n.path;
      const v = m[c.key];
      return MATTER_LIST_COLUMNS.includes(c.key) && Array.isArray(v) ? v.join('；') : String(v);
    }))),
  ];
}
