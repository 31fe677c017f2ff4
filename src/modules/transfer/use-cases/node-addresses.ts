import { dropRedirectsFrom, findOrganByCode, listCatalogNodes, nodeNumbersTaken, nodePaths, recordRedirect, type Executor, type ImportedNode, type Organ } from '../../catalog/index.ts';
import { nodeOfPagePath } from '../domain/item-page-path.ts';

/**
 * An imported catalog node's addresses (docs/import-export.md "Addresses"), as item-addresses.ts does
 * for items. An export lists each node's page on the installation it came from
 * (`/organs/CODE/catalog/N`) and the old addresses that led there, in 原网址. On import a node the
 * organ does not have yet keeps its number N when the organ's code is the same and no node has N yet
 * — so an export imported into an empty database keeps every node address — and every other former
 * address answers 301 to the node's page; a former node page's two feeds answer 301 to the new feeds.
 */

/** A node of the file with its place in the file and its former addresses (canonical keys). */
export type FileNode = ImportedNode & { at: string; oldPaths: string[] };

const pathKey = (n: { path: string[] }) => n.path.join('/');

/**
 * The nodes with the numbers they keep (`id`), and the highest number of this organ's node pages the
 * file names: the node counter moves past it, so that no node made without a number takes a former
 * address. A number is kept by the first node of its path that the organ does not have yet, when no
 * node of any organ has it.
 */
export async function keptNodeNumbers(db: Executor, organ: Organ, nodes: FileNode[]): Promise<{ nodes: FileNode[]; reserveUpTo: number }> {
  const existing = await existingPaths(db, organ);
  const own = (n: FileNode) => n.oldPaths.map(nodeOfPagePath).filter((p) => p !== null && p.organCode === organ.code).map((p) => p!.id);
  const wanted = nodes.map((n) => (existing.has(pathKey(n)) ? undefined : own(n)[0]));
  const taken = await nodeNumbersTaken(db, [...new Set(wanted.filter((n): n is number => n !== undefined))]);
  const claimed = new Set<number>();
  const paths = new Set<string>();
  const kept = nodes.map((n, i) => {
    const id = wanted[i];
    const first = !paths.has(pathKey(n));
    paths.add(pathKey(n));
    if (id === undefined || !first || taken.has(id) || claimed.has(id)) return { ...n, id: undefined };
    claimed.add(id);
    return { ...n, id };
  });
  return { nodes: kept, reserveUpTo: Math.max(0, ...nodes.flatMap(own)) };
}

async function existingPaths(db: Executor, organ: Organ): Promise<Map<string, number>> {
  const nodes = await listCatalogNodes(db, organ.id);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pathOf = (id: number): string => {
    const n = byId.get(id)!;
    return n.parentId === null ? n.name : `${pathOf(n.parentId)}/${n.name}`;
  };
  return new Map(nodes.map((n) => [pathOf(n.id), n.id]));
}

/**
 * The redirects the nodes' former addresses need, each with the node it leads to (`null`: a node
 * this import makes without a number of its own, known once written). An address that is the node's
 * own page, or the page of a node of that organ in this database, is left: a page answers before any
 * redirect (docs/import-export.md says when this can happen).
 */
async function nodeRedirects(db: Executor, organ: Organ, nodes: FileNode[], idOf: (n: FileNode) => number | null) {
  const organs = new Map<string, number | null>();
  const organIdOf = async (code: string) => {
    if (!organs.has(code)) organs.set(code, (await findOrganByCode(db, code))?.id ?? null);
    return organs.get(code)!;
  };
  const taken = await nodeNumbersTaken(db, [...new Set(nodes.flatMap((n) => n.oldPaths.map(nodeOfPagePath)).filter((p) => p !== null).map((p) => p!.id))]);
  const out: { from: string; page: { organCode: string; id: number } | null; node: FileNode; to: number | null }[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    const to = idOf(node);
    for (const from of node.oldPaths) {
      if (seen.has(from)) continue;
      seen.add(from);
      const page = nodeOfPagePath(from);
      if (page && page.organCode === organ.code && page.id === to) continue;
      if (page && taken.has(page.id) && taken.get(page.id) === (await organIdOf(page.organCode))) continue;
      out.push({ from, page, node, to });
    }
  }
  return out;
}

/** How many former node addresses an import would redirect (a dry run's count). */
export async function nodeRedirectsExpected(db: Executor, organ: Organ, nodes: FileNode[]): Promise<number> {
  const existing = await existingPaths(db, organ);
  const { nodes: kept } = await keptNodeNumbers(db, organ, nodes);
  return (await nodeRedirects(db, organ, kept, (n) => existing.get(pathKey(n)) ?? n.id ?? null)).length;
}

/**
 * Records each node's former addresses as redirects to its page (a former node page's feeds to its
 * feeds), once the nodes are written (`byPath`: every node's id by its path). The nodes' pages and
 * feeds are first forgotten as redirect sources. Returns how many addresses now redirect.
 */
export async function recordNodeAddresses(db: Executor, organ: Organ, nodes: FileNode[], byPath: Map<string, number>, reason: string, at: string): Promise<number> {
  await dropRedirectsFrom(db, [...new Set(nodes.flatMap((n) => nodePaths(organ.code, byPath.get(pathKey(n))!)))]);
  const redirects = await nodeRedirects(db, organ, nodes, (n) => byPath.get(pathKey(n)) ?? null);
  for (const r of redirects) {
    const to = nodePaths(organ.code, byPath.get(pathKey(r.node))!);
    const from = r.page ? nodePaths(r.page.organCode, r.page.id) : [r.from];
    for (const [k, f] of from.entries()) await recordRedirect(db, { fromPath: f, toPath: to[k], reason, at });
  }
  return redirects.length;
}
