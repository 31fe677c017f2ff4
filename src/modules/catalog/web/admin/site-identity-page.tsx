import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import { IDENTITY_FIELDS, IDENTITY_LABELS, type IdentityField } from '../../domain/site-identity.ts';
import type { Organ } from '../../domain/organ.ts';
import type { StaffContext } from '../staff-context.ts';

const HINTS: Partial<Record<IdentityField, string>> = {
  siteName: '显示在每个页面的页头，如 青岚县人民政府信息公开',
  hostUnit: '如 青岚县人民政府办公室',
  operatorUnit: '可不填',
  icpNumber: '如 皖ICP备05001234号-1，页脚链接到工业和信息化部备案系统',
  policeNumber: '如 皖公网安备 34010202000123号',
  siteCode: '全国政府网站基本数据库分配的 10 位标识码',
  errorReportUrl: '“我为政府网站找错”的地址，以 https:// 开头',
};

/**
 * The portal's identity and filing data (页头的网站名称和标志，页脚的主办单位、备案号等) for the whole site
 * or one organ; an organ's empty fields take the site's values.
 */
export function SiteIdentityPage({ scope, organ, values, hasEmblem, errors }: {
  scope: StaffContext; organ: Organ | null; values: Record<string, string>; hasEmblem: boolean; errors: FieldErrors;
}) {
  const title = organ ? `网站标识与备案信息：${organ.name}` : '网站标识与备案信息（全站）';
  const action = organ ? `/admin/organs/${organ.code}/site-identity` : '/admin/site-identity';
  return (
    <AdminLayout title={title} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{title}</h1>
      <p>{organ ? '本机关页面的页头和页脚显示这里填写的内容；未填写的项目沿用上级机关和全站的设置。' : '门户每个页面的页头和页脚显示这里填写的内容；各机关可以在自己的设置中改写其中的项目。'}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <div class="columns-2">
          {IDENTITY_FIELDS.map((f) => (
            <Field key={f} name={f} label={IDENTITY_LABELS[f]} errors={errors} hint={HINTS[f]}>
              <input id={`f-${f}`} name={f} value={values[f] ?? ''} />
            </Field>
          ))}
        </div>
        <div class="actions"><button class="btn" type="submit">保存</button><a href="/admin/organs">返回</a></div>
      </form>
      <section class="panel" aria-labelledby="emblem-h">
        <h2 id="emblem-h">网站标志</h2>
        <p>{hasEmblem ? '已上传标志，显示在页头网站名称之前。' : '尚未上传标志。'}</p>
        <form method="post" action={`${action}/emblem`} enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={scope.csrf} />
          <Field name="emblem" label="上传标志（国徽或机关标志）" errors={errors} hint="PNG、JPG 或 GIF 图片，不超过 1 MB">
            <input id="f-emblem" name="emblem" type="file" accept=".png,.jpg,.jpeg,.gif" />
          </Field>
          <button class="btn btn-secondary" type="submit">上传标志</button>
        </form>
        {hasEmblem && (
          <form method="post" action={`${action}/emblem/remove`}>
            <input type="hidden" name="_csrf" value={scope.csrf} />
            <button class="btn btn-small btn-secondary" type="submit">删除标志</button>
          </form>
        )}
      </section>
    </AdminLayout>
  );
}
