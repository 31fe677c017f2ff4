import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { Actor } from '../domain/actor.ts';
import type { Principal } from '../domain/roles.ts';
import { principalForApiToken } from '../use-cases/api-tokens.ts';
import { sessionFor } from '../use-cases/authenticate.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
  }
}

export const SESSION_COOKIE = 'gk_session';
const ENROL_PATHS = ['/admin/account/two-step', '/admin/logout'];

/**
 * The person fully signed in on a request no back-office route answered (a back-office address that does not exist):
 * loaded so that its error page keeps the back office's look and menu. Nothing is refused or redirected here, and a
 * session still waiting for its second step (or to set it up) counts as none.
 */
export async function loadSignedInStaff(deps: AppDeps, request: FastifyRequest): Promise<void> {
  if (request.principal) return;
  const token = request.cookies?.[SESSION_COOKIE];
  const session = token ? await sessionFor(deps, token) : null;
  if (!session || session.stage !== 'full') return;
  request.principal = session.principal;
  request.csrfToken = session.csrfToken;
}

/** Loads the signed-in person of a back-office request; sends them to the login page when there is none. */
export function requireStaff(deps: AppDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionFor(deps, token) : null;
    if (!session) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/admin/login?next=${next}`, 303);
    }
    // Two-step sign-in (docs/security.md): a session waiting for its code acts on nothing; one that
    // must set two-step up first may only do that (and log out).
    if (session.stage === 'second_factor') return reply.redirect(`/admin/login/two-step?next=${encodeURIComponent(request.url)}`, 303);
    if (session.stage === 'enrol' && !ENROL_PATHS.some((p) => request.url === p || request.url.startsWith(`${p}/`) || request.url.startsWith(`${p}?`))) {
      return reply.redirect('/admin/account/two-step', 303);
    }
    request.principal = session.principal;
    request.csrfToken = session.csrfToken;
    // A state-changing request must carry the session's CSRF token.
    if (request.method === 'POST') {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const header = request.headers['x-csrf-token'];
      // Uploads (multipart) carry the token as a form field before the file, never in the address
      // (addresses land in logs): it is read from the stream here, and the file after it.
      const sent = typeof body._csrf === 'string' ? body._csrf : header ?? (request.isMultipart() ? await csrfFieldBeforeFile(request) : undefined);
      if (sent !== session.csrfToken) throw new DomainError('ERR_AUTH_CSRF', '页面已过期，请返回刷新后重新提交', { httpStatus: 403 });
    }
  };
}

/**
 * Reads a multipart body up to its `_csrf` field, which forms put before the file input. The
 * request's `file()` then answers the next file of the same stream, so upload routes read their file
 * as usual. A file before the token means no token: the upload is refused unread.
 */
async function csrfFieldBeforeFile(request: FastifyRequest): Promise<string | undefined> {
  const parts = request.parts();
  for (;;) {
    const next = await parts.next();
    if (next.done || next.value.type === 'file') return undefined;
    if (next.value.fieldname === '_csrf') {
      const token = String(next.value.value);
      request.file = (async () => {
        for (let p = await parts.next(); !p.done; p = await parts.next()) if (p.value.type === 'file') return p.value;
        return undefined;
      }) as FastifyRequest['file'];
      return token;
    }
  }
}

/** Authenticates an API write, or a read of staff data, by its bearer token. */
export function requireApiToken(deps: AppDeps) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) {
      const what = request.method === 'GET' || request.method === 'HEAD' ? '读取工作人员数据' : '写操作';
      throw new DomainError('ERR_AUTH_TOKEN_REQUIRED', `${what}需要 API 令牌：请在 Authorization 头中提供 Bearer 令牌`, { httpStatus: 401 });
    }
    const r = await principalForApiToken(deps, m[1], request.method);
    if ('refusal' in r) {
      if (r.refusal === 'expired') throw new DomainError('ERR_AUTH_TOKEN_EXPIRED', 'API 令牌已过期，请创建新的令牌', { httpStatus: 401 });
      if (r.refusal === 'read_only') throw new DomainError('ERR_AUTH_TOKEN_READ_ONLY', '这个 API 令牌是只读的，不能用于写操作', { httpStatus: 403 });
      throw new DomainError('ERR_AUTH_TOKEN_INVALID', 'API 令牌无效或已撤销', { httpStatus: 401 });
    }
    request.principal = r.principal;
  };
}

export function actorOf(request: FastifyRequest, via: 'web' | 'api'): Actor {
  if (!request.principal) throw new DomainError('ERR_AUTH_REQUIRED', '请先登录', { httpStatus: 401 });
  return { kind: 'user', principal: request.principal, via };
}
