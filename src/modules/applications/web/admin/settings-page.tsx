import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import type { Organ } from '../../../catalog/index.ts';
import type { FormValues } from '../form-values.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';

/** The organ's reconsideration body (named in every letter with remedies) and its letter-number prefix. */
export function SettingsPage({ scope, organ, values, errors }: { scope: StaffContext; organ: Organ; values: FormValues; errors: FieldErrors }) {
  const canEdit = scope.canAdmin(organ);
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title="依申请公开设置" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>依申请公开设置 · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="settings" isSystemAdmin={scope.user.isSystemAdmin} />
      <ErrorSummary errors={errors} />
      {!canEdit && <p class="notice notice-info">只有本机关管理员可以修改设置。</p>}
      <form method="post" action={`/admin/organs/${organ.code}/application-settings`} class="panel" novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <fieldset>
          <legend>复议机关（答复告知书、终止处理告知书写明）</legend>
          <p class="hint">告知书应写明复议机关的名称；未告知复议机关的，申请复议的期限自申请人知道之日起计算（行政复议法第二十条第三款）。部门的复议机关为本级人民政府；人民政府的复议机关为上一级人民政府，应写明其全称（行政复议法第二十四条）。不填写时，部门按所属本级人民政府的名称写入。</p>
          <Field name="reconsiderationBody" label="复议机关名称" errors={errors} hint="全称，如“青岚县人民政府”">
            <input type="text" id="f-reconsiderationBody" name="reconsiderationBody" value={v('reconsiderationBody')} maxLength={60} disabled={!canEdit} />
          </Field>
          <Field name="reconsiderationAddress" label="复议机关地址" errors={errors}>
            <input type="text" id="f-reconsiderationAddress" name="reconsiderationAddress" value={v('reconsiderationAddress')} maxLength={200} disabled={!canEdit} />
          </Field>
          <Field name="reconsiderationOnline" label="网上申请行政复议的渠道" errors={errors} hint="网址或平台名称；告知书以电子邮件或网上送达时写明（行政复议法第二十二条第二款）">
            <input type="text" id="f-reconsiderationOnline" name="reconsiderationOnline" value={v('reconsiderationOnline')} maxLength={200} disabled={!canEdit} />
          </Field>
        </fieldset>
        <fieldset>
          <legend>文书编号</legend>
          <Field name="letterPrefix" label="机关代字" errors={errors} hint="如“岚建公开”，文书编号为 岚建公开〔2026〕第12号，每年从第1号起">
            <input type="text" id="f-letterPrefix" name="letterPrefix" value={v('letterPrefix')} maxLength={12} disabled={!canEdit} />
          </Field>
        </fieldset>
        {canEdit && <button type="submit" class="btn">保存</button>}
      </form>
    </AdminLayout>
  );
}
