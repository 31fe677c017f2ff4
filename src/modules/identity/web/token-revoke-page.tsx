import type { AdminUser } from '../../../platform/views/admin-layout.tsx';
import { ConfirmStep } from '../../../platform/views/confirm-step.tsx';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import type { ApiTokenView } from '../use-cases/api-tokens.ts';

/**
 * Step two of 撤销 on the API token list, as every confirmed action's (ConfirmStep): the token named
 * (number, name, holder, last use), what revoking does — for good — and the confirming POST. With
 * `refusal` (already revoked) it says so and offers no button.
 */
export function TokenRevokePage({ user, csrf, token, refusal }: { user: AdminUser; csrf: string; token: ApiTokenView; refusal: string | null }) {
  return (
    <ConfirmStep
      user={user} csrf={csrf} title={`撤销 API 令牌：#${token.id}（${token.name}）`} refusal={refusal}
      facts={[
        { label: '持有人', value: `${token.displayName}（${token.username}）` },
        { label: '权限', value: `${token.readOnly ? '只读' : '读写'}，${token.organCodes ? `限 ${token.organCodes.join('、')}` : '本人全部机关'}` },
        { label: '最近使用', value: token.lastUsedAt ? chinaDateOf(new Date(token.lastUsedAt)) : '从未使用' },
      ]}
      consequences={{
        lead: '撤销后：',
        items: [
          '令牌立即失效：仍在用它调用接口的程序（如数据同步脚本）从下一次请求起被拒绝（401）；',
          '撤销不能恢复：仍需调用接口的，请新建令牌，并在程序中换用新令牌；',
          '审计日志记下由您撤销。',
        ],
      }}
      action={`/admin/tokens/${token.id}/revoke`} submit="确认撤销令牌" back={{ href: '/admin/tokens', to: '令牌列表' }}
    />
  );
}
