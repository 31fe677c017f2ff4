import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { safeReturnPath } from '../../../platform/views/prefs.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { newSecret, sha256 } from '../domain/secrets.ts';
import { SESSION_HOURS } from '../domain/two-step.ts';
import { logIn, logOut, sessionFor } from '../use-cases/authenticate.ts';
import { passSecondStep } from '../use-cases/two-step.ts';
import { LoginPage, TwoStepPage } from './login-page.tsx';
import { requireStaff, SESSION_COOKIE } from './request-auth.ts';

const LOGIN_CSRF = 'gk_login_csrf';

/** Login and logout. The login form is protected by a double-submit cookie, and rate-limited. */
export function sessionRoutes(deps: AppDeps, opts: { secureCookies: boolean }) {
  return async function plugin(app: FastifyInstance) {
    app.get<{ Querystring: { next?: string } }>('/admin/login', async (request, reply) => {
      const csrf = newSecret();
      reply.setCookie(LOGIN_CSRF, csrf, { path: '/admin/login', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies });
      return sendPage(reply, <LoginPage errors={{}} username="" next={safeReturnPath(request.query.next ?? '/admin')} csrf={csrf} />);
    });

    app.post('/admin/login', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const username = asString(body.username).trim();
      const next = safeReturnPath(asString(body.next) || '/admin');
      const csrf = newSecret();
      reply.setCookie(LOGIN_CSRF, csrf, { path: '/admin/login', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies });
      const cookieToken = request.cookies[LOGIN_CSRF];
      if (!cookieToken || asString(body._csrf) !== cookieToken) {
        return sendPage(reply, <LoginPage errors={{ _form: '页面已过期，请重新登录' }} username={username} next={next} csrf={csrf} />, 403);
      }
      const errors: Record<string, string> = {};
      if (!username) errors.username = '请填写用户名';
      if (!asString(body.password)) errors.password = '请填写密码';
      if (Object.keys(errors).length) return sendPage(reply, <LoginPage errors={errors} username={username} next={next} csrf={csrf} />, 400);
      try {
        const { token, stage } = await logIn(deps, username, asString(body.password));
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: SESSION_HOURS * 3600 });
        const target = next.startsWith('/admin') ? next : '/admin';
        if (stage === 'second_factor') return reply.redirect(`/admin/login/two-step?next=${encodeURIComponent(target)}`, 303);
        if (stage === 'enrol') return reply.redirect('/admin/account/two-step', 303);
        return reply.redirect(target, 303);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        return sendPage(reply, <LoginPage errors={{ _form: e.message }} username={username} next={next} csrf={csrf} />, e.httpStatus);
      }
    });

    // The second step: the session exists but acts on nothing until the code is right.
    const pending = async (request: FastifyRequest) => {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await sessionFor(deps, token) : null;
      return session?.stage === 'second_factor' ? { ...session, id: sha256(token!) } : null;
    };
    app.get<{ Querystring: { next?: string } }>('/admin/login/two-step', async (request, reply) => {
      const session = await pending(request);
      if (!session) return reply.redirect('/admin/login', 303);
      return sendPage(reply, <TwoStepPage errors={{}} next={safeReturnPath(request.query.next ?? '/admin')} csrf={session.csrfToken} />);
    });
    app.post('/admin/login/two-step', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const next = safeReturnPath(asString(body.next) || '/admin');
      const session = await pending(request);
      if (!session) return reply.redirect('/admin/login', 303);
      if (asString(body._csrf) !== session.csrfToken) throw new DomainError('ERR_AUTH_CSRF', '页面已过期，请返回刷新后重新提交', { httpStatus: 403 });
      try {
        const r = await passSecondStep(deps, session.id, asString(body.code));
        if (r.usedRecoveryCode) setFlash(reply, `已用恢复码登录，还剩 ${r.recoveryCodesLeft} 个未用的恢复码。${r.recoveryCodesLeft <= 3 ? '请尽快在“我的账号”中生成新的恢复码。' : ''}`);
        return reply.redirect(next.startsWith('/admin') ? next : '/admin', 303);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        if (e.code === 'ERR_IDENTITY_2FA_TOO_MANY') {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          const csrf = newSecret();
          reply.setCookie(LOGIN_CSRF, csrf, { path: '/admin/login', httpOnly: true, sameSite: 'strict', secure: opts.secureCookies });
          return sendPage(reply, <LoginPage errors={{ _form: e.message }} username="" next={next} csrf={csrf} />, 401);
        }
        return sendPage(reply, <TwoStepPage errors={fieldErrorsOf(e)} next={next} csrf={session.csrfToken} />, e.httpStatus);
      }
    });

    app.post('/admin/logout', { preHandler: requireStaff(deps) }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new DomainError('ERR_AUTH_REQUIRED', '请先登录', { httpStatus: 401 });
      await logOut(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/admin/login', 303);
    });
  };
}
