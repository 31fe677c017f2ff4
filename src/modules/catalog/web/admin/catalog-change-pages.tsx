import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, PagedList, Pagination, type FieldErrors } from '../../../../platform/views/components.tsx';
import { chinaTimeOf } from '../../../../shared/iso-date.ts';
import { CATALOG_CHANGE_KINDS, CATALOG_CHANGE_LABELS, type CatalogChangeKind, type CatalogChangePlan, type PlacedItem } from '../../domain/catalog-change.ts';
import { describeCatalogChange } from '../../domain/catalog-change-text.ts';
import { inTreeOrder, pathTo, subtreeIds } from '../../domain/catalog-tree.ts';
import { PUBLICATION_STATUS_LABELS, type PublicationStatus } from '../../domain/labels.ts';
import type { Organ } from '../../domain/organ.ts';
import type { CatalogChangeRecord } from '../../storage/catalog-changes-repository.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { StaffContext } from '../staff-context.ts';

const base = (organ: Organ) => `/admin/organs/${organ.code}/catalog`;
// Long 索引号 and addresses wrap inside their cell, so the table fits a phone without scrolling.
const statusLabel = (s: string) => PUBLICATION_STATUS_LABELS[s as PublicationStatus] ?? s;
const KIND_HINTS: Record<CatalogChangeKind, string> = {
  rename: '只改栏目名称，栏目地址不变。',
  move: '连同下级栏目和其中的信息移到本机关目录的另一个位置，栏目地址不变。',
  merge: '本栏目的信息移入目标栏目，下级栏目移到目标栏目下，然后删除本栏目；本栏目的旧地址和订阅地址永久转向目标栏目。',
  split: '新建一个栏目（与本栏目同级或作为下级），把选中的信息从本栏目移入新栏目。',
};

/**
 * Step one of a safe catalog change: the node, the way (改名、移动、合并、拆分) and what it needs. The
 * form asks for a preview (GET); nothing changes before the preview's confirmation.
 */
export function CatalogChangeFormPage({ scope, organ, nodes, node, kind, items, values, errors }: {
  scope: StaffContext; organ: Organ; nodes: CatalogNode[]; node: CatalogNode | null; kind: CatalogChangeKind; items: PlacedItem[];
  values: Record<string, string | string[]>; errors: FieldErrors;
}) {
  const label = (id: number) => pathTo(nodes, id).map((n) => n.name).join(' > ');
  const v = (k: string) => { const x = values[k]; return Array.isArray(x) ? x[0] ?? '' : x ?? ''; };
  const chosenItems = new Set(([] as string[]).concat(values.itemIds ?? []));
  const title = `调整公开目录：${organ.name}`;
  const ordered = inTreeOrder(nodes);
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <p><a href={base(organ)}>返回公开目录</a> · <a href={`${base(organ)}/history`}>目录调整记录</a></p>
      <ErrorSummary errors={errors} />
      <form method="get" action={`${base(organ)}/changes`} class="panel">
        <Field name="nodeId" label="要调整的栏目" errors={errors} required>
          <select id="f-nodeId" name="nodeId">
            <option value="">（请选择）</option>
            {ordered.map((n) => <option value={String(n.id)} selected={node?.id === n.id}>{label(n.id)}</option>)}
          </select>
        </Field>
        <fieldset class="field">
          <legend>调整方式</legend>
          {errors.kind && <p class="error-message" id="e-kind">{errors.kind}</p>}
          {CATALOG_CHANGE_KINDS.map((k, i) => (
            <label class="block-label"><input id={i === 0 ? 'f-kind' : undefined} type="radio" name="kind" value={k} checked={k === kind} /> {CATALOG_CHANGE_LABELS[k]}：{KIND_HINTS[k]}</label>
          ))}
        </fieldset>
        <div class="actions"><button class="btn btn-secondary" type="submit">选择</button></div>
      </form>
      {node && (
        <section aria-labelledby="change-h" class="panel">
          <h2 id="change-h">{CATALOG_CHANGE_LABELS[kind]}栏目“{label(node.id)}”</h2>
          <p class="hint">{KIND_HINTS[kind]}提交后先显示预览，确认后才会调整。</p>
          <form method="get" action={`${base(organ)}/changes/preview`} novalidate>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="nodeId" value={String(node.id)} />
            {kind === 'rename' && (
              <Field name="name" label="新名称" errors={errors} required>
                <input id="f-name" name="name" value={v('name') || node.name} maxLength={60} />
              </Field>
            )}
            {kind === 'move' && (
              <Field name="parentId" label="新的上级栏目" errors={errors}>
                <select id="f-parentId" name="parentId">
                  <option value="">（顶级栏目）</option>
                  {/* A node cannot move under itself or its own sub-nodes, so those are not offered. */}
                  {ordered.filter((n) => !subtreeIds(nodes, node.id).includes(n.id)).map((n) => <option value={String(n.id)} selected={v('parentId') === String(n.id)}>{label(n.id)}</option>)}
                </select>
              </Field>
            )}
            {kind === 'merge' && (
              <Field name="intoId" label="并入的栏目" errors={errors} required>
                <select id="f-intoId" name="intoId">
                  <option value="">（请选择）</option>
                  {ordered.filter((n) => !subtreeIds(nodes, node.id).includes(n.id)).map((n) => <option value={String(n.id)} selected={v('intoId') === String(n.id)}>{label(n.id)}</option>)}
                </select>
              </Field>
            )}
            {kind === 'split' && (
              <>
                <Field name="name" label="新栏目名称" errors={errors} required>
                  <input id="f-name" name="name" value={v('name')} maxLength={60} />
                </Field>
                <fieldset class={`field${errors.placement ? ' field-error' : ''}`}>
                  <legend>新栏目的位置</legend>
                  {errors.placement && <p class="error-message" id="e-placement">{errors.placement}</p>}
                  <label class="block-label"><input id="f-placement" type="radio" name="placement" value="sibling" checked={v('placement') !== 'child'} /> 与“{node.name}”同级</label>
                  <label class="block-label"><input type="radio" name="placement" value="child" checked={v('placement') === 'child'} /> 作为“{node.name}”的下级</label>
                </fieldset>
                <fieldset class={`field${errors.itemIds ? ' field-error' : ''}`} id="f-itemIds" tabIndex={-1}>
                  <legend>移入新栏目的信息</legend>
                  {errors.itemIds && <p class="error-message" id="e-itemIds">{errors.itemIds}</p>}
                  {items.length === 0 ? <p>该栏目中没有信息。</p> : items.map((i) => (
                    <label class="block-label">
                      <input type="checkbox" name="itemIds" value={String(i.id)} checked={chosenItems.has(String(i.id))} /> {i.title}（{i.indexNumber ?? '未编索引号'}，{statusLabel(i.status)}）
                    </label>
                  ))}
                </fieldset>
              </>
            )}
            <div class="actions"><button class="btn" type="submit">预览调整</button></div>
          </form>
        </section>
      )}
    </AdminLayout>
  );
}

/** Step two: exactly what will move, and the confirmation (a POST with the CSRF token and the version seen). */
export function CatalogChangePreviewPage({ scope, organ, plan, fields, version }: {
  scope: StaffContext; organ: Organ; plan: CatalogChangePlan; fields: [string, string][]; version: number;
}) {
  const title = `预览目录调整：${organ.name}`;
  const back = `${base(organ)}/changes?${new URLSearchParams(fields).toString()}`;
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <p><strong>{plan.summary}</strong></p>
      <section aria-labelledby="nodes-h">
        <h2 id="nodes-h">栏目变化（{plan.nodesMoved.length} 个）</h2>
        <table class="list">
          <thead><tr><th scope="col">调整前</th><th scope="col">调整后</th></tr></thead>
          <tbody>{plan.nodesMoved.map((n) => <tr key={n.id}><td>{n.before}</td><td>{n.after}</td></tr>)}</tbody>
        </table>
      </section>
      <section aria-labelledby="items-h">
        <h2 id="items-h">移动的信息（{plan.itemsMoved.length} 条）</h2>
        {plan.itemsMoved.length === 0 ? <p>信息都留在原来的栏目中。</p> : (
          <table class="list">
            <thead><tr><th scope="col">索引号（不变）</th><th scope="col">标题</th><th scope="col">状态</th><th scope="col">说明</th></tr></thead>
            <tbody>
              {plan.itemsMoved.map((i) => (
                <tr key={i.id}>
                  <td class="wrap-anywhere">{i.indexNumber ?? '—'}</td><td>{i.title}</td><td>{statusLabel(i.status)}</td>
                  <td>{i.to === null ? '移入新栏目' : i.alreadyThere ? '已在目标栏目中，只移出本栏目' : '移入目标栏目'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="matters-h">
        <h2 id="matters-h">标准目录事项（{plan.mattersMoved.length} 项）</h2>
        {plan.mattersMoved.length === 0 ? <p>{plan.kind === 'split' ? '所选信息不对应本栏目的标准目录事项，事项都留在原栏目。' : '涉及的栏目没有标准目录事项。'}</p> : (
          <table class="list" aria-labelledby="matters-h">
            <thead><tr><th scope="col">事项</th><th scope="col">调整前所在栏目</th><th scope="col">调整后所在栏目</th><th scope="col">说明</th></tr></thead>
            <tbody>{plan.mattersMoved.map((m) => <tr key={m.id}><th scope="row">{m.name}</th><td>{m.before}</td><td>{m.after}</td><td>{m.note}</td></tr>)}</tbody>
          </table>
        )}
        {plan.mattersMoved.length > 0 && <p class="hint">信息对应的事项不变；事项的公开依据、公开时限不变。</p>}
      </section>
      <section aria-labelledby="urls-h">
        <h2 id="urls-h">转向的地址（{plan.redirects.length} 个）</h2>
        {plan.redirects.length === 0 ? <p>栏目和信息的地址都按编号，不随名称和位置变化，所有地址照常可用，无需转向。</p> : (
          <table class="list">
            <thead><tr><th scope="col">原地址</th><th scope="col">永久转向（301）到</th></tr></thead>
            <tbody>{plan.redirects.map((r) => <tr key={r.fromPath}><td class="wrap-anywhere"><code>{r.fromPath}</code></td><td class="wrap-anywhere"><code>{r.toPath}</code></td></tr>)}</tbody>
          </table>
        )}
        <p class="hint">信息的地址（/organs/{organ.code}/items/编号）不含栏目，调整后不变；索引号不变。</p>
      </section>
      <form method="post" action={`${base(organ)}/changes`}>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <input type="hidden" name="version" value={String(version)} />
        {fields.map(([k, val]) => <input type="hidden" name={k} value={val} />)}
        <div class="actions">
          <button class="btn" type="submit">确认调整</button>
          <a href={back}>返回修改</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/**
 * The organ's catalog history: every change, newest first, as a sentence (what was done, the nodes by
 * their path of names, how many items moved, the 事项 that went with them, old → new addresses), with
 * who and when (China time).
 */
export function CatalogHistoryPage({ scope, organ, items, total, page, pageSize }: {
  scope: StaffContext; organ: Organ; items: CatalogChangeRecord[]; total: number; page: number; pageSize: number;
}) {
  const title = `目录调整记录：${organ.name}`;
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <p><a href={base(organ)}>返回公开目录</a> · <a href={`${base(organ)}/changes`}>调整公开目录</a></p>
      <PagedList page={page} pageSize={pageSize} total={total} empty={<p>公开目录还没有调整过。</p>}>
        <table class="list">
          <thead><tr><th scope="col">时间（北京时间）</th><th scope="col">操作人</th><th scope="col">方式</th><th scope="col">调整内容</th></tr></thead>
          <tbody>
            {items.map((c) => {
              const { sentence, redirects } = describeCatalogChange(organ.code, c);
              return (
                <tr key={c.id}>
                  <td class="nowrap">{chinaTimeOf(c.changedAt)}</td>
                  <td>{c.actorLabel}</td>
                  <td class="nowrap">{CATALOG_CHANGE_LABELS[c.kind as CatalogChangeKind] ?? c.kind}</td>
                  <td>
                    <p>{sentence}</p>
                    {redirects.length > 0 && (
                      <ul>{redirects.map((r) => <li key={r.fromPath} class="wrap-anywhere">原地址 <code>{r.fromPath}</code> → 永久转向 <code>{r.toPath}</code></li>)}</ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </PagedList>
      <Pagination page={page} pageSize={pageSize} total={total} href={(p) => `${base(organ)}/history?page=${p}`} />
    </AdminLayout>
  );
}
