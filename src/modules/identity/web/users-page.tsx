import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { ROLE_LABELS, type Role } from '../domain/roles.ts';

type UserRow = { id: number; username: string; display_name: string; is_active: number; roles: { role: string; organ_name: string }[] };

export function UsersPage({ user, csrf, flash, users, organs, roles, values, errors }: {
  user: AdminUser; csrf: string; flash: string | null; users: UserRow[]; organs: { code: string; name: string }[]; roles: Role[];
  values: Record<string, string>; errors: FieldErrors;
}) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title="用户" user={user} csrfToken={csrf} flash={flash}>
      <h1>用户</h1>
      <table class="list">
        <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">角色</th><th scope="col">状态</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td><a href={`/admin/users/${u.id}`}>{u.username}</a></td><td>{u.display_name}</td>
              <td>{u.roles.map((r) => `${r.organ_name} · ${ROLE_LABELS[r.role as Role] ?? r.role}`).join('；')}</td>
              <td>{u.is_active ? '启用' : '停用'}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
              <select id="f-organCode" name="organCode">
                {organs.map((o) => <option value={o.code} selected={v('organCode') === o.code}>{o.name}</option>)}
              </select>
            </Field>
            <Field name="role" label="角色" errors={errors} required>
              <select id="f-role" name="role">
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
