import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import type { TwoStepStatus } from '../use-cases/two-step.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';

/** "My account": one's password, two-step sign-in and a link to one's API tokens. */
export function AccountPage({ user, csrf, flash, status, qr, errors, recoveryCodes, enrolOnly }: {
  user: AdminUser; csrf: string; flash: Flash | null; status: TwoStepStatus; qr: string | null; errors: FieldErrors;
  /** New recovery codes, shown in this answer only. */
  recoveryCodes: string[] | null;
  /** The session may do nothing but set up two-step sign-in (the organ requires it). */
  enrolOnly: boolean;
}) {
  return (
    <AdminLayout title="我的账号" user={enrolOnly ? null : user} csrfToken={csrf} flash={flash}>
      <h1>我的账号：{user.displayName}（{user.username}）</h1>
      {enrolOnly && (
        <>
          <p class="notice" role="status">您所在机关要求管理员和审核人员使用两步验证。请先完成下面的设置，再进入管理后台。</p>
          <form method="post" action="/admin/logout">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit">暂不设置，退出登录</button>
          </form>
        </>
      )}
      <ErrorSummary errors={errors} />
      {recoveryCodes && (
        <section class="panel" aria-labelledby="codes-h" role="status">
          <h2 id="codes-h">恢复码（只显示这一次）</h2>
          <p>手机丢失或无法使用时，每个恢复码可代替验证码登录一次。请打印或抄写后妥善保管，不要存放在手机上。以前的恢复码已全部作废。</p>
          <ol class="recovery-codes">{recoveryCodes.map((c) => <li key={c}><code>{c}</code></li>)}</ol>
          {enrolOnly && <p><a class="btn" href="/admin">我已保存，进入管理后台</a></p>}
        </section>
      )}
      <section class="panel" aria-labelledby="two-step-h">
        <h2 id="two-step-h">两步验证</h2>
        {status.enabled ? (
          <>
            <p>已于 {chinaDateOf(new Date(status.enabledAt!))} 启用。登录时在密码之后输入验证器应用显示的 6 位数字。未用的恢复码：{status.recoveryCodesLeft} 个。</p>
            <form method="post" action="/admin/account/two-step/recovery-codes" novalidate>
              <input type="hidden" name="_csrf" value={csrf} />
              <Field name="code" label="当前验证码（生成新的恢复码）" errors={{}} hint="6 位数字">
                <input id="f-code" name="code" inputMode="numeric" autocomplete="one-time-code" />
              </Field>
              <button type="submit">生成新的恢复码</button>
            </form>
            {status.required ? (
              <p>您所在机关要求管理员和审核人员使用两步验证，不能关闭。更换手机：请管理员重置后重新设置。</p>
            ) : (
              <form method="post" action="/admin/account/two-step/disable" novalidate>
                <input type="hidden" name="_csrf" value={csrf} />
                <Field name="disableCode" label="当前验证码（关闭两步验证）" errors={{}} hint="6 位数字">
                  <input id="f-disableCode" name="code" inputMode="numeric" autocomplete="one-time-code" />
                </Field>
                <button type="submit">关闭两步验证</button>
              </form>
            )}
          </>
        ) : status.pending ? (
          <>
            <ol>
              <li>在手机上安装任一支持“基于时间的一次性密码（TOTP）”的验证器应用。</li>
              <li>用它扫描下面的二维码；无法扫描时，手动输入密钥 <code>{status.pending.secret.replace(/(.{4})/g, '$1 ').trim()}</code>（基于时间，6 位，30 秒）。</li>
              <li>输入应用显示的 6 位数字，完成设置。</li>
            </ol>
            {qr && <img src={qr} width={200} height={200} alt={`两步验证二维码。无法扫描时请手动输入密钥 ${status.pending.secret}`} />}
            <form method="post" action="/admin/account/two-step/confirm" novalidate>
              <input type="hidden" name="_csrf" value={csrf} />
              <Field name="code" label="验证码" errors={errors} required hint="6 位数字">
                <input id="f-code" name="code" inputMode="numeric" autocomplete="one-time-code" />
              </Field>
              <button type="submit" class="primary">完成设置</button>
            </form>
          </>
        ) : (
          <>
            <p>未启用。启用后，即使密码泄露，没有您的手机也无法登录；输错密码也不会让他人把您的账号锁定。</p>
            <form method="post" action="/admin/account/two-step/start">
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" class="primary">开始设置</button>
            </form>
          </>
        )}
      </section>
      {!enrolOnly && (
        <>
          <section class="panel" aria-labelledby="password-h">
            <h2 id="password-h">修改密码</h2>
            <form method="post" action="/admin/account/password" novalidate>
              <input type="hidden" name="_csrf" value={csrf} />
              <Field name="current" label="当前密码" errors={errors} required>
                <input id="f-current" name="current" type="password" autocomplete="current-password" />
              </Field>
              <Field name="password" label="新密码" errors={errors} required hint="至少 8 个字符；修改后，您在其他地方的登录会全部退出">
                <input id="f-password" name="password" type="password" autocomplete="new-password" />
              </Field>
              <button type="submit">修改密码</button>
            </form>
          </section>
          <p><a href="/admin/tokens">管理我的 API 令牌</a></p>
        </>
      )}
    </AdminLayout>
  );
}
