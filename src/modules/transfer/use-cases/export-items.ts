import fs from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { renderXlsxSheets } from '../../../platform/documents/index.ts';
import { writeCsv } from '../../../platform/tables/write-csv.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import {
  attachmentPath, directoryStageWord, findPublication, inTreeOrder, validityLinksOf, listAttachments, listCatalogNodes, listDirectoryMatters, matterCode, nodePaths, organByCode, publishedItemIds, redirectsTo,
  type DirectoryMatter, type Publication,
} from '../../catalog/index.ts';
import { TransferErrorCode as E } from '../domain/error-codes.ts';
import {
  catalogRows, EXPORT_FORMATS, exportJson, itemFolder, itemRows, matterRows, type ExportDocument, type ExportFormat, type ExportedItem, type ExportedMatter,
} from '../domain/export-document.ts';
import { CATALOG_SHEET, ITEMS_SHEET, MATTERS_SHEET } from '../domain/item-columns.ts';
import { NOTES_SHEET, PATHS_SHEET, templateItemRows, templateNoteRows } from '../domain/item-template.ts';
import { itemPath } from '../../catalog/index.ts';

export const isExportFormat = (v: unknown): v is ExportFormat => typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);

export function requireExportFormat(v: unknown): ExportFormat {
  if (!isExportFormat(v)) throw new DomainError(E.exportFormat, `导出格式应为 ${EXPORT_FORMATS.join('、')} 之一`, { field: 'format' });
  return v;
}

/** A node's catalog path as the import writes it (parent names joined by /), for an organ's nodes. */
function catalogPathOf(nodes: { id: number; parentId: number | null; name: string }[]): (id: number) => string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pathOf = (id: number): string => {
    const n = byId.get(id)!;
    return n.parentId === null ? n.name : `${pathOf(n.parentId)}/${n.name}`;
  };
  return pathOf;
}

/**
 * What the public portal shows of an organ: its catalog in tree order and its published items, oldest
 * first, each with its placements (as catalog paths) and attachments. Exported in the import's own
 * format (docs/import-export.md), so importing it into an empty database gives the same portal.
 */
export async function collectExport(deps: AppDeps, organCode: string, onProgress?: (done: number, total: number) => void): Promise<ExportDocument> {
  const organ = await organByCode(deps.db, organCode);
  const nodes = await listCatalogNodes(deps.db, organ.id);
  const pathOf = catalogPathOf(nodes);
  const known = new Set(nodes.map((n) => n.id));
  const ordered = inTreeOrder(nodes);
  const order = new Map(ordered.map((n, i) => [n.id, i]));
  const matters = await listDirectoryMatters(deps.db, organ.id);
  const ids = await publishedItemIds(deps.db, organ.id);
  // Other items are named by their 索引号 (a policy or a replacement may be another organ's item).
  const indexNumbers = new Map<number, string | null>();
  const indexNumberOf = async (id: number) => {
    if (!indexNumbers.has(id)) indexNumbers.set(id, (await findPublication(deps.db, id))?.indexNumber ?? null);
    return indexNumbers.get(id) ?? null;
  };
  const items: ExportedItem[] = [];
  for (const [i, id] of ids.entries()) {
    const publication = (await findPublication(deps.db, id))!;
    indexNumbers.set(id, publication.indexNumber);
    const attachments = await listAttachments(deps.db, id);
    const files = attachments.map((a) => ({
      file: `${itemFolder(i + 1)}/${a.fileName}`, fileName: a.fileName, sizeBytes: a.sizeBytes, sha256: a.sha256, storageKey: a.storageKey, title: a.title,
    }));
    const placed = publication.nodeIds.filter((n) => known.has(n)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const policies: string[] = [];
    for (const p of publication.policyIds) {
      const n = await indexNumberOf(p);
      if (n) policies.push(n);
    }
    // The documents recorded as having amended it (标记已修改): the published ones, as its page names them; its 替代文件 goes in its own column.
    const amendedBy: string[] = [];
    for (const l of (await validityLinksOf(deps.db, id)).amendedBy) {
      const n = l.status === 'published' && l.id !== publication.replacedById ? await indexNumberOf(l.id) : null;
      if (n) amendedBy.push(n);
    }
    const graphic = attachments.findIndex((a) => a.id === publication.graphicAttachmentId);
    // Its addresses, so that an import elsewhere keeps every link (the page's number, or redirects).
    const page = itemPath(organ.code, id);
    // An old address as the old site wrote it comes first: the import keeps that spelling of each address.
    const addresses = [page, ...(await redirectsTo(deps.db, [page])).flatMap((r) => [...r.spellings, r.fromPath])];
    items.push({
      publication, catalogPaths: placed.map(pathOf), files, addresses,
      links: {
        policies, replacedBy: publication.replacedById ? (await indexNumberOf(publication.replacedById)) ?? '' : '', amendedBy,
        matter: matterName(publication, matters), graphic: graphic >= 0 ? files[graphic].file : '',
      },
    });
    onProgress?.(i + 1, ids.length);
  }
  const exported = (m: DirectoryMatter): ExportedMatter => ({
    templateId: m.templateId, key: m.key, name: m.name, stage: directoryStageWord(m.stage), elements: m.elements, legalBasis: m.legalBasis, timeLimit: m.timeLimit,
    subject: m.subject, channels: m.channels, audience: m.audience, mode: m.mode, levels: m.levels,
  });
  const catalog: ExportDocument['catalog'] = [];
  for (const n of ordered) {
    // Its addresses too, so that an import elsewhere keeps the node's number or redirects its page and feeds.
    const page = nodePaths(organ.code, n.id)[0];
    catalog.push({
      path: pathOf(n.id), description: n.description, standardArea: n.isStandardDirectory ? n.standardArea ?? n.name : '',
      matters: matters.filter((m) => m.nodeId === n.id).map(exported), addresses: [page, ...(await redirectsTo(deps.db, [page])).map((r) => r.fromPath)],
    });
  }
  return { organ: { code: organ.code, name: organ.name }, exportedAt: deps.clock.now().toISOString(), catalog, items };
}

/** An item's 事项 as the import finds it again: its name, or 模板编号:事项编码 when another 事项 of the item's nodes has the same name. */
function matterName(p: Publication, matters: DirectoryMatter[]): string {
  const m = matters.find((x) => x.id === p.matterId);
  if (!m) return '';
  return matters.some((x) => x.id !== m.id && x.name === m.name && p.nodeIds.includes(x.nodeId)) ? matterCode(m) : m.name;
}

/** The export file's bytes, content type and file name in a format. */
export function renderExport(doc: ExportDocument, format: ExportFormat): { bytes: Buffer; contentType: string; fileName: string } {
  const base = `${doc.organ.code}-items`;
  if (format === 'json') return { bytes: Buffer.from(exportJson(doc), 'utf8'), contentType: 'application/json; charset=utf-8', fileName: `${base}.json` };
  if (format === 'csv') return { bytes: Buffer.from(writeCsv(itemRows(doc)), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return {
    bytes: renderXlsxSheets([{ name: ITEMS_SHEET, rows: itemRows(doc) }, { name: CATALOG_SHEET, rows: catalogRows(doc) }, { name: MATTERS_SHEET, rows: matterRows(doc) }]),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx`,
  };
}

/**
 * The blank template of the item file (下载空白模板): the import's headers and no data row (CSV); the
 * .xlsx adds the 填写说明 sheet and the organ's catalog paths in tree order, neither of which the
 * import reads.
 */
export async function renderTemplate(deps: AppDeps, organCode: string, format: 'csv' | 'xlsx'): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  if (format === 'csv') return { bytes: Buffer.from(writeCsv(templateItemRows()), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: '信息导入模板.csv' };
  const organ = await organByCode(deps.db, organCode);
  const nodes = await listCatalogNodes(deps.db, organ.id);
  const pathOf = catalogPathOf(nodes);
  const paths = inTreeOrder(nodes).map((n) => pathOf(n.id));
  return {
    bytes: renderXlsxSheets([{ name: ITEMS_SHEET, rows: templateItemRows() }, { name: NOTES_SHEET, rows: templateNoteRows() }, { name: PATHS_SHEET, rows: [['目录'], ...paths.map((p) => [p])] }]),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: '信息导入模板.xlsx',
  };
}

/** Every attachment of the export as a ZIP, each under the name the item file lists it by. */
export async function attachmentsZip(deps: AppDeps, doc: ExportDocument): Promise<Buffer> {
  const files: Record<string, Uint8Array> = {};
  for (const item of doc.items) {
    for (const f of item.files) files[f.file] = new Uint8Array(await fs.readFile(attachmentPath(deps.dataDir, f.storageKey)));
  }
  return Buffer.from(zipSync(files, { level: 0 }));
}

/** Writes the attachments into a folder (created if needed), or a .zip file when the target ends in .zip; returns how many. */
export async function writeAttachments(deps: AppDeps, doc: ExportDocument, target: string): Promise<number> {
  const count = doc.items.reduce((n, i) => n + i.files.length, 0);
  if (/\.zip$/i.test(target)) {
    await fs.writeFile(target, await attachmentsZip(deps, doc));
    return count;
  }
  for (const item of doc.items) {
    for (const f of item.files) {
      const to = path.join(target, f.file);
      await fs.mkdir(path.dirname(to), { recursive: true });
      await fs.copyFile(attachmentPath(deps.dataDir, f.storageKey), to);
    }
  }
  return count;
}
