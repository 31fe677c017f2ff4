import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';

type OrganRef = { id: number; code: string; name: string };

/**
 * 提醒邮箱: where the reminders of an organ and of each of its units go by e-mail (a shared mailbox
 * of the people responsible). Without an address a unit's reminders go to the organ's.
 */
export function ReminderAddressesPage({ user, csrf, flash, organ, units, values, errors, canEdit, mailConfigured, daysAhead }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: OrganRef; units: OrganRef[]; values: Record<string, string>; errors: FieldErrors;
  canEdit: boolean; mailConfigured: boolean; daysAhead: number;
}) {
  return (
    <AdminLayout title={`提醒邮箱：${organ.name}`} user={user} csrfToken={csrf} flash={flash}>
      <h1>提醒邮箱：{organ.name}</h1>
      <p>栏目更新、报送任务、依申请公开和部门信箱来信的期限，在到期前 {daysAhead} 天内和超过期限时各发一次提醒邮件，同样的事项也列在“待办”中。
        股室的提醒发到股室的邮箱；股室没有填写时发到本机关的邮箱。</p>
      {!mailConfigured && <p class="notice notice-info">本平台尚未配置发信服务器（GONGKAI_SMTP_URL），目前只在“待办”中提醒，不发邮件。</p>}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/organs/${organ.code}/supervision/reminders`} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset disabled={!canEdit} class="plain">
          {[organ, ...units].map((o) => (
            <Field name={`email_${o.id}`} label={o.id === organ.id ? `${o.name}（本机关，政务公开办公室）` : o.name} errors={errors}>
              <input type="email" id={`f-email_${o.id}`} name={`email_${o.id}`} value={values[`email_${o.id}`] ?? ''} autocomplete="off" inputmode="email" />
            </Field>
          ))}
        </fieldset>
        {canEdit ? <div class="actions"><button class="btn" type="submit">保存</button></div> : <p>只有政务公开办公室或机关管理员可以修改提醒邮箱。</p>}
      </form>
    </AdminLayout>
  );
}
