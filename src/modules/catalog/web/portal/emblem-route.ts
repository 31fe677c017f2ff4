import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { findIdentityRow, type IdentityScope } from '../../storage/site-identity-repository.ts';
import { emblemPath } from '../../use-cases/site-identity.ts';

/** The emblem of the site or of an organ, as uploaded in 网站标识与备案信息 (its URL changes with each upload). */
export function emblemRoute(deps: AppDeps) {
  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { scope: string } }>('/site/emblem/:scope', async (request, reply) => {
      const scope = request.params.scope;
      const row = /^(site|organ:\d{1,9})$/.test(scope) ? await findIdentityRow(deps.db, scope as IdentityScope) : undefined;
      const file = row?.emblem_key ? emblemPath(deps.dataDir, row.emblem_key) : null;
      if (!row || !file || !fs.existsSync(file)) throw new DomainError('ERR_NOT_FOUND', '标志图片不存在', { httpStatus: 404 });
      return reply.type(row.emblem_mime ?? 'image/png').header('Cache-Control', 'public, max-age=86400').send(fs.createReadStream(file));
    });
  };
}
