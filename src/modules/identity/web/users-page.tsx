import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';

type UserRow = { id: number; username: string; display_name: string; is_active: number; totp_enabled_at: string | null; roles: { role: string; organ_name: string }[] };

export function UsersPage({ user, csrf, flash, users, organs, roles, values, errors, twoStepOrgans }: {
  user: AdminUser; csrf: string; flash: Flash | null; users: UserRow[]; organs: { id: number; code: string; name: string }[]; roles: Role[];
  values: Record<string, string>; errors: FieldErrors;
  /** Organs whose administrators and reviewers must use two-step sign-in. */
  twoStepOrgans: ReadonlySet<number>;
}) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title="用户" user={user} csrfToken={csrf} flash={flash}>
      <h1>用户</h1>
      <table class="list">
        <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">两步验证</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td><a href={`/admin/users/${u.id}`}>{u.username}</a></td><td>{u.display_name}</td>
              <td>{u.roles.map((r) => `${r.organ_name} · ${ROLE_LABELS[r.role as Role] ?? r.role}`).join('；')}</td>
              <td>{u.is_active ? '启用' : '停用'}</td>
              <td>{u.totp_enabled_at ? '已启用' : '未启用'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="panel" aria-labelledby="two-step-policy-h">
        <h2 id="two-step-policy-h">两步验证要求</h2>
        <p>要求后，该机关及其下属单位的管理员和审核人员（股室负责人、政务公开办公室、分管领导）登录时必须使用验证器应用的验证码；尚未设置的，下次登录时须先完成设置。</p>
        <table class="list">
          <thead><tr><th scope="col">机关</th><th scope="col">要求</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {organs.map((o) => (
              <tr key={o.code}>
                <td>{o.name}</td><td>{twoStepOrgans.has(o.id) ? '必须使用' : '自愿'}</td>
                <td>
                  <form method="post" action="/admin/users/two-step-policy" class="inline-form">
                    <input type="hidden" name="_csrf" value={csrf} />
                    <input type="hidden" name="organCode" value={o.code} />
                    <input type="hidden" name="required" value={twoStepOrgans.has(o.id) ? '0' : '1'} />
                    <button class="btn btn-small btn-secondary" type="submit" aria-label={`${o.name}：${twoStepOrgans.has(o.id) ? '取消要求' : '要求使用两步验证'}`}>{twoStepOrgans.has(o.id) ? '取消要求' : '要求使用'}</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="new-user-h">
        <h2 id="new-user-h">新增用户</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/users" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <div class="columns-2">
            <Field name="username" label="用户名" errors={errors} required hint="字母、数字、下划线、点或连字符">
              <input id="f-username" name="username" value={v('username')} autocomplete="off" />
            </Field>
            <Field name="displayName" label="姓名" errors={errors} required>
              <input id="f-displayName" name="displayName" value={v('displayName')} />
            </Field>
            <Field name="password" label="初始密码" errors={errors} required hint="至少 8 个字符">
              <input id="f-password" name="password" type="password" autocomplete="new-password" />
            </Field>
            <Field name="organCode" label="所属机关" errors={errors} required>
              <select id="f-organCode" name="organCode" required>
                {/* Nothing is chosen for the officer, unless they administer exactly one organ. */}
                {organs.length !== 1 && <option value="" selected={!organs.some((o) => o.code === v('organCode'))}>请选择</option>}
                {organs.map((o) => <option value={o.code} selected={organs.length === 1 || v('organCode') === o.code}>{o.name}</option>)}
              </select>
            </Field>
            <Field name="role" label="角色" errors={errors} required>
              <select id="f-role" name="role" required>
                {/* No role is chosen for the officer: a forgotten dropdown must not make an administrator. */}
                <option value="" selected={!roles.some((r) => r === v('role'))}>请选择</option>
                {roles.map((r) => <option value={r} selected={v('role') === r}>{ROLE_LABELS[r]}</option>)}
              </select>
            </Field>
          </div>
          <button class="btn" type="submit">新增用户</button>
        </form>
      </section>
    </AdminLayout>
  );
}
