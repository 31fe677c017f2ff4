import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import type { ApiTokenView } from '../use-cases/api-tokens.ts';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '../domain/api-token-rules.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';

const STATE = { active: '有效', expired: '已过期', revoked: '已撤销' } as const;
const day = (iso: string | null) => (iso ? chinaDateOf(new Date(iso)) : '');

/** My API tokens (and, for administrators, those of the people they administer): create, see, revoke. With `newToken`, the answer to 创建令牌: the secret once and the list, no create form. */
export function TokensPage({ user, csrf, flash, tokens, showOwner, organs, values, errors, newToken }: {
  user: AdminUser; csrf: string; flash: Flash | null; tokens: ApiTokenView[]; showOwner: boolean; organs: { code: string; name: string }[];
  values: Record<string, string | string[]>; errors: FieldErrors; newToken: string | null;
}) {
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const chosen = new Set(Array.isArray(values.organs) ? values.organs : values.organs ? [values.organs as string] : []);
  return (
    <AdminLayout title="API 令牌" user={user} csrfToken={csrf} flash={flash}>
      <h1>API 令牌</h1>
      <p>程序调用接口（<a href="/api/docs">接口文档</a>）时用令牌代替登录：请求头 <code>Authorization: Bearer 令牌</code>。令牌以您的身份和岗位行事，可限定机关、设为只读，到期自动失效；不再使用时请撤销。</p>
      {newToken && (
        <section class="panel" aria-labelledby="new-token-h" role="status">
          <h2 id="new-token-h">新令牌（只显示这一次）</h2>
          <p><code>{newToken}</code></p>
          <p><strong>请立即复制</strong>，保存到程序的配置中。离开或刷新本页后无法再次查看，遗失只能撤销后新建。</p>
        </section>
      )}
      <table class="list">
        <caption>{showOwner ? '您和您管理的人员的令牌' : '您的令牌'}</caption>
        <thead>
          <tr>
            <th scope="col">编号</th>{showOwner && <th scope="col">持有人</th>}<th scope="col">名称（用途）</th><th scope="col">权限</th><th scope="col">范围</th>
            <th scope="col">创建</th><th scope="col">到期</th><th scope="col">最近使用</th><th scope="col">状态</th><th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && <tr><td colSpan={showOwner ? 10 : 9}>还没有令牌</td></tr>}
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>#{t.id}</td>{showOwner && <td>{t.displayName}（{t.username}）</td>}<td>{t.name}</td><td>{t.readOnly ? '只读' : '读写'}</td>
              <td>{t.organCodes ? t.organCodes.join('、') : '本人全部机关'}</td><td class="nowrap">{day(t.createdAt)}</td>
              <td class="nowrap">{t.expiresAt ? day(t.expiresAt) : '无期限'}</td><td class="nowrap">{t.lastUsedAt ? day(t.lastUsedAt) : '从未使用'}</td>
              <td>{STATE[t.state]}</td>
              <td>
                {/* 撤销 asks first on its own page: it is for good. */}
                {t.state !== 'revoked' && <a href={`/admin/tokens/${t.id}/revoke`} aria-label={`撤销令牌 #${t.id}（${t.name}）…`}>撤销…</a>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* The page showing a new secret has no create form: a second submit of it (now empty) would replace
          the secret with an error while the token exists. Another token is made from the list page. */}
      {newToken ? (
        <p><a class="btn btn-secondary" href="/admin/tokens#create-token-h">复制好了，新建另一个令牌</a> <a href="/admin/tokens">返回令牌列表</a></p>
      ) : (
      <section class="panel" aria-labelledby="create-token-h">
        <h2 id="create-token-h">新建令牌</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action="/admin/tokens" novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <Field name="name" label="名称（用途）" errors={errors} required hint="如：门户数据同步脚本">
            <input id="f-name" name="name" value={v('name')} maxLength={100} />
          </Field>
          <Field name="days" label="有效天数" errors={errors} required hint={`1–${MAX_TOKEN_DAYS} 天`}>
            <input id="f-days" name="days" inputMode="numeric" value={v('days') || String(DEFAULT_TOKEN_DAYS)} />
          </Field>
          <div class="field">
            <input type="checkbox" id="f-readOnly" name="readOnly" value="1" checked={v('readOnly') === '1'} />{' '}
            <label for="f-readOnly">只读（只能读取，不能新建、修改或删除）</label>
          </div>
          {organs.length > 1 && (
            <fieldset class="field">
              <legend>限定机关（不选则为您的全部机关）</legend>
              {errors.organs && <p class="error-message" id="e-organs">{errors.organs}</p>}
              {organs.map((o) => (
                <div key={o.code}>
                  <input type="checkbox" id={`f-organ-${o.code}`} name="organs" value={o.code} checked={chosen.has(o.code)} />{' '}
                  <label for={`f-organ-${o.code}`}>{o.name}</label>
                </div>
              ))}
            </fieldset>
          )}
          <button type="submit" class="primary">创建令牌</button>
        </form>
      </section>
      )}
    </AdminLayout>
  );
}
