import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { Actor } from '../../identity/index.ts';
import { DIRECTORY_STAGES, type DirectoryTemplate, type TemplateMatter, type TemplateNode } from '../domain/standard-directory.ts';
import { findCatalogNode, insertCatalogNode, listCatalogNodes, updateCatalogNodeRow, type CatalogNode } from '../storage/catalog-nodes-repository.ts';
import { insertDirectoryMatter, mattersOfTemplate, updateDirectoryMatterRow, type DirectoryMatter } from '../storage/directory-matters-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { audit } from './audit-helper.ts';
import { requireRoleOnOrgan } from './authorize.ts';
import { catalogChanged } from './catalog-changed.ts';

export type DirectoryImportResult = {
  templateId: string;
  areaNodeId: number;
  nodesCreated: number;
  /** Existing nodes found by name (or by their 事项) and marked as standard directory. */
  nodesMarked: number;
  mattersCreated: number;
  mattersUpdated: number;
  mattersUnchanged: number;
};

/**
 * Imports a standard-directory template into an organ's catalog, all in one transaction: the area
 * node under `underNodeId` (or at the top), the template's nodes below it and each node's 事项.
 * Idempotent: a node is found again by its 事项 (wherever it has been renamed or moved to) or by its
 * name under the same parent, a 事项 by its key, so a second import adds nothing and only brings
 * changed template texts up to date. Found nodes are marked as standard directory (国办发〔2019〕54号).
 */
export async function importStandardDirectory(
  deps: AppDeps, actor: Actor, organId: number, template: DirectoryTemplate, underNodeId: number | null,
): Promise<DirectoryImportResult> {
  return deps.db.transaction().execute(async (trx) => {
    await requireRoleOnOrgan(trx, actor, organId, 'organ_admin');
    if (!(await findOrganById(trx, organId))) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', '机关不存在', { httpStatus: 404 });
    if (underNodeId !== null) {
      const under = await findCatalogNode(trx, underNodeId);
      if (!under || under.organId !== organId) throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', '导入位置（上级栏目）不存在或不属于本机关', { httpStatus: 404, field: 'underNodeId' });
    }
    const at = deps.clock.now().toISOString();
    const result = await applyTemplate(trx, organId, template, underNodeId, at);
    await audit(trx, deps, actor, at, {
      action: 'catalog.standard_directory_import', entityType: 'catalog_node', entityId: result.areaNodeId, organId, after: result,
    });
    // The item pages show their 事项's basis and time limit: any change is a change of what the portal shows.
    if (result.nodesCreated || result.nodesMarked || result.mattersCreated || result.mattersUpdated) await catalogChanged(trx, organId, at);
    return result;
  });
}

/** The writes of an import inside the caller's transaction (the demo seed uses it too). */
export async function applyTemplate(trx: Executor, organId: number, t: DirectoryTemplate, underNodeId: number | null, at: string): Promise<DirectoryImportResult> {
  const nodes = await listCatalogNodes(trx, organId);
  const existing = new Map((await mattersOfTemplate(trx, organId, t.id)).map((m) => [m.key, m]));
  const r: DirectoryImportResult = { templateId: t.id, areaNodeId: 0, nodesCreated: 0, nodesMarked: 0, mattersCreated: 0, mattersUpdated: 0, mattersUnchanged: 0 };

  const place = async (name: string, description: string, parentId: number | null, holdsMatters: TemplateMatter[]): Promise<number> => {
    // A node that already holds one of its 事项 is that node, even after a rename or a move.
    const byMatter = holdsMatters.map((m) => existing.get(m.key)?.nodeId).find((id) => id !== undefined && nodes.some((n) => n.id === id));
    const found = byMatter !== undefined ? nodes.find((n) => n.id === byMatter) : nodes.find((n) => n.parentId === parentId && n.name.trim() === name);
    if (found) {
      if (!found.isStandardDirectory) {
        await updateCatalogNodeRow(trx, found.id, { is_standard_directory: 1, standard_area: t.area, updated_at: at });
        found.isStandardDirectory = true;
        r.nodesMarked++;
      }
      return found.id;
    }
    const siblings = nodes.filter((n) => n.parentId === parentId);
    const node: CatalogNode = {
      id: 0, organId, parentId, name, sortOrder: Math.max(0, ...siblings.map((s) => s.sortOrder)) + 1, isStandardDirectory: true, standardArea: t.area, description,
    };
    node.id = await insertCatalogNode(trx, {
      organ_id: organId, parent_id: parentId, name, sort_order: node.sortOrder, is_standard_directory: 1, standard_area: t.area, description, created_at: at, updated_at: at,
    });
    nodes.push(node);
    r.nodesCreated++;
    return node.id;
  };

  const putMatters = async (nodeId: number, matters: TemplateMatter[]) => {
    for (const [i, m] of matters.entries()) {
      const values = {
        name: m.name, stage: DIRECTORY_STAGES[m.stage], elements: m.elements, legal_basis: m.legalBasis, time_limit: m.timeLimit, subject: m.subject,
        channels: JSON.stringify(m.channels), audience: m.audience, disclosure_mode: m.mode, levels: JSON.stringify(m.levels), sort_order: i + 1,
      };
      const before = existing.get(m.key);
      if (!before) {
        await insertDirectoryMatter(trx, { ...values, organ_id: organId, node_id: nodeId, template_id: t.id, matter_key: m.key, created_at: at, updated_at: at });
        r.mattersCreated++;
      } else if (differs(before, values) || before.nodeId !== nodeId) {
        await updateDirectoryMatterRow(trx, before.id, { ...values, node_id: nodeId, updated_at: at });
        r.mattersUpdated++;
      } else r.mattersUnchanged++;
    }
  };

  // The area node: by its name under `underNodeId`, else (renamed or moved since the last import) the
  // topmost node of this area above a node that holds one of the template's 事项.
  const byName = nodes.find((n) => n.parentId === underNodeId && n.name.trim() === t.area);
  r.areaNodeId = byName ? await place(t.area, t.title, underNodeId, []) : areaNodeOfEarlierImport(nodes, [...existing.values()], t.area) ?? await place(t.area, t.title, underNodeId, []);
  const walk = async (list: TemplateNode[], parentId: number) => {
    for (const n of list) {
      const id = await place(n.name, n.description ?? '', parentId, n.matters);
      await putMatters(id, n.matters);
      await walk(n.children, id);
    }
  };
  await walk(t.nodes, r.areaNodeId);
  return r;
}

function areaNodeOfEarlierImport(nodes: CatalogNode[], matters: DirectoryMatter[], area: string): number | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const start = matters.map((m) => byId.get(m.nodeId)).find((n) => n !== undefined);
  let node = start;
  while (node?.parentId != null) {
    const parent = byId.get(node.parentId);
    if (!parent || !parent.isStandardDirectory || parent.standardArea !== area) break;
    node = parent;
  }
  return node && node !== start ? node.id : undefined;
}

function differs(m: DirectoryMatter, v: { name: string; stage: string; elements: string; legal_basis: string; time_limit: string; subject: string; channels: string; audience: string; disclosure_mode: string; levels: string; sort_order: number }): boolean {
  return m.name !== v.name || m.stage !== v.stage || m.elements !== v.elements || m.legalBasis !== v.legal_basis || m.timeLimit !== v.time_limit
    || m.subject !== v.subject || JSON.stringify(m.channels) !== v.channels || m.audience !== v.audience || m.mode !== v.disclosure_mode
    || JSON.stringify(m.levels) !== v.levels || m.sortOrder !== v.sort_order;
}

/** What an import did, in a sentence for the flash message and the command line. */
export function importSummaryText(r: DirectoryImportResult): string {
  if (!r.nodesCreated && !r.nodesMarked && !r.mattersCreated && !r.mattersUpdated) return `目录中已有全部栏目和 ${r.mattersUnchanged} 项事项，未做改动`;
  return `新增栏目 ${r.nodesCreated} 个，已有栏目标记为标准目录 ${r.nodesMarked} 个，新增事项 ${r.mattersCreated} 项，更新事项 ${r.mattersUpdated} 项，未变 ${r.mattersUnchanged} 项`;
}
