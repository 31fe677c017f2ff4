import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import { ORGAN_KINDS, ORGAN_KIND_LABELS } from '../../domain/labels.ts';
import type { Organ } from '../../domain/organ.ts';
import type { StaffContext } from '../staff-context.ts';

export type OrganFormValues = Record<string, string>;

// Moving an organ hands it to the new parent's staff: see docs/security.md.
const MOVE_HINT = '更改机关类型或上级机关，须同时具有原上级机关和新上级机关的管理权限，通常由系统管理员办理';

export const organFormValues = (o: Organ, organs: Organ[]): OrganFormValues => ({
  code: o.code, name: o.name, shortName: o.shortName, kind: o.kind, parentCode: organs.find((p) => p.id === o.parentId)?.code ?? '',
  creditCode: o.creditCode, indexPattern: o.indexPattern, consultPhone: o.consultPhone, address: o.address, officeHours: o.officeHours,
  guideHtml: o.guideHtml, rulesHtml: o.rulesHtml, sortOrder: String(o.sortOrder),
});

export function OrganFormPage({ scope, values, errors, editing }: { scope: StaffContext; values: OrganFormValues; errors: FieldErrors; editing: boolean }) {
  const v = (k: string) => values[k] ?? '';
  const title = editing ? `机关设置：${v('name')}` : '新建机关';
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={editing ? `/admin/organs/${v('code')}/edit` : '/admin/organs/new'} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <div class="columns-2">
          <Field name="code" label="机关代码" errors={errors} required hint="用于网址、接口和命令行，创建后不能修改，如 qhx-zjj">
            <input id="f-code" name="code" value={v('code')} readOnly={editing} />
          </Field>
          <Field name="name" label="机关全称" errors={errors} required>
            <input id="f-name" name="name" value={v('name')} />
          </Field>
          <Field name="shortName" label="简称" errors={errors} hint="显示在导航中，如 县住建局">
            <input id="f-shortName" name="shortName" value={v('shortName')} />
          </Field>
          <Field name="kind" label="机关类型" errors={errors} required hint={editing ? MOVE_HINT : undefined}>
            <select id="f-kind" name="kind">
              {ORGAN_KINDS.map((k) => <option value={k} selected={v('kind') === k}>{ORGAN_KIND_LABELS[k]}</option>)}
            </select>
          </Field>
          <Field name="parentCode" label="上级机关" errors={errors} hint={editing ? MOVE_HINT : undefined}>
            <select id="f-parentCode" name="parentCode">
              <option value="">（无，顶级）</option>
              {scope.organs.filter((o) => o.code !== v('code')).map((o) => <option value={o.code} selected={v('parentCode') === o.code}>{o.name}</option>)}
            </select>
          </Field>
          <Field name="creditCode" label="统一社会信用代码" errors={errors} required>
            <input id="f-creditCode" name="creditCode" value={v('creditCode')} />
          </Field>
          <Field name="indexPattern" label="索引号规则" errors={errors} hint="占位符：{creditCode} {orgCode} {yyyy} {yyyymm} {seq5}；默认 {creditCode}/{yyyy}-{seq5}">
            <input id="f-indexPattern" name="indexPattern" value={v('indexPattern')} />
          </Field>
          <Field name="consultPhone" label="咨询电话" errors={errors}>
            <input id="f-consultPhone" name="consultPhone" value={v('consultPhone')} />
          </Field>
          <Field name="address" label="办公地址" errors={errors}>
            <input id="f-address" name="address" value={v('address')} />
          </Field>
          <Field name="officeHours" label="办公时间" errors={errors}>
            <input id="f-officeHours" name="officeHours" value={v('officeHours')} />
          </Field>
        </div>
        <Field name="guideHtml" label="政府信息公开指南（HTML）" errors={errors}>
          <textarea id="f-guideHtml" name="guideHtml" class="body">{v('guideHtml')}</textarea>
        </Field>
        <Field name="rulesHtml" label="政府信息公开制度（HTML）" errors={errors}>
          <textarea id="f-rulesHtml" name="rulesHtml" class="body">{v('rulesHtml')}</textarea>
        </Field>
        <Field name="sortOrder" label="排序" errors={errors}>
          <input id="f-sortOrder" name="sortOrder" value={v('sortOrder') || '0'} />
        </Field>
        <div class="actions"><button class="btn" type="submit">保存</button><a href="/admin/organs">取消</a></div>
      </form>
    </AdminLayout>
  );
}

export function OrgansAdminPage({ scope }: { scope: StaffContext }) {
  const visible = scope.staffOf;
  return (
    <AdminLayout title="机关与目录" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>机关与目录</h1>
      {scope.user.isSystemAdmin && <p><a class="btn" href="/admin/organs/new">新建机关</a> <a class="btn btn-secondary" href="/admin/site-identity">网站标识与备案信息</a></p>}
      <table class="list">
        <thead><tr><th scope="col">机关</th><th scope="col">代码</th><th scope="col">类型</th><th scope="col">操作</th></tr></thead>
        <tbody>
          {visible.map((o) => (
            <tr key={o.id}>
              <td>{o.name}</td><td><code>{o.code}</code></td><td>{ORGAN_KIND_LABELS[o.kind]}</td>
              <td class="actions">
                {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/edit`}>设置</a>}
                {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/catalog`}>公开目录</a>}
                {scope.canAdmin(o) && <a href={`/admin/organs/${o.code}/site-identity`}>网站标识</a>}
                <a href={`/admin/organs/${o.code}/interpretations`}>政策解读</a>
                <a href={`/admin/publications?organ=${o.code}`}>信息</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
