import type { Executor } from '../storage/executor.ts';
import { pathTo } from '../domain/catalog-tree.ts';
import { docTypeWarnings, type DocTypeWarning } from '../domain/doc-type-warnings.ts';
import type { Publication } from '../domain/publication.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { listCatalogNodes } from '../storage/catalog-nodes-repository.ts';
import { findPublication } from '../storage/publications-repository.ts';
import { policyUnpublishedWarnings, type PolicyUnpublishedWarning } from '../domain/policy-unpublished-warning.ts';

/**
 * The 文件类型 warnings of a saved item (domain/doc-type-warnings.ts), its columns named by their paths
 * as the item form names them (政策文件 > 规范性文件): what the API answers a POST or PUT with.
 */
export async function docTypeWarningsOf(db: Executor, p: Publication): Promise<DocTypeWarning[]> {
  const [organ, nodes] = await Promise.all([findOrganById(db, p.organId), listCatalogNodes(db, p.organId)]);
  const nodeNames = p.nodeIds.filter((id) => nodes.some((n) => n.id === id)).map((id) => pathTo(nodes, id).map((n) => n.name).join(' > '));
  return docTypeWarnings({ docType: p.docType, documentNumber: p.documentNumber ?? '', nodeNames, organKind: organ!.kind });
}

/**
 * What saving a 政策解读 tells of its policies not yet published (domain/policy-unpublished-warning.ts, ADR 0054): the API's
 * POST and PUT answer it among their `warnings`, the item form's 保存 with its message. Empty for a document.
 */
export async function policyUnpublishedWarningsOf(db: Executor, p: Publication): Promise<PolicyUnpublishedWarning[]> {
  if (p.itemKind !== 'interpretation') return [];
  const policies = (await Promise.all(p.policyIds.map((id) => findPublication(db, id)))).filter((x): x is Publication => x !== null);
  return policyUnpublishedWarnings(p.itemKind, policies);
}
