import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString } from '../../../platform/views/admin-helpers.ts';
import { safeReturnPath } from '../../../platform/views/prefs.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { newSecret } from '../domain/secrets.ts';
import { logIn, logOut } from '../use-cases/authenticate.ts';
import { LoginPage } from './login-page.tsx';
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
        const { token } = await logIn(deps, username, asString(body.password));
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.secureCookies, maxAge: 12 * 3600 });
        return reply.redirect(next.startsWith('/admin') ? next : '/admin', 303);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        return sendPage(reply, <LoginPage errors={{ _form: e.message }} username={username} next={next} csrf={csrf} />, e.httpStatus);
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
