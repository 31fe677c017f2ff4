import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';

export function LoginPage({ errors, username, next, csrf }: { errors: FieldErrors; username: string; next: string; csrf: string }) {
  return (
    <AdminLayout title="登录" user={null} csrfToken={null}>
      <h1>工作人员登录</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/login" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field name="username" label="用户名" errors={errors} required>
          <input id="f-username" name="username" type="text" autocomplete="username" value={username} required />
        </Field>
        <Field name="password" label="密码" errors={errors} required>
          <input id="f-password" name="password" type="password" autocomplete="current-password" required />
        </Field>
        <button class="btn" type="submit">登录</button>
      </form>
    </AdminLayout>
  );
}
