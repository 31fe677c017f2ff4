import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { apiValidatorCompiler } from './api-validator-compiler.ts';
import { catalogChangesApi } from './catalog-changes-api.ts';
import { catalogNodesRoutes } from './catalog-nodes-routes.ts';
import { organsRoutes } from './organs-routes.ts';
import { publicationWritesRoutes } from './publication-writes-routes.ts';
import { publicationsRoutes } from './publications-routes.ts';
import { siteIdentityApi } from './site-identity-api.ts';

/**
 * The catalog's JSON API: organs, catalog nodes and publications. Reads of public data need no
 * credentials; every write needs a bearer API token and goes through the catalog's use cases, which
 * check the caller's role, validate the body and write in one transaction.
 * Mount with `app.register(catalogApi(deps), { prefix: '/api/v1' })`, after registerOpenApi(app).
 */
export function catalogApi(deps: AppDeps, opts: { onSiteIdentityChanged?: () => void } = {}): FastifyPluginAsync {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.setValidatorCompiler(apiValidatorCompiler);
    await app.register(organsRoutes(deps));
    await app.register(catalogNodesRoutes(deps));
    await app.register(catalogChangesApi(deps));
    await app.register(publicationsRoutes(deps));
    await app.register(publicationWritesRoutes(deps));
    await app.register(siteIdentityApi(deps, opts.onSiteIdentityChanged ?? (() => {})));
  };
  return plugin as FastifyPluginAsync;
}
