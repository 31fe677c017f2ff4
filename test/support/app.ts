import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db/connect.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { buildDeps } from './factories.ts';

/** The whole application on a test database, for app.inject and for browser tests. */
export async function buildTestApp(handle: DatabaseHandle, at?: string) {
  const deps = buildDeps(handle, at);
  const app = await buildApp(deps, { publicUrl: null });
  return { app, deps };
}

/** Signs in through the login form and returns the cookie header and CSRF token for later requests. */
export async function loginAs(app: FastifyInstance, username: string, password: string) {
  const form = await app.inject({ method: 'GET', url: '/admin/login' });
  const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
  const loginCookie = form.cookies.find((c) => c.name === 'gk_login_csrf')!;
  const res = await app.inject({
    method: 'POST', url: '/admin/login', cookies: { gk_login_csrf: loginCookie.value },
    payload: { _csrf: loginCsrf, username, password, next: '/admin' },
  });
  const session = res.cookies.find((c) => c.name === 'gk_session');
  if (!session) throw new Error(`login failed: ${res.statusCode}`);
  const dashboard = await app.inject({ method: 'GET', url: '/admin', cookies: { gk_session: session.value } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(dashboard.body)![1];
  return { cookies: { gk_session: session.value }, csrf };
}
