import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import type { ApiTokenView } from '../use-cases/api-tokens.ts';

/**
 * Step two of 撤销 on the API token list: the token named (number, name, holder, last use), what
 * revoking does — for good — and the confirming POST (CSRF token and confirm=1). Works without
 * JavaScript. With `refusal` (already revoked) it says so and offers no button.
 */
export function TokenRevokePage({ user, csrf, token, refusal }: { user: AdminUser; csrf: string; token: ApiTokenView; refusal: string | null }) {
  const title = `撤销 API 令牌：#${token.id}（${token.name}）`;
  return (
    <AdminLayout title={title} user={user} csrfToken={csrf} flash={null}>
      <h1>{title}</h1>
      <dl>
        <dt>持有人</dt><dd>{token.displayName}（{token.username}）</dd>
        <dt>权限</dt><dd>{token.readOnly ? '只读' : '读写'}，{token.organCodes ? `限 ${token.organCodes.join('、')}` : '本人全部机关'}</dd>
        <dt>最近使用</dt><dd>{token.lastUsedAt ? chinaDateOf(new Date(token.lastUsedAt)) : '从未使用'}</dd>
      </dl>
      {refusal ? (
        <>
          <div class="error-summary" role="alert"><p>{refusal}</p></div>
          <p><a href="/admin/tokens">返回令牌列表</a></p>
        </>
      ) : (
        <>
          <p>撤销后：</p>
          <ul>
            <li>令牌立即失效：仍在用它调用接口的程序（如数据同步脚本）从下一次请求起被拒绝（401）；</li>
            <li>撤销不能恢复：仍需调用接口的，请新建令牌，并在程序中换用新令牌；</li>
            <li>审计日志记下由您撤销。</li>
          </ul>
          <form method="post" action={`/admin/tokens/${token.id}/revoke`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="confirm" value="1" />
            <div class="actions">
              <button class="btn" type="submit">确认撤销令牌</button>
              <a href="/admin/tokens">取消，返回令牌列表</a>
            </div>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
