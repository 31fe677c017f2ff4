import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import { inTreeOrder, pathTo } from '../../domain/catalog-tree.ts';
import type { Organ } from '../../domain/organ.ts';
import type { CatalogNode } from '../../storage/catalog-nodes-repository.ts';
import type { TemplateSummary } from '../../use-cases/directory-templates.ts';
import type { StaffContext } from '../staff-context.ts';

export type ImportedArea = { templateId: string; area: string; matters: number; nodePath: string[] };

/**
 * 标准目录 of an organ: the templates shipped with the platform, a form to import one into the
 * catalog (a plain form, no JavaScript), and the areas already imported (docs/standard-directories.md).
 */
export function StandardDirectoryPage({ scope, organ, templates, nodes, imported, errors, values }: {
  scope: StaffContext; organ: Organ; templates: TemplateSummary[]; nodes: CatalogNode[]; imported: ImportedArea[]; errors: FieldErrors; values: Record<string, string>;
}) {
  const label = (n: CatalogNode) => pathTo(nodes, n.id).map((p) => p.name).join(' > ');
  return (
    <AdminLayout title={`标准目录：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>基层政务公开标准目录：{organ.name}</h1>
      <p>
        按国办发〔2019〕54号，基层政府部门按所在领域的标准目录设置公开栏目，每个栏目列明应公开的事项及其依据、时限、主体、渠道、对象和方式。
        导入模板后，目录中出现该领域的栏目和事项；发布信息时可选择它对应的事项，
        <a href={`/admin/organs/${organ.code}/supervision/matters`}>标准目录事项公开情况</a>列出尚无信息的事项。
      </p>
      <ErrorSummary errors={errors} />
      <div class="grid">
        <section aria-labelledby="import-h" class="panel">
          <h2 id="import-h">导入标准目录模板</h2>
          <form method="post" action={`/admin/organs/${organ.code}/standard-directories`} novalidate>
            <input type="hidden" name="_csrf" value={scope.csrf} />
            <Field name="templateId" label="模板" errors={errors} required>
              <select id="f-templateId" name="templateId">
                <option value="">（请选择）</option>
                {templates.map((t) => <option value={t.id} selected={values.templateId === t.id}>{t.area}（{t.nodes} 个栏目，{t.matters} 项事项）</option>)}
              </select>
            </Field>
            <Field name="underNodeId" label="导入到" errors={errors} hint="领域栏目建在所选栏目之下，如“重点领域”；已有同名栏目的，沿用并标记为标准目录">
              <select id="f-underNodeId" name="underNodeId">
                <option value="">（顶级栏目）</option>
                {inTreeOrder(nodes).map((n) => <option value={String(n.id)} selected={values.underNodeId === String(n.id)}>{label(n)}</option>)}
              </select>
            </Field>
            <p class="hint">重复导入同一模板不会重复添加栏目和事项，只更新模板中改过的事项说明。</p>
            <div class="actions"><button class="btn" type="submit">导入</button></div>
          </form>
        </section>
        <section aria-labelledby="imported-h">
          <h2 id="imported-h">已导入的领域</h2>
          {imported.length === 0 ? <p>尚未导入标准目录模板。</p> : (
            <table class="list">
              <thead><tr><th scope="col">领域</th><th scope="col">栏目</th><th scope="col">事项</th></tr></thead>
              <tbody>{imported.map((a) => <tr key={a.templateId}><th scope="row">{a.area}</th><td>{a.nodePath.join(' > ')}</td><td>{a.matters}</td></tr>)}</tbody>
            </table>
          )}
        </section>
      </div>
      <section aria-labelledby="templates-h">
        <h2 id="templates-h">可用模板</h2>
        <table class="list">
          <caption>平台内置的标准目录模板；如需增加或修改模板，请联系系统管理员</caption>
          <thead><tr><th scope="col">编号</th><th scope="col">领域</th><th scope="col">名称</th><th scope="col">栏目</th><th scope="col">事项</th></tr></thead>
          <tbody>{templates.map((t) => <tr key={t.id}><td>{t.id}</td><th scope="row">{t.area}</th><td>{t.title}</td><td>{t.nodes}</td><td>{t.matters}</td></tr>)}</tbody>
        </table>
      </section>
      <p><a href={`/admin/organs/${organ.code}/catalog`}>返回公开目录</a></p>
    </AdminLayout>
  );
}
