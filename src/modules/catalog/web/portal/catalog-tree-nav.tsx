import type { TreeBranch } from '../../domain/catalog-tree.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import { nodePath } from '../../domain/portal-paths.ts';

type Branch = TreeBranch<CatalogNode & { count?: number }>;

export function CatalogTreeNav({ organCode, tree, currentId }: { organCode: string; tree: Branch[]; currentId?: number }) {
  const render = (list: Branch[]) => (
    <ul>
      {list.map((n) => (
        <li key={n.id}>
          <a href={nodePath(organCode, n.id)} aria-current={n.id === currentId ? 'page' : undefined}>{n.name}</a>
          {n.count !== undefined && <span class="count">（{n.count}）</span>}
          {n.isStandardDirectory && <span class="count" title={`基层政务公开标准目录：${n.standardArea ?? n.name}`}> 标准目录</span>}
          {n.children.length > 0 && render(n.children)}
        </li>
      ))}
    </ul>
  );
  // A wide screen shows the tree beside the list; a phone folds it into one control above the list,
  // so the items come first (issue 15). Only one of the two is displayed at a time.
  return (
    <>
      <details class="tree-toggle narrow-only">
        <summary>公开目录（点击展开）</summary>
        <nav aria-label="公开目录"><div class="tree">{render(tree)}</div></nav>
      </details>
      <nav class="panel tree-panel wide-only" aria-label="公开目录">
        <h2>公开目录</h2>
        <div class="tree">{render(tree)}</div>
      </nav>
    </>
  );
}
