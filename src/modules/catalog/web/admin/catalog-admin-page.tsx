import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import { inTreeOrder, pathTo, subtreeIds, type TreeBranch } from '../../domain/catalog-tree.ts';
import type { Organ } from '../../domain/organ.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { DirectoryMatter } from '../../storage/directory-matters-repository.ts';
import type { StaffContext } from '../staff-context.ts';

type Branch = TreeBranch<CatalogNode>;

/** A node's required 事项 (docs/standard-directories.md) with how many published items name each. */
export type NodeMatters = Map<number, { matter: DirectoryMatter; items: number }[]>;

/**
 * The 事项 of the node being edited: name, 公开依据, 公开时限 and how many published items fulfil
 * each, with a link to write the missing one. They come from the template import and are read-only here.
 */
function NodeMattersSection({ organ, node, matters }: { organ: Organ; node: CatalogNode; matters: { matter: DirectoryMatter; items: number }[] }) {
  const missing = matters.filter((m) => m.items === 0).length;
  // The template's area as the import marked the node, else the template's id (a file of one's own).
  const source = node.isStandardDirectory && node.standardArea ? node.standardArea : [...new Set(matters.map((m) => m.matter.templateId))].join('、');
  return (
    <section aria-labelledby="matters-h" class="panel">
      <h2 id="matters-h">本栏目的标准目录事项（{matters.length} 项，{missing} 项尚无已发布信息）</h2>
      <table class="list" aria-labelledby="matters-h">
        <thead><tr><th scope="col">事项</th><th scope="col">公开依据</th><th scope="col">公开时限</th><th scope="col">已发布信息</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {matters.map(({ matter, items }) => (
            <tr key={matter.id}>
              <th scope="row">{matter.name}</th><td>{matter.legalBasis}</td><td>{matter.timeLimit}</td>
              <td>{items === 0 ? <strong>无（缺）</strong> : `${items} 条`}</td>
              <td><a href={`/admin/organs/${organ.code}/publications/new?matter=${matter.id}`} aria-label={`为事项“${matter.name}”新增信息`}>{items === 0 ? '补发信息' : '新增信息'}</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        事项及其公开依据、公开时限来自导入的基层政务公开标准目录模板（{source}），此处只读；
        模板更新后在<a href={`/admin/organs/${organ.code}/standard-directories`}>导入标准目录</a>页重新导入即可更新。
        栏目“{node.name}”改名、移动时事项仍属本栏目，合并时移入目标栏目，拆分时随对应的全部信息移入新栏目；调整前的预览逐项列出。<a href={`/admin/organs/${organ.code}/supervision/matters`}>全部事项公开情况</a>
      </p>
    </section>
  );
}

/** Add, rename, move, order and remove catalog nodes. Every action is a plain form (no JavaScript). */
export function CatalogAdminPage({ scope, organ, tree, nodes, errors, values, editing, matters = new Map() }: {
  scope: StaffContext; organ: Organ; tree: Branch[]; nodes: CatalogNode[]; errors: FieldErrors; values: Record<string, string>; editing: CatalogNode | null;
  matters?: NodeMatters;
}) {
  const label = (n: CatalogNode) => pathTo(nodes, n.id).map((p) => p.name).join(' > ');
  const parentOptions = (selected: string, excludeId?: number) => (
    <>
      <option value="">（顶级栏目）</option>
      {/* A node cannot move under itself or its own sub-nodes, so those are not offered. */}
      {inTreeOrder(nodes).filter((n) => excludeId === undefined || !subtreeIds(nodes, excludeId).includes(n.id)).map((n) => <option value={String(n.id)} selected={selected === String(n.id)}>{label(n)}</option>)}
    </>
  );
  const hidden = <input type="hidden" name="_csrf" value={scope.csrf} />;
  const base = `/admin/organs/${organ.code}/catalog`;
  const renderTree = (list: Branch[]) => (
    <ul class="tree">
      {list.map((n, i) => (
        <li key={n.id}>
          <span>{n.name}</span>
          {n.isStandardDirectory && <span class="count">（标准目录：{n.standardArea}）</span>}
          {(() => {
            const own = matters.get(n.id) ?? [];
            if (own.length === 0) return null;
            const missing = own.filter((m) => m.items === 0).length;
            return <a class="count" href={`${base}?edit=${n.id}#matters-h`} aria-label={`事项 ${own.length} 项${missing > 0 ? `，缺 ${missing} 项` : '，均已公开'}：栏目 ${n.name} 的标准目录事项`}>事项 {own.length} 项{missing > 0 ? `，缺 ${missing} 项` : '，均已公开'}</a>;
          })()}
          <span class="actions actions-inline">
            <a href={`${base}?edit=${n.id}`} aria-label={`修改/移动栏目 ${n.name}`}>修改/移动</a>
            <a href={`${base}/changes?nodeId=${n.id}`} aria-label={`调整栏目 ${n.name}（改名、移动、合并、拆分）`}>调整</a>
            {i > 0 && <form class="inline-form" method="post" action={`${base}/${n.id}/up`}>{hidden}<button class="btn btn-small btn-secondary" type="submit" aria-label={`上移 ${n.name}`}>上移</button></form>}
            {i < list.length - 1 && <form class="inline-form" method="post" action={`${base}/${n.id}/down`}>{hidden}<button class="btn btn-small btn-secondary" type="submit" aria-label={`下移 ${n.name}`}>下移</button></form>}
            <form class="inline-form" method="post" action={`${base}/${n.id}/delete`}>{hidden}<button class="btn btn-small btn-secondary" type="submit" aria-label={`删除 ${n.name}${(matters.get(n.id) ?? []).length ? `（连同其 ${(matters.get(n.id) ?? []).length} 项标准目录事项，记入审计日志）` : ''}`}>删除</button></form>
          </span>
          {n.children.length > 0 && renderTree(n.children)}
        </li>
      ))}
    </ul>
  );
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title={`公开目录：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>公开目录：{organ.name}</h1>
      <ErrorSummary errors={errors} />
      <div class="grid">
        <section aria-labelledby="form-h" class="panel">
          <h2 id="form-h">{editing ? `修改栏目“${editing.name}”` : '新增栏目'}</h2>
          <form method="post" action={editing ? `${base}/${editing.id}` : base} novalidate>
            {hidden}
            <Field name="name" label="栏目名称" errors={errors} required>
              <input id="f-name" name="name" value={v('name')} />
            </Field>
            <Field name="parentId" label="上级栏目" errors={errors}>
              <select id="f-parentId" name="parentId">{parentOptions(v('parentId'), editing?.id)}</select>
            </Field>
            <div class="field">
              <label><input type="checkbox" name="isStandardDirectory" value="on" checked={v('isStandardDirectory') === 'on'} /> 基层政务公开标准目录栏目</label>
            </div>
            <Field name="standardArea" label="标准目录领域" errors={errors} hint="如 保障性住房、农村危房改造；不填则用栏目名称">
              <input id="f-standardArea" name="standardArea" value={v('standardArea')} />
            </Field>
            <Field name="description" label="栏目说明" errors={errors}>
              <textarea id="f-description" name="description">{v('description')}</textarea>
            </Field>
            <div class="actions">
              <button class="btn" type="submit">{editing ? '保存修改' : '新增栏目'}</button>
              {editing && <a href={base}>取消</a>}
            </div>
          </form>
          {editing && (matters.get(editing.id)?.length ?? 0) > 0 && <p><a href="#matters-h">本栏目的标准目录事项（{matters.get(editing.id)!.length} 项）见下方</a></p>}
        </section>
        <section aria-labelledby="tree-h">
          <h2 id="tree-h">目录结构</h2>
          <p><a href={`${base}/changes`}>调整公开目录（改名、移动、合并、拆分，先预览）</a> · <a href={`${base}/history`}>目录调整记录</a> · <a href={`/admin/organs/${organ.code}/standard-directories`}>导入基层政务公开标准目录</a></p>
          {tree.length === 0 ? <p>尚无栏目。</p> : renderTree(tree)}
        </section>
      </div>
      {/* Full width below the form and the tree: the 公开依据 texts are long. */}
      {editing && (matters.get(editing.id)?.length ?? 0) > 0 && <NodeMattersSection organ={organ} node={editing} matters={matters.get(editing.id)!} />}
    </AdminLayout>
  );
}
