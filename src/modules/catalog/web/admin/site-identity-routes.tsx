import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import type { Organ } from '../../domain/organ.ts';
import { identityFor, saveSiteIdentity } from '../../use-cases/site-identity.ts';
import type { SiteFrames } from '../../use-cases/site-frames.ts';
import { SiteIdentityPage } from './site-identity-page.tsx';
import { staffContext } from '../staff-context.ts';

/**
 * 网站标识与备案信息 in the back office: the site's (system administrator) and each organ's (its
 * administrator). A multipart form (the emblem), CSRF before the file; refused input re-renders
 * with what was typed; a save clears the portal's frame cache.
 */
export function siteIdentityRoutes(deps: AppDeps, frames: SiteFrames) {
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    const page = async (request: FastifyRequest, reply: FastifyReply, organ: Organ | null, values: Record<string, string> | null, errors: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      if (!organ && !scope.user.isSystemAdmin) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有系统管理员可以设置全站的网站标识和备案信息', { httpStatus: 403 });
      const stored = await identityFor(deps, organ ? `organ:${organ.id}` : 'site');
      const { emblem, ...fields } = stored;
      return sendPage(reply, <SiteIdentityPage scope={scope} organ={organ} values={values ?? fields} hasEmblem={emblem} errors={errors} />, status);
    };
    const organOf = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) => (await staffContext(deps, request, reply)).organ(request.params.code, 'organ_admin');

    const done = (reply: FastifyReply, organ: Organ | null, message: string) => {
      frames.invalidate();
      setFlash(reply, message);
      return reply.redirect(organ ? `/admin/organs/${organ.code}/site-identity` : '/admin/site-identity', 303);
    };
    const save = async (request: FastifyRequest, reply: FastifyReply, organ: Organ | null) => {
      const fields = (request.body ?? {}) as Record<string, string>;
      try {
        await saveSiteIdentity(deps, actorOf(request, 'web'), organ?.id ?? null, fields);
        return done(reply, organ, '网站标识与备案信息已保存');
      } catch (e) {
        return page(request, reply, organ, fields, fieldErrorsOf(e), 400);
      }
    };
    /** The emblem is its own small upload form (the CSRF token travels before the file). */
    const saveEmblem = async (request: FastifyRequest, reply: FastifyReply, organ: Organ | null, remove: boolean) => {
      const current = await identityFor(deps, organ ? `organ:${organ.id}` : 'site');
      const { emblem: _e, ...fields } = current;
      try {
        if (remove) await saveSiteIdentity(deps, actorOf(request, 'web'), organ?.id ?? null, fields, 'remove');
        else {
          const file = request.isMultipart() ? await request.file() : undefined;
          if (!file || !file.filename) throw new DomainError('ERR_SITE_EMBLEM_TYPE', '请选择标志图片', { field: 'emblem' });
          await saveSiteIdentity(deps, actorOf(request, 'web'), organ?.id ?? null, fields, { fileName: file.filename, bytes: await file.toBuffer() });
        }
        return done(reply, organ, remove ? '网站标志已删除' : '网站标志已上传');
      } catch (e) {
        return page(request, reply, organ, null, fieldErrorsOf(e), 400);
      }
    };
    const systemAdminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!(await staffContext(deps, request, reply)).user.isSystemAdmin) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有系统管理员可以设置全站的网站标识和备案信息', { httpStatus: 403 });
    };

    app.get('/admin/site-identity', async (request, reply) => page(request, reply, null, null, {}));
    app.post('/admin/site-identity', async (request, reply) => {
      await systemAdminOnly(request, reply);
      return save(request, reply, null);
    });
    app.post('/admin/site-identity/emblem', async (request, reply) => {
      await systemAdminOnly(request, reply);
      return saveEmblem(request, reply, null, false);
    });
    app.post('/admin/site-identity/emblem/remove', async (request, reply) => {
      await systemAdminOnly(request, reply);
      return saveEmblem(request, reply, null, true);
    });
    app.post<{ Params: { code: string } }>('/admin/organs/:code/site-identity/emblem', async (request, reply) => saveEmblem(request, reply, await organOf(request, reply), false));
    app.post<{ Params: { code: string } }>('/admin/organs/:code/site-identity/emblem/remove', async (request, reply) => saveEmblem(request, reply, await organOf(request, reply), true));
    app.get<{ Params: { code: string } }>('/admin/organs/:code/site-identity', async (request, reply) => page(request, reply, await organOf(request, reply), null, {}));
    app.post<{ Params: { code: string } }>('/admin/organs/:code/site-identity', async (request, reply) => save(request, reply, await organOf(request, reply)));
  };
}
