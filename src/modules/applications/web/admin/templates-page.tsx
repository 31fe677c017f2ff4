import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import { FlashAt, placeFlash } from '../../../../platform/views/flash.tsx';
import type { Organ } from '../../../catalog/index.ts';
import { TEMPLATE_KIND_LABELS, type TemplateKind } from '../../domain/letters/letter-kinds.ts';
import { PLACEHOLDERS } from '../../domain/letters/placeholders.ts';
import { deadlinesSaidBefore, saidBeforeAdvice } from '../../domain/deadline-wording.ts';
import type { OrganTemplate } from '../../storage/templates-repository.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';

/** A letter's form on the page: where saving it brings the page back (#template-KIND), and tells it. */
export const templateFormId = (kind: string) => `template-${kind}`;

/** The organ's letter wording, one form per letter; only the organ's administrator may save. */
export function TemplatesPage({ scope, organ, templates, failed }: {
  scope: StaffContext; organ: Organ; templates: OrganTemplate[]; failed: { kind: TemplateKind; errors: FieldErrors; title: string; body: string } | null;
}) {
  const canEdit = scope.canAdmin(organ);
  // A saved or restored template is told in its own form, where the redirect lands, not at the top of the page.
  const flash = placeFlash(scope.flash, templates.map((t) => templateFormId(t.kind)));
  return (
    <AdminLayout title="文书模板" user={scope.user} csrfToken={scope.csrf} flash={flash.top}>
      <h1>依申请公开文书模板 · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="templates" isSystemAdmin={scope.user.isSystemAdmin} />
      <p>模板只决定文书的标题和正文措辞。申请编号、收到日期、申请内容、办理结果及法律依据、救济途径（行政复议、行政诉讼）和落款由系统按法定要求自动加入，不能删去。正文中空一行为分段；用 {'{{名称}}'} 插入办件信息。</p>
      {!canEdit && <p class="notice notice-info">只有本机关管理员可以修改模板。</p>}
      {failed && <ErrorSummary errors={Object.fromEntries(Object.entries(failed.errors).map(([k, m]) => [k === '_form' ? '_form' : `${failed.kind}-${k}`, m]))} />}
      {templates.map((t) => {
        const mine = failed?.kind === t.kind;
        const errors: FieldErrors = mine ? Object.fromEntries(Object.entries(failed.errors).map(([k, m]) => [`${t.kind}-${k}`, m])) : {};
        // Wording saved before {{…期限}}前 was refused: used as written (never changed behind the organ's back), and told here.
        const saidBefore = t.customised ? deadlinesSaidBefore(t.body) : [];
        return (
          <form method="post" action={`/admin/organs/${organ.code}/letter-templates/${t.kind}`} class="panel" id={templateFormId(t.kind)}>
            <h2>{TEMPLATE_KIND_LABELS[t.kind]} {t.customised ? <small>（本机关措辞，第{t.version}版）</small> : <small>（系统默认措辞）</small>}</h2>
            <FlashAt flash={flash.at(templateFormId(t.kind))} />
            {saidBefore.length > 0 && !mine && <p class="notice" id={`${templateFormId(t.kind)}-said-before`}>本机关措辞中{saidBeforeAdvice(saidBefore)}。系统没有改动本机关的措辞，修改后保存即按新措辞出具文书。</p>}
            <input type="hidden" name="_csrf" value={scope.csrf} />
            <Field name={`${t.kind}-title`} label="标题" errors={errors} required>
              <input type="text" id={`f-${t.kind}-title`} name="title" value={mine ? failed.title : t.title} maxLength={60} disabled={!canEdit} />
            </Field>
            <Field name={`${t.kind}-body`} label="正文" errors={errors} required hint={`可用的占位符：${PLACEHOLDERS[t.kind].map((n) => `{{${n}}}`).join(' ')}`}>
              <textarea id={`f-${t.kind}-body`} name="body" class="body" disabled={!canEdit}>{mine ? failed.body : t.body}</textarea>
            </Field>
            {canEdit && (
              <div class="actions">
                <button type="submit" class="btn">保存</button>
                {t.customised && <button type="submit" class="btn btn-secondary" formaction={`/admin/organs/${organ.code}/letter-templates/${t.kind}/reset`}>恢复默认措辞</button>}
              </div>
            )}
          </form>
        );
      })}
    </AdminLayout>
  );
}
