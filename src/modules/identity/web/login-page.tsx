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

/** The second step of signing in: the authenticator's code, or a recovery code. */
export function TwoStepPage({ errors, next, csrf }: { errors: FieldErrors; next: string; csrf: string }) {
  return (
    <AdminLayout title="两步验证" user={null} csrfToken={null}>
      <h1>两步验证</h1>
      <p>请打开手机上的验证器应用，输入本账号当前显示的 6 位数字。手机不在身边时，可输入一个未用过的恢复码。</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/login/two-step" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field name="code" label="验证码或恢复码" errors={errors} required hint="6 位数字，或形如 K7QX2-M9PTA 的恢复码">
          <input id="f-code" name="code" type="text" autocomplete="one-time-code" inputMode="text" autofocus required />
        </Field>
        <button class="btn" type="submit">验证</button>
      </form>
      <p>无法验证？请联系本机关的系统管理员重置两步验证。</p>
    </AdminLayout>
  );
}
