import type { AdminUser } from '../../../platform/views/admin-layout.tsx';
import { ConfirmStep } from '../../../platform/views/confirm-step.tsx';

/** The user-page actions that take a person out of their work, so are confirmed first (docs/security.md). */
export type ConfirmedUserAction = 'deactivate' | 'two-step-reset';

const ACTIONS: Record<ConfirmedUserAction, { title: string; path: string; button: string; consequences: (name: string) => string[]; note: string | null }> = {
  deactivate: {
    title: '停用账号',
    path: 'deactivate',
    button: '确认停用账号',
    consequences: (name) => [
      `${name}在所有电脑和手机上的登录立即退出，正在填写而尚未保存的内容会丢失；`,
      '其全部 API 令牌立即吊销，重新启用账号后也不恢复（需要时重新创建）；',
      '此后不能登录，直到管理员在用户页面重新启用账号；',
      '角色、两步验证设置和已做的工作都保留；审计日志记下由您停用。',
    ],
    note: null,
  },
  'two-step-reset': {
    title: '重置两步验证',
    path: 'two-step/reset',
    button: '确认重置两步验证',
    consequences: (name) => [
      `清除${name}的验证器密钥和全部恢复码，原手机上的验证器和已打印的恢复码不能再用于登录；`,
      '其所有登录立即退出；',
      '本人凭密码登录后在“我的账号”中重新设置两步验证（所在机关要求两步验证的，登录时即须设置）；审计日志记下由您重置。',
    ],
    note: '用于手机丢失或更换时。请先与本人当面或电话核实：知道密码的人重置后即可只凭密码登录。',
  },
};

/**
 * Step two of 停用账号 and 重置两步验证, as every confirmed action's (ConfirmStep): the account named, what
 * will happen, and the confirming POST. With `refusal` (oneself, already done) it says why and offers no
 * button.
 */
export function UserActionConfirmPage({ user, csrf, target, action, refusal }: {
  user: AdminUser; csrf: string; target: { id: number; username: string; display_name: string }; action: ConfirmedUserAction; refusal: string | null;
}) {
  const a = ACTIONS[action];
  const base = `/admin/users/${target.id}`;
  return (
    <ConfirmStep
      user={user} csrf={csrf} title={`${a.title}：${target.display_name}（${target.username}）`} refusal={refusal}
      consequences={{ lead: `${a.title}后：`, items: a.consequences(target.display_name), note: a.note }}
      action={`${base}/${a.path}`} submit={a.button} back={{ href: base, to: '用户页面' }}
    />
  );
}
