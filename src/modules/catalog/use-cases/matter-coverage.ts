import { inTreeOrder, pathTo } from '../domain/catalog-tree.ts';
import { listCatalogNodes } from '../storage/catalog-nodes-repository.ts';
import { listDirectoryMatters, publishedCountsByMatter, type DirectoryMatter } from '../storage/directory-matters-repository.ts';
import type { Executor } from '../storage/executor.ts';

export type MatterCoverageRow = { matter: DirectoryMatter; nodePath: string[]; items: number; lastPublishedOn: string | null };
export type MatterCoverage = { total: number; missing: number; rows: MatterCoverageRow[] };

/**
 * Per required 事项 of an organ's standard directories: how many published items name it and when
 * the newest was published; `missing` counts the 事项 with none yet (docs/standard-directories.md).
 */
export async function matterCoverage(db: Executor, organId: number): Promise<MatterCoverage> {
  const [nodes, matters, counts] = await Promise.all([listCatalogNodes(db, organId), listDirectoryMatters(db, organId), publishedCountsByMatter(db, organId)]);
  const order = new Map(inTreeOrder(nodes).map((n, i) => [n.id, i]));
  const rows = [...matters]
    .sort((a, b) => (order.get(a.nodeId) ?? 0) - (order.get(b.nodeId) ?? 0) || a.sortOrder - b.sortOrder || a.id - b.id)
    .map((matter) => ({
      matter, nodePath: pathTo(nodes, matter.nodeId).map((n) => n.name), items: counts.get(matter.id)?.items ?? 0, lastPublishedOn: counts.get(matter.id)?.lastPublishedOn ?? null,
    }));
  return { total: rows.length, missing: rows.filter((r) => r.items === 0).length, rows };
}
