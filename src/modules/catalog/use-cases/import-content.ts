import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { actorUserId, type Actor } from '../../identity/index.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { relatedOrganIds } from '../domain/interpretation.ts';
import type { PublicationInput } from '../domain/publication-input.ts';
import { DIRECTORY_STAGES, type TemplateMatter } from '../domain/standard-directory.ts';
import { insertAttachment } from '../storage/attachments-repository.ts';
import { insertCatalogNode, listCatalogNodes } from '../storage/catalog-nodes-repository.ts';
import { insertDirectoryMatter, listDirectoryMatters } from '../storage/directory-matters-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { makeRoomForNodeNumbers } from '../storage/node-numbers-repository.ts';
import { itemsByIndexNumber, setImportedReferences, type IndexedItem } from '../storage/import-links-repository.ts';
import { replaceInterpretedPolicies } from '../storage/interpretations-repository.ts';
import { findOrganById, listOrgans } from '../storage/organs-repository.ts';
import { findPublication, listAttachments } from '../storage/publications-repository.ts';
import { documentNumberSpellings, findAmendingCandidates, insertAmendment } from '../storage/amendments-repository.ts';
import { insertPlacements, insertPublication } from '../storage/publication-writes-repository.ts';
import { audit } from './audit-helper.ts';
import { catalogChanged } from './catalog-changed.ts';
import { attachmentPath, checkAttachmentFile } from './manage-attachments.ts';
import { publicationInputColumns } from './save-publication.ts';

/**
 * Content brought in from an old site or a spreadsheet (issue 17, docs/import-export.md), written in
 * the importer's one transaction so that a failed import leaves nothing. The importer has checked
 * every row and the person's rights before; publishing stays with the review area.
 */

/**
 * A catalog node named by its path of names from the organ's root, as an import or export file lists
 * it. `id`: the number it keeps when it is made (a free one, from an export's address; see
 * makeRoomForNodeNumbers).
 */
export type ImportedNode = { path: string[]; description: string; isStandardDirectory: boolean; standardArea: string | null; matters?: ImportedMatter[]; id?: number };

/** A 标准目录 事项 of an imported node: a template's 事项 (its shape) and the template it came from. */
export type ImportedMatter = TemplateMatter & { templateId: string };

/** How an import file names a 事项 unambiguously: its template and its key. */
export const matterCode = (m: { templateId: string; key: string }) => `${m.templateId}:${m.key}`;

/**
 * Creates, in order, the nodes of `nodes` the organ's catalog does not have yet (each after its
 * siblings), a node with its own `id` under that number; returns every node's id by its path joined
 * with "/". The node counter first moves past `reserveUpTo` and every `id` given, so that a node made
 * without a number of its own never takes one the file names.
 */
export async function ensureCatalogPaths(trx: Executor, deps: AppDeps, actor: Actor, organId: number, nodes: ImportedNode[], reserveUpTo = 0): Promise<Map<string, number>> {
  await makeRoomForNodeNumbers(trx, deps.dialect, Math.max(reserveUpTo, ...nodes.map((n) => n.id ?? 0)));
  const byPath = new Map<string, number>();
  const existing = await listCatalogNodes(trx, organId);
  const byId = new Map(existing.map((n) => [n.id, n]));
  const pathOf = (id: number): string => {
    const n = byId.get(id)!;
    return n.parentId === null ? n.name : `${pathOf(n.parentId)}/${n.name}`;
  };
  for (const n of existing) byPath.set(pathOf(n.id), n.id);
  const nextOrder = new Map<number | null, number>();
  for (const n of existing) nextOrder.set(n.parentId, Math.max(nextOrder.get(n.parentId) ?? 0, n.sortOrder));
  const at = deps.clock.now().toISOString();
  let created = 0;
  for (const node of nodes) {
    for (let depth = 1; depth <= node.path.length; depth++) {
      const key = node.path.slice(0, depth).join('/');
      if (byPath.has(key)) continue;
      const parentId = depth === 1 ? null : byPath.get(node.path.slice(0, depth - 1).join('/'))!;
      const own = depth === node.path.length;
      const sortOrder = (nextOrder.get(parentId) ?? 0) + 1;
      nextOrder.set(parentId, sortOrder);
      const id = await insertCatalogNode(trx, {
        ...(own && node.id ? { id: node.id } : {}),
        organ_id: organId, parent_id: parentId, name: node.path[depth - 1], sort_order: sortOrder,
        is_standard_directory: own && node.isStandardDirectory ? 1 : 0, standard_area: own && node.isStandardDirectory ? node.standardArea ?? node.path[depth - 1] : null,
        description: own ? node.description : '', created_at: at, updated_at: at,
      });
      byPath.set(key, id);
      created++;
      await audit(trx, deps, actor, at, { action: 'catalog_node.import', entityType: 'catalog_node', entityId: id, organId, after: { path: key } });
    }
  }
  if (created) await catalogChanged(trx, organId, at);
  return byPath;
}

/** How an item came in, for its import record (import-record.ts): as published history or a draft, and its old site's addresses. */
export type ImportedAs = {
  mode?: 'published' | 'draft'; oldUrls?: string[];
  /** Published history the import's scan kept back for review: each field and kind found (正文：手机号码), never the data. */
  heldForReview?: string[];
};

/** An attachment file of an imported item. */
/** `title`: its 附件名称 (null or absent: none), checked by the caller (transfer's attachmentTitlesOf). */
export type ImportedFile = { fileName: string; bytes: Uint8Array; title?: string | null };

/**
 * Inserts an imported item as a draft with its placements and attachments, keeping the 索引号 it had
 * (published imports keep it; review's publish then stamps it public). Each attachment file written
 * is added to `written`, so the caller removes them if its transaction fails.
 */
export async function insertImportedDraft(
  trx: Executor, deps: AppDeps, actor: Actor, organId: number,
  item: { input: PublicationInput; indexNumber: string | null; files: ImportedFile[]; from: string; id?: number } & ImportedAs,
  written: string[],
): Promise<number> {
  const organ = (await findOrganById(trx, organId))!;
  const at = deps.clock.now().toISOString();
  // An item may keep the number an export gave it (a free one; see catchUpItemNumbers).
  const id = await insertPublication(trx, {
    ...(item.id ? { id: item.id } : {}),
    ...publicationInputColumns(item.input, organ.name), organ_id: organId, index_number: item.indexNumber, published_on: null, published_at: null, status: 'draft',
    publish_route: null, published_by: null, created_by: actorUserId(actor), created_at: at, updated_at: at, version: 1, view_count: 0, submitting_unit_id: null,
  });
  await insertPlacements(trx, id, item.input.nodeIds);
  for (const file of item.files) {
    const { fileName, ext, mimeType } = checkAttachmentFile(file);
    const storageKey = `${at.slice(0, 7)}/${randomUUID()}${ext}`;
    const target = attachmentPath(deps.dataDir, storageKey);
    await fs.mkdir(path.dirname(target), { recursive: true });
    written.push(target);
    await fs.writeFile(target, file.bytes);
    await insertAttachment(trx, {
      publication_id: id, file_name: fileName, mime_type: mimeType, size_bytes: file.bytes.length, storage_key: storageKey,
      sha256: createHash('sha256').update(file.bytes).digest('hex'), created_at: at, revision_state: null, title: file.title ?? null,
    });
  }
  await audit(trx, deps, actor, at, {
    action: 'publication.import', entityType: 'publication', entityId: id, organId,
    after: {
      title: item.input.title, indexNumber: item.indexNumber, nodeIds: item.input.nodeIds, attachments: item.files.map((f) => f.fileName), from: item.from,
      ...(item.mode ? { mode: item.mode } : {}), ...(item.oldUrls?.length ? { oldUrls: item.oldUrls } : {}),
      ...(item.heldForReview?.length ? { heldForReview: item.heldForReview } : {}),
    },
  });
  return id;
}

/**
 * Adds the 事项 of the imported nodes that the organ does not have yet (by template and key, as a
 * template import does; an existing 事项 is left as it is), each after its node's others. Returns the
 * id of every 事项 of the organ by its code (matterCode).
 */
export async function ensureDirectoryMatters(trx: Executor, organId: number, byPath: Map<string, number>, nodes: ImportedNode[], at: string): Promise<Map<string, number>> {
  const existing = await listDirectoryMatters(trx, organId);
  const ids = new Map(existing.map((m) => [matterCode(m), m.id]));
  const nextOrder = new Map<number, number>();
  for (const m of existing) nextOrder.set(m.nodeId, Math.max(nextOrder.get(m.nodeId) ?? 0, m.sortOrder));
  for (const node of nodes) {
    const nodeId = byPath.get(node.path.join('/'))!;
    for (const m of node.matters ?? []) {
      if (ids.has(matterCode(m))) continue;
      const sortOrder = (nextOrder.get(nodeId) ?? 0) + 1;
      nextOrder.set(nodeId, sortOrder);
      ids.set(matterCode(m), await insertDirectoryMatter(trx, {
        organ_id: organId, node_id: nodeId, template_id: m.templateId, matter_key: m.key, name: m.name, stage: DIRECTORY_STAGES[m.stage], elements: m.elements,
        legal_basis: m.legalBasis, time_limit: m.timeLimit, subject: m.subject, channels: JSON.stringify(m.channels), audience: m.audience, disclosure_mode: m.mode,
        levels: JSON.stringify(m.levels), sort_order: sortOrder, created_at: at, updated_at: at,
      }));
    }
  }
  return ids;
}

/**
 * The items an import file links to by 索引号 (the policies its interpretations explain, its
 * replacements), with whether each belongs to the organ, an organ above it or one below it — the
 * organs whose policies its interpretations may explain (domain/interpretation.ts).
 */
export async function importLinkTargets(db: Executor, organId: number, numbers: readonly string[]): Promise<Map<string, IndexedItem & { related: boolean }>> {
  const found = await itemsByIndexNumber(db, numbers);
  if (found.size === 0) return new Map();
  const related = relatedOrganIds(await listOrgans(db), organId);
  return new Map([...found].map(([n, t]) => [n, { ...t, related: related.has(t.organId) }]));
}

/** A published document an import row's 修改文件 cell may name: as a link target, its 索引号 perhaps not yet given. */
export type AmendingCandidate = Omit<IndexedItem, 'indexNumber'> & { indexNumber: string | null };

/**
 * The published documents of the organ, an organ above it or one below it that what an import row's 修改文件 cell names
 * by 文号 (any bracket spelling), 索引号 or whole title (ADR 0054; the names 标记已修改 takes, less the platform's 编号, which
 * means nothing from another database): each name with what it matches, at most five, newest first.
 */
export async function importAmendingCandidates(db: Executor, organId: number, names: readonly string[]): Promise<Map<string, AmendingCandidate[]>> {
  const out = new Map<string, AmendingCandidate[]>();
  if (names.length === 0) return out;
  const organs = [...relatedOrganIds(await listOrgans(db), organId)];
  for (const name of new Set(names)) {
    const t = name.trim();
    const title = t.replace(/^《(.*)》$/, '$1');
    const found = (await findAmendingCandidates(db, organs, t, 5))
      .filter((f) => f.indexNumber === t || f.title === title || (f.documentNumber !== null && documentNumberSpellings(t).includes(f.documentNumber)));
    const items: AmendingCandidate[] = [];
    for (const f of found) {
      const p = (await findPublication(db, f.id))!;
      items.push({
        id: p.id, organId: p.organId, indexNumber: p.indexNumber, itemKind: p.itemKind, status: p.status, title: p.title, documentNumber: p.documentNumber,
        formedOn: p.formedOn, formedOnSet: p.formedOnSet, publishedOn: p.publishedOn,
      });
    }
    out.set(name, items);
  }
  return out;
}

/**
 * Links an imported item, in the importer's transaction, once every item of the file is in: the
 * policies it explains, the item that replaces it, the documents that amended it (publication_amendments,
 * as 标记已修改 records them, ADR 0026), the 事项 it fulfils and its 图解 picture (one of its attachments,
 * by file name). The importer has checked each link before.
 */
export async function linkImportedItem(
  trx: Executor, id: number,
  links: { policyIds: number[]; replacedById: number | null; amendingIds?: number[]; matterId: number | null; graphicFileName: string | null }, at: string,
): Promise<void> {
  const graphic = links.graphicFileName === null ? null : (await listAttachments(trx, id)).find((a) => a.fileName === links.graphicFileName)?.id ?? null;
  await setImportedReferences(trx, id, { replacedById: links.replacedById, matterId: links.matterId, graphicAttachmentId: graphic });
  if (links.policyIds.length) await replaceInterpretedPolicies(trx, id, links.policyIds, at);
  for (const amendingId of new Set(links.amendingIds ?? [])) await insertAmendment(trx, id, amendingId, chinaDateOf(new Date(at)), null);
}
