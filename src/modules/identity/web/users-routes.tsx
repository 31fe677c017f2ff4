import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash, takeFlash } from '../../../platform/views/admin-helpers.ts';
import { topFlash } from '../../../platform/views/flash.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { isSystemAdmin, organChainFrom, ROLES, staffUserOf, type Role } from '../domain/roles.ts';
import { mayAdminister } from '../domain/permissions.ts';
import { listOrganTree, listUsers } from '../storage/users-repository.ts';
import { createUser, newUserReasons, refuseWith } from '../use-cases/create-user.ts';
import { actorLabel } from '../domain/actor.ts';
import { actorOf, requireStaff } from './request-auth.ts';
import { resetPassword, resetUserTwoStep, setUserActive, setUserRole } from '../use-cases/manage-user.ts';
import { setTwoStepPolicy, twoStepPolicies } from '../use-cases/two-step.ts';
import { UserActionConfirmPage, type ConfirmedUserAction } from './user-action-confirm-page.tsx';
import { UserPage } from './user-page.tsx';
import { UsersPage } from './users-page.tsx';

/** Staff accounts. A system admin manages everyone; an organ admin adds people to the organs it administers. */
export function usersRoutes(deps: AppDeps) {
  async function scope(request: FastifyRequest) {
    const principal = request.principal!;
    const organs = await listOrganTree(deps.db);
    const parents = new Map(organs.map((o) => [o.id, o.parent_id]));
    const manageable = organs.filter((o) => mayAdminister(principal, organChainFrom(parents, o.id)));
    const roles: Role[] = isSystemAdmin(principal) ? [...ROLES] : ROLES.filter((r) => r !== 'system_admin');
    return { principal, manageable, roles };
  }

  async function render(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, status = 200) {
    const s = await scope(request);
    if (s.manageable.length === 0) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有机关管理员可以管理用户', { httpStatus: 403 });
    const ids = new Set(s.manageable.map((o) => o.id));
    const users = (await listUsers(deps.db)).filter((u) => isSystemAdmin(s.principal) || u.roles.some((r) => ids.has(r.organ_id)));
    const user = staffUserOf(s.principal);
    const requiring = await twoStepPolicies(deps);
    return sendPage(reply, <UsersPage user={user} csrf={request.csrfToken!} flash={takeFlash(request, reply)} users={users} organs={s.manageable} roles={s.roles} values={values} errors={errors} twoStepOrgans={requiring} />, status);
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    app.get('/admin/users', async (request, reply) => render(request, reply, {}, {}));
    /** The person a user page is about, if the officer manages them (as the list: organ administrators only). */
    const targetOf = async (request: FastifyRequest<{ Params: { id: string } }>) => {
      const s = await scope(request);
      if (s.manageable.length === 0) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有机关管理员可以管理用户', { httpStatus: 403 });
      const target = (await listUsers(deps.db)).find((u) => u.id === Number(request.params.id));
      const ids = new Set(s.manageable.map((o) => o.id));
      if (!target || (!isSystemAdmin(s.principal) && !target.roles.some((r) => ids.has(r.organ_id)))) {
        throw new DomainError('ERR_IDENTITY_USER_NOT_FOUND', '用户不存在', { httpStatus: 404 });
      }
      return { s, target };
    };
    /** `notice`: what to say at the top instead of the request's flash (a step that found nothing to do). */
    const userPage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, errors: Record<string, string>, status = 200, notice?: string) => {
      const { s, target } = await targetOf(request);
      const user = staffUserOf(s.principal);
      const flash = notice === undefined ? takeFlash(request, reply) : topFlash(notice);
      return sendPage(reply, <UserPage user={user} csrf={request.csrfToken!} flash={flash} target={target} organs={s.manageable} roles={s.roles} errors={errors} />, status);
    };
    app.get<{ Params: { id: string } }>('/admin/users/:id', async (request, reply) => userPage(request, reply, {}));
    // 停用账号 and 重置两步验证 take a person out of their work: a page naming them and what happens comes
    // first (GET), and only its POST with confirm=1 acts; a POST without it shows that page again.
    // `refused`: the use case's reason when the confirmed POST found nothing to do (done meanwhile, in another tab).
    const confirmPage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, action: ConfirmedUserAction, refused?: string) => {
      const { s, target } = await targetOf(request);
      const refusal = refused ?? (action === 'deactivate'
        ? target.id === s.principal.userId ? '不能停用自己的账号' : !target.is_active ? `账号“${target.display_name}”已停用，无需再停用` : null
        : !target.totp_enabled_at ? `“${target.display_name}”未启用两步验证，无需重置` : null);
      return sendPage(reply, <UserActionConfirmPage user={staffUserOf(s.principal)} csrf={request.csrfToken!} target={target} action={action} refusal={refusal} />, refusal ? 409 : 200);
    };
    const confirmed = (request: FastifyRequest) => asString(((request.body ?? {}) as Record<string, unknown>).confirm) === '1';
    const act = (run: (request: FastifyRequest<{ Params: { id: string } }>, body: Record<string, unknown>) => Promise<void>, done: string) =>
      async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
        try {
          await run(request, (request.body ?? {}) as Record<string, unknown>);
          setFlash(reply, done);
          return reply.redirect(`/admin/users/${request.params.id}`, 303);
        } catch (e) {
          return userPage(request, reply, fieldErrorsOf(e), 400);
        }
      };
    const actor = (request: FastifyRequest) => actorOf(request, 'web');
    // A confirmed 停用 says what was done; one that finds the account already deactivated (or oneself)
    // changes and records nothing and answers as the confirmation page would: the reason, 409.
    const deactivate = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const { target } = await targetOf(request);
      try {
        await setUserActive(deps, actor(request), target.id, false);
      } catch (e) {
        if (isDomainError(e) && e.httpStatus === 409) return confirmPage(request, reply, 'deactivate', e.message);
        return userPage(request, reply, fieldErrorsOf(e), 400);
      }
      setFlash(reply, `已停用账号“${target.display_name}”，其登录和令牌已失效`);
      return reply.redirect(`/admin/users/${target.id}`, 303);
    };
    app.get<{ Params: { id: string } }>('/admin/users/:id/deactivate', async (request, reply) => confirmPage(request, reply, 'deactivate'));
    app.post<{ Params: { id: string } }>('/admin/users/:id/deactivate', async (request, reply) => (confirmed(request) ? deactivate(request, reply) : confirmPage(request, reply, 'deactivate')));
    // 重新启用 of an account already active (another tab, a form sent twice) changes and records nothing, as a
    // second 停用 does: 409, and the user page says so at the top — a notice, since nothing went wrong.
    app.post<{ Params: { id: string } }>('/admin/users/:id/activate', async (request, reply) => {
      try {
        await setUserActive(deps, actor(request), Number(request.params.id), true);
      } catch (e) {
        if (isDomainError(e) && e.code === 'ERR_IDENTITY_ALREADY_ACTIVE') return userPage(request, reply, {}, 409, e.message);
        return userPage(request, reply, fieldErrorsOf(e), 400);
      }
      setFlash(reply, '账号已启用');
      return reply.redirect(`/admin/users/${request.params.id}`, 303);
    });
    // A confirmed 重置两步验证 of an account without two-step sign-in (reset meanwhile in another tab, a resent
    // form) changes and records nothing and answers as the confirmation page would: the reason, 409.
    const resetTwoStep = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const { target } = await targetOf(request);
      try {
        await resetUserTwoStep(deps, actor(request), target.id);
      } catch (e) {
        if (isDomainError(e) && e.code === 'ERR_IDENTITY_2FA_NOT_ENABLED') return confirmPage(request, reply, 'two-step-reset', e.message);
        return userPage(request, reply, fieldErrorsOf(e), 400);
      }
      setFlash(reply, '已重置两步验证，其登录已全部退出');
      return reply.redirect(`/admin/users/${target.id}`, 303);
    };
    app.get<{ Params: { id: string } }>('/admin/users/:id/two-step/reset', async (request, reply) => confirmPage(request, reply, 'two-step-reset'));
    app.post<{ Params: { id: string } }>('/admin/users/:id/two-step/reset', async (request, reply) => (confirmed(request) ? resetTwoStep(request, reply) : confirmPage(request, reply, 'two-step-reset')));
    app.post('/admin/users/two-step-policy', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const s = await scope(request);
      const organ = s.manageable.find((o) => o.code === asString(body.organCode));
      if (!organ) throw new DomainError('ERR_AUTH_FORBIDDEN', '您不能设置该机关', { httpStatus: 403 });
      const required = asString(body.required) === '1';
      await setTwoStepPolicy(deps, actor(request), organ.id, required);
      setFlash(reply, `${organ.name}：管理员和审核人员${required ? '必须' : '不再必须'}使用两步验证`);
      return reply.redirect('/admin/users', 303);
    });
    app.post<{ Params: { id: string } }>('/admin/users/:id/password', act((r, b) => resetPassword(deps, actor(r), Number(r.params.id), asString(b.password)), '密码已重置'));
    // 授予 a role already held, or 收回 one not held (another tab, a form sent twice), changes and records
    // nothing, as a second 停用 does: 409, and the user page says so at the top as a notice.
    const roleChange = (granted: boolean) => async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const b = (request.body ?? {}) as Record<string, unknown>;
      try {
        await setUserRole(deps, actor(request), Number(request.params.id), asString(b.organCode), asString(b.role) as Role, granted);
      } catch (e) {
        if (isDomainError(e) && (e.code === 'ERR_IDENTITY_ROLE_ALREADY_HELD' || e.code === 'ERR_IDENTITY_ROLE_NOT_HELD')) return userPage(request, reply, {}, 409, e.message);
        return userPage(request, reply, fieldErrorsOf(e), 400);
      }
      setFlash(reply, granted ? '已授予角色' : '已收回角色');
      return reply.redirect(`/admin/users/${request.params.id}`, 303);
    };
    app.post<{ Params: { id: string } }>('/admin/users/:id/roles/grant', roleChange(true));
    app.post<{ Params: { id: string } }>('/admin/users/:id/roles/revoke', roleChange(false));

    app.post('/admin/users', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { username: asString(body.username), displayName: asString(body.displayName), organCode: asString(body.organCode), role: asString(body.role) };
      const s = await scope(request);
      try {
        // Every field error at once, the form's own checks with the user's.
        const input = { ...values, role: values.role as Role, password: asString(body.password) };
        const reasons = newUserReasons(input).filter((r) => r.field !== 'role');
        if (values.organCode === '') reasons.push({ code: 'ERR_IDENTITY_ORGAN_REQUIRED', message: '请选择所属机关', field: 'organCode' });
        else if (!s.manageable.some((o) => o.code === values.organCode)) reasons.push({ code: 'ERR_AUTH_FORBIDDEN', message: '您不能为该机关添加用户', field: 'organCode' });
        if (values.role === '') reasons.push({ code: 'ERR_IDENTITY_ROLE_REQUIRED', message: '请选择角色', field: 'role' });
        else if (!s.roles.includes(values.role as Role)) reasons.push({ code: 'ERR_IDENTITY_ROLE_INVALID', message: '您不能授予该角色', field: 'role' });
        refuseWith(reasons);
        await createUser(deps, input, {
          userId: s.principal.userId, label: actorLabel({ kind: 'user', principal: s.principal, via: 'web' }),
        });
        setFlash(reply, `已新增用户“${values.username}”`);
        return reply.redirect('/admin/users', 303);
      } catch (e) {
        return render(request, reply, values, fieldErrorsOf(e), 400);
      }
    });
  };
}
