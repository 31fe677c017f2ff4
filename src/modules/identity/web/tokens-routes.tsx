import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { asString, asStrings, fieldErrorsOf, setFlash, takeFlash } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { organChainFrom, staffUserOf, type Principal } from '../domain/roles.ts';
import { administersAnyone } from '../domain/permissions.ts';
import { organParents, listOrganNames } from '../storage/users-repository.ts';
import { alreadyRevoked, createApiToken, listApiTokens, revokeApiToken, type ApiTokenView } from '../use-cases/api-tokens.ts';
import { actorOf, requireApiToken, requireStaff } from './request-auth.ts';
import { TokenRevokePage } from './token-revoke-page.tsx';
import { TokensPage } from './tokens-page.tsx';

/** Whether `p` administers anyone's tokens but their own (an organ admin or the system admin). */
async function administers(deps: AppDeps, p: Principal): Promise<boolean> {
  const parents = await organParents(deps.db);
  return administersAnyone(p, (organId) => organChainFrom(parents, organId));
}

/** The organs a token of `p` may be limited to: those they hold a role on. */
async function ownOrgans(deps: AppDeps, p: Principal) {
  const names = await listOrganNames(deps.db, [...new Set(p.roles.map((r) => r.organId))]);
  return names.map((o) => ({ code: o.code, name: o.name }));
}

/** /admin/tokens: one's API tokens (docs/security.md); administrators also see their staff's. */
export function tokensRoutes(deps: AppDeps) {
  async function render(request: FastifyRequest, reply: FastifyReply, extra: { values?: Record<string, string | string[]>; errors?: Record<string, string>; newToken?: string | null; status?: number } = {}) {
    const p = request.principal!;
    const showOwner = await administers(deps, p);
    const tokens = await listApiTokens(deps, actorOf(request, 'web'), { all: showOwner });
    const user = staffUserOf(p);
    reply.header('Cache-Control', 'private, no-store');
    return sendPage(reply, (
      <TokensPage user={user} csrf={request.csrfToken!} flash={takeFlash(request, reply)} tokens={tokens} showOwner={showOwner}
        organs={await ownOrgans(deps, p)} values={extra.values ?? {}} errors={extra.errors ?? {}} newToken={extra.newToken ?? null} />
    ), extra.status ?? 200);
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    app.get('/admin/tokens', async (request, reply) => render(request, reply));
    app.post('/admin/tokens', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { name: asString(body.name), days: asString(body.days), readOnly: asString(body.readOnly), organs: asStrings(body.organs) };
      const days = /^\d{1,4}$/.test(values.days.trim()) ? Number(values.days.trim()) : NaN;
      try {
        const token = await createApiToken(deps, request.principal!.username, values.name, { days, readOnly: values.readOnly === '1', organCodes: values.organs }, actorOf(request, 'web'));
        // The token is shown in this answer only; nothing keeps it (a refresh would make another, so the browser asks first).
        return render(request, reply, { newToken: token });
      } catch (e) {
        if (!isDomainError(e) || e.httpStatus >= 500 || e.httpStatus === 403) throw e;
        return render(request, reply, { values, errors: fieldErrorsOf(e), status: 400 });
      }
    });
    // 撤销 is for good (the program using the token stops): a page naming the token comes first (GET),
    // and only its POST with confirm=1 revokes; a POST without it shows that page again.
    const revokePage = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const p = request.principal!;
      const tokens = await listApiTokens(deps, actorOf(request, 'web'), { all: await administers(deps, p) });
      const token = tokens.find((t) => String(t.id) === request.params.id);
      if (!token) throw new DomainError('ERR_IDENTITY_TOKEN_NOT_FOUND', '令牌不存在', { httpStatus: 404 });
      const refusal = token.state === 'revoked' ? alreadyRevoked(token) : null;
      reply.header('Cache-Control', 'private, no-store');
      return sendPage(reply, <TokenRevokePage user={staffUserOf(p)} csrf={request.csrfToken!} token={token} refusal={refusal} />, refusal ? 409 : 200);
    };
    app.get<{ Params: { id: string } }>('/admin/tokens/:id/revoke', revokePage);
    app.post<{ Params: { id: string } }>('/admin/tokens/:id/revoke', async (request, reply) => {
      if (asString(((request.body ?? {}) as Record<string, unknown>).confirm) !== '1') return revokePage(request, reply);
      const id = Number(request.params.id);
      try {
        const { name } = await revokeApiToken(deps, actorOf(request, 'web'), Number.isInteger(id) && id > 0 ? id : 0);
        setFlash(reply, `已撤销令牌“${name}”（#${id}），使用它的程序从下一次请求起被拒绝`);
      } catch (e) {
        // Revoked already (another tab, a resent form): nothing written; the confirmation page says when, 409.
        if (isDomainError(e) && e.httpStatus === 409) return revokePage(request, reply);
        throw e;
      }
      return reply.redirect('/admin/tokens', 303);
    });
  };
}

const tags = ['tokens'];
const security = [{ bearerAuth: [] }];
const reason = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), reasons: z.array(reason) }) });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, { description: `错误 ${c} / error`, content: { 'application/json': { schema: errorAnswer } } }]));
const tokenJson = z.object({
  id: z.number().int(), username: z.string(), name: z.string(), readOnly: z.boolean(), organCodes: z.array(z.string()).nullable().describe('限定的机关；null 为持有人的全部机关'),
  createdAt: z.string(), expiresAt: z.string().nullable(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(), state: z.enum(['active', 'expired', 'revoked']),
});
const toJson = (t: ApiTokenView) => ({
  id: t.id, username: t.username, name: t.name, readOnly: t.readOnly, organCodes: t.organCodes, createdAt: t.createdAt, expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt, state: t.state,
});

/** /api/v1/tokens: list, create (for oneself) and revoke API tokens with the same rules as the back office. */
export const tokensApi = (deps: AppDeps): FastifyPluginAsyncZod => async (app) => {
  app.addHook('preHandler', requireApiToken(deps));
  app.get('/tokens', {
    schema: {
      tags, security, summary: 'API 令牌列表（本人的；all=true 时含您管理的人员的）',
      querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
      response: { 200: { description: '令牌 / tokens', content: { 'application/json': { schema: z.object({ items: z.array(tokenJson) }) } } }, ...errors(401) },
    },
  }, async (request) => ({ items: (await listApiTokens(deps, actorOf(request, 'api'), { all: request.query.all === 'true' })).map(toJson) }));

  app.post('/tokens', {
    schema: {
      tags, security, summary: '为本人新建 API 令牌（令牌只在此应答中出现一次）',
      body: z.object({ name: z.string(), days: z.number().int().optional().describe('有效天数，1–730，默认 365'), readOnly: z.boolean().optional(), organCodes: z.array(z.string()).optional() }),
      response: { 201: { description: '令牌 / token', content: { 'application/json': { schema: z.object({ token: z.string() }) } } }, ...errors(400, 401, 403) },
    },
  }, async (request, reply) => {
    const b = request.body;
    const token = await createApiToken(deps, request.principal!.username, b.name, { days: b.days, readOnly: b.readOnly, organCodes: b.organCodes }, actorOf(request, 'api'));
    return reply.status(201).send({ token });
  });

  app.delete('/tokens/:id', {
    schema: {
      tags, security, summary: '撤销 API 令牌（本人的，或您管理的人员的）',
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 204: z.undefined().describe('已撤销 / revoked'), ...errors(401, 404, 409) },
    },
  }, async (request, reply) => {
    await revokeApiToken(deps, actorOf(request, 'api'), request.params.id);
    return reply.status(204).send();
  });
};
