import type { TreeBranch } from '../../domain/catalog-tree.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import { nodeUrl } from './portal-request.ts';

type Branch = TreeBranch<CatalogNode & { count?: number }>;

export function CatalogTreeNav({ organCode, tree, currentId }: { organCode: string; tree: Branch[]; currentId?: number }) {
  const render = (list: Branch[]) => (
    <ul>
      {list.map((n) => (
        <li key={n.id}>
          <a href={nodeUrl(organCode, n.id)} aria-current={n.id === currentId ? 'page' : undefined}>{n.name}</a>
          {n.count !== undefined && <span class="count">（{n.count}）</span>}
          {n.isStandardDirectory && <span class="count" title={`基层政务公开标准目录：${n.standardArea ?? n.name}`}> 标准目录</span>}
          {n.children.length > 0 && render(n.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav class="panel tree-panel" aria-label="公开目录">
      <h2>公开目录</h2>
      <div class="tree">{render(tree)}</div>
    </nav>
  );
}
