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

export type CatalogApiOptions = {
  onSiteIdentityChanged?: () => void;
  /**
   * Called, and awaited before the answer, once the API has changed an item outside review — a draft's or
   * returned item's metadata saved (PUT), a file uploaded to it — so that what follows an item's content in
   * other areas follows this change too: src/main wires the review area's rescan (a returned draft's scan
   * describes what it holds now), which the catalog cannot call itself (areas form no cycle).
   */
  afterItemChanged?: (publicationId: number) => Promise<void>;
};

/**
 * The catalog's JSON API: organs, catalog nodes and publications. Reads of public data need no
 * credentials; every write needs a bearer API token and goes through the catalog's use cases, which
 * check the caller's role, validate the body and write in one transaction.
 * Mount with `app.register(catalogApi(deps), { prefix: '/api/v1' })`, after registerOpenApi(app).
 */
export function catalogApi(deps: AppDeps, opts: CatalogApiOptions = {}): FastifyPluginAsync {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.setValidatorCompiler(apiValidatorCompiler);
    await app.register(organsRoutes(deps));
    await app.register(catalogNodesRoutes(deps));
    await app.register(catalogChangesApi(deps));
    await app.register(publicationsRoutes(deps));
    await app.register(publicationWritesRoutes(deps, opts.afterItemChanged ?? (async () => {})));
    await app.register(siteIdentityApi(deps, opts.onSiteIdentityChanged ?? (() => {})));
  };
  return plugin as FastifyPluginAsync;
}
