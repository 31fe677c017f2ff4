import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash, takeFlash } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { staffUserOf } from '../domain/roles.ts';
import { sha256 } from '../domain/secrets.ts';
import { sessionFor } from '../use-cases/authenticate.ts';
import { beginTwoStep, changeOwnPassword, confirmTwoStep, disableTwoStep, regenerateRecoveryCodes, twoStepStatus } from '../use-cases/two-step.ts';
import { AccountPage } from './account-page.tsx';
import { requireStaff, SESSION_COOKIE } from './request-auth.ts';

/** /admin/account: one's password and two-step sign-in (docs/security.md). */
export function accountRoutes(deps: AppDeps) {
  const me = (request: FastifyRequest) => ({ userId: request.principal!.userId, username: request.principal!.username });
  const sessionId = (request: FastifyRequest) => sha256(request.cookies[SESSION_COOKIE]!);

  async function render(request: FastifyRequest, reply: FastifyReply, extra: { errors?: Record<string, string>; recoveryCodes?: string[]; status?: number } = {}) {
    const p = request.principal!;
    const status = await twoStepStatus(deps, me(request));
    const session = await sessionFor(deps, request.cookies[SESSION_COOKIE]!);
    const qr = status.pending ? await QRCode.toDataURL(status.pending.uri, { margin: 1, width: 200 }) : null;
    reply.header('Cache-Control', 'private, no-store');
    return sendPage(reply, (
      <AccountPage user={staffUserOf(p)} csrf={request.csrfToken!} flash={takeFlash(request, reply)}
        status={status} qr={qr} errors={extra.errors ?? {}} recoveryCodes={extra.recoveryCodes ?? null} enrolOnly={session?.stage === 'enrol'} />
    ), extra.status ?? 200);
  }
  const refused = async (request: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (!isDomainError(e) || e.httpStatus >= 500 || e.httpStatus === 403) throw e;
    return render(request, reply, { errors: fieldErrorsOf(e), status: e.httpStatus });
  };

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    app.get('/admin/account', async (request, reply) => render(request, reply));
    app.get('/admin/account/two-step', async (request, reply) => render(request, reply));
    app.post('/admin/account/two-step/start', async (request, reply) => {
      await beginTwoStep(deps, me(request));
      return reply.redirect('/admin/account/two-step', 303);
    });
    app.post('/admin/account/two-step/confirm', async (request, reply) => {
      try {
        const codes = await confirmTwoStep(deps, me(request), asString((request.body as Record<string, unknown>)?.code), sessionId(request));
        return render(request, reply, { recoveryCodes: codes });
      } catch (e) {
        return refused(request, reply, e);
      }
    });
    app.post('/admin/account/two-step/recovery-codes', async (request, reply) => {
      try {
        return render(request, reply, { recoveryCodes: await regenerateRecoveryCodes(deps, me(request), asString((request.body as Record<string, unknown>)?.code)) });
      } catch (e) {
        return refused(request, reply, e);
      }
    });
    app.post('/admin/account/two-step/disable', async (request, reply) => {
      try {
        await disableTwoStep(deps, me(request), asString((request.body as Record<string, unknown>)?.code));
        setFlash(reply, '已关闭两步验证');
        return reply.redirect('/admin/account', 303);
      } catch (e) {
        return refused(request, reply, e);
      }
    });
    app.post('/admin/account/password', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await changeOwnPassword(deps, me(request), asString(body.current), asString(body.password), sessionId(request));
        setFlash(reply, '密码已修改，您在其他地方的登录已全部退出');
        return reply.redirect('/admin/account', 303);
      } catch (e) {
        return refused(request, reply, e);
      }
    });
  };
}
