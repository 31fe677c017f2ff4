import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, PagedList, Pagination, treeDepthClass, type FieldErrors } from '../../../../platform/views/components.tsx';
import { inTreeOrder, pathTo } from '../../domain/catalog-tree.ts';
import { DEFAULT_POLICY_NODE_NAMES, MAX_INTERPRETATION_WORKING_DAYS } from '../../domain/interpretation.ts';
import type { Organ } from '../../domain/organ.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { AwaitingInterpretation } from '../../use-cases/interpretations.ts';
import type { StaffContext } from '../staff-context.ts';

/** How an organ's rule reads: which nodes (with what is below them) and how many working days. */
function RuleSummary({ organ, nodes, roots, workingDays, chosen, canAdmin }: {
  organ: Organ; nodes: CatalogNode[]; roots: number[]; workingDays: number; chosen: boolean; canAdmin: boolean;
}) {
  const names = roots.map((id) => pathTo(nodes, id).map((n) => n.name).join(' > '));
  return (
    <p>
      须有政策解读的信息：放在{names.length ? names.map((n, i) => <>{i > 0 && '、'}“{n}”</>) : '（未选择任何栏目）'}
      {names.length > 0 && '及其下级栏目'}中的有效文件，发布后 <strong>{workingDays}</strong> 个工作日内应发布解读
      （{chosen ? '本机关设置' : `默认：名为“${DEFAULT_POLICY_NODE_NAMES.join('”或“')}”的栏目、3 个工作日`}）。
      {canAdmin && <> <a href={`/admin/organs/${organ.code}/interpretation-settings`}>修改设置</a></>}
    </p>
  );
}

/**
 * The policies of an organ that need an interpretation and have no published one: overdue first
 * (since when), then those still within their working days, each with a link to write one.
 */
export function AwaitingInterpretationPage({ scope, organ, nodes, roots, workingDays, chosen, items, total, page, pageSize }: {
  scope: StaffContext; organ: Organ; nodes: CatalogNode[]; roots: number[]; workingDays: number; chosen: boolean;
  items: AwaitingInterpretation[]; total: number; page: number; pageSize: number;
}) {
  const title = `政策解读：${organ.name}`;
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <RuleSummary organ={organ} nodes={nodes} roots={roots} workingDays={workingDays} chosen={chosen} canAdmin={scope.canAdmin(organ)} />
      <h2>等待发布解读的政策文件</h2>
      <PagedList page={page} pageSize={pageSize} total={total} empty={<p>没有等待解读的政策文件：须有解读的政策文件都已发布解读（或尚无这样的文件）。</p>}>
        <table class="list cards">
          <thead><tr><th scope="col">政策文件</th><th scope="col">文号</th><th scope="col">发布日期</th><th scope="col">解读期限</th><th scope="col">状态</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td><a href={`/admin/publications/${p.id}`}>{p.title}</a></td>
                <td class="nowrap" data-label="文号">{p.documentNumber ?? '—'}</td>
                <td class="nowrap" data-label="发布日期">{p.publishedOn}</td>
                <td class="nowrap" data-label="解读期限">{p.dueOn}</td>
                <td data-label="状态">{p.overdueSince ? <strong class="status-returned">自 {p.overdueSince} 起逾期</strong> : '未到期'}</td>
                <td class="actions"><a class="btn btn-small" href={`/admin/organs/${organ.code}/publications/new?interprets=${p.id}`} aria-label={`为“${p.title}”撰写解读`}>撰写解读</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </PagedList>
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `/admin/organs/${organ.code}/interpretations?page=${p}`} />
      <p class="hint">解读经本机关审核流程发布后，对应的政策文件即从本列表和“待办”中移除。期限按工作日日历计算（法定节假日和调休以国务院办公厅通知为准）。</p>
    </AdminLayout>
  );
}

/** The organ administrator chooses the nodes whose items need an interpretation, and the working days. */
export function InterpretationSettingsPage({ scope, organ, nodes, checked, workingDays, chosen, errors }: {
  scope: StaffContext; organ: Organ; nodes: CatalogNode[]; checked: Set<number>; workingDays: string; chosen: boolean; errors: FieldErrors;
}) {
  const title = `政策解读设置：${organ.name}`;
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <p>
        放在所选栏目（及其下级栏目）中的有效文件，经本平台发布后须在规定的工作日内发布政策解读，逾期未发布的列入“待办”。
        {chosen ? '以下为本机关的设置。' : `本机关尚未设置，目前按默认：名为“${DEFAULT_POLICY_NODE_NAMES.join('”或“')}”的栏目，3 个工作日。`}
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/organs/${organ.code}/interpretation-settings`} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <fieldset id="f-nodeIds" class={errors.nodeIds ? 'field-error' : ''}>
          <legend>须有政策解读的栏目（勾选的栏目包括其下级栏目）</legend>
          {errors.nodeIds && <p class="error-message">{errors.nodeIds}</p>}
          {nodes.length === 0 && <p>本机关还没有公开目录栏目。</p>}
          {inTreeOrder(nodes).map((n) => (
            <div key={n.id} class={`tree-item ${treeDepthClass(n.depth)}`}>
              <label><input type="checkbox" name="nodeIds" value={String(n.id)} checked={checked.has(n.id)} /> {pathTo(nodes, n.id).map((p) => p.name).join(' > ')}</label>
            </div>
          ))}
        </fieldset>
        <Field name="workingDays" label="解读期限（工作日）" errors={errors} required hint={`政策文件发布后多少个工作日内应发布解读，1–${MAX_INTERPRETATION_WORKING_DAYS}；本项目默认 3 个工作日`}>
          <input id="f-workingDays" name="workingDays" value={workingDays} inputMode="numeric" />
        </Field>
        <div class="actions"><button class="btn" type="submit">保存</button><a href={`/admin/organs/${organ.code}/interpretations`}>返回</a></div>
      </form>
    </AdminLayout>
  );
}
