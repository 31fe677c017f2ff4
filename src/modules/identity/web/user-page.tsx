import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';

/** One staff account: roles per organ, activation, password reset; 停用账号 and 重置两步验证 lead to their confirmation pages. */
export function UserPage({ user, csrf, flash, target, organs, roles, errors }: {
  user: AdminUser; csrf: string; flash: Flash | null;
  target: { id: number; username: string; display_name: string; is_active: number; totp_enabled_at: string | null; roles: { role: string; organ_name: string; organ_code: string }[] };
  organs: { code: string; name: string }[]; roles: Role[]; errors: FieldErrors;
}) {
  const base = `/admin/users/${target.id}`;
  const hidden = <input type="hidden" name="_csrf" value={csrf} />;
  return (
    <AdminLayout title={`用户：${target.display_name}`} user={user} csrfToken={csrf} flash={flash}>
      <h1>{target.display_name}（{target.username}）</h1>
      <p>状态：<strong>{target.is_active ? '启用' : '已停用'}</strong></p>
      <p>两步验证：<strong>{target.totp_enabled_at ? `已启用（${chinaDateOf(new Date(target.totp_enabled_at))}）` : '未启用'}</strong></p>
      {target.totp_enabled_at && (
        <p class="actions"><a class="btn btn-secondary" href={`${base}/two-step/reset`}>重置两步验证（手机丢失时：本人凭密码登录后重新设置）…</a></p>
      )}
      <ErrorSummary errors={errors} />
      <h2>角色</h2>
      <table class="list">
        <thead><tr><th scope="col">机关</th><th scope="col">角色</th><th scope="col"></th></tr></thead>
        <tbody>
          {target.roles.map((r) => (
            <tr><td>{r.organ_name}</td><td>{ROLE_LABELS[r.role as Role] ?? r.role}</td>
              <td><form method="post" action={`${base}/roles/revoke`} class="inline-form">{hidden}<input type="hidden" name="organCode" value={r.organ_code} /><input type="hidden" name="role" value={r.role} /><button class="btn btn-small btn-secondary" type="submit" aria-label={`收回 ${r.organ_name} 的 ${ROLE_LABELS[r.role as Role] ?? r.role}`}>收回</button></form></td></tr>
          ))}
        </tbody>
      </table>
      <form method="post" action={`${base}/roles/grant`} class="actions">
        {hidden}
        <label for="f-organCode">机关</label>
        <select id="f-organCode" name="organCode" required>{organs.length !== 1 && <option value="">请选择</option>}{organs.map((o) => <option value={o.code}>{o.name}</option>)}</select>
        <label for="f-role">角色</label>
        <select id="f-role" name="role" required><option value="">请选择</option>{roles.map((r) => <option value={r}>{ROLE_LABELS[r]}</option>)}</select>
        <button class="btn btn-secondary" type="submit">授予角色</button>
      </form>
      <h2>账号</h2>
      {/* 停用 asks first on its own page (it signs the person out); 重新启用 takes one click. */}
      {target.is_active
        ? <p><a class="btn btn-secondary" href={`${base}/deactivate`}>停用账号（立即退出所有登录并吊销 API 令牌）…</a></p>
        : <form method="post" action={`${base}/activate`}>{hidden}<button class="btn btn-secondary" type="submit">重新启用账号</button></form>}
      <form method="post" action={`${base}/password`} novalidate>
        {hidden}
        <Field name="password" label="重置密码" errors={errors} hint="至少 8 个字符；重置后该用户需重新登录"><input id="f-password" name="password" type="password" autocomplete="new-password" /></Field>
        <button class="btn btn-secondary" type="submit">重置密码</button>
      </form>
      <p><a href="/admin/users">返回用户列表</a></p>
    </AdminLayout>
  );
}
