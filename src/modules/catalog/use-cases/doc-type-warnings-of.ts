import type { Executor } from '../storage/executor.ts';
import { pathTo } from '../domain/catalog-tree.ts';
import { docTypeWarnings, type DocTypeWarning } from '../domain/doc-type-warnings.ts';
import type { Publication } from '../domain/publication.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { listCatalogNodes } from '../storage/catalog-nodes-repository.ts';

/**
 * The 文件类型 warnings of a saved item (domain/doc-type-warnings.ts), its columns named by their paths
 * as the item form names them (政策文件 > 规范性文件): what the API answers a POST or PUT with.
 */
export async function docTypeWarningsOf(db: Executor, p: Publication): Promise<DocTypeWarning[]> {
  const [organ, nodes] = await Promise.all([findOrganById(db, p.organId), listCatalogNodes(db, p.organId)]);
  const nodeNames = p.nodeIds.filter((id) => nodes.some((n) => n.id === id)).map((id) => pathTo(nodes, id).map((n) => n.name).join(' > '));
  return docTypeWarnings({ docType: p.docType, documentNumber: p.documentNumber ?? '', nodeNames, organKind: organ!.kind });
}
