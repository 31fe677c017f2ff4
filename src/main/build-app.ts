import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../platform/app-deps.ts';
import type { Config } from '../platform/config/config.ts';
import { createHttpServer } from '../platform/http/http-server.ts';
import { readinessRoute } from '../platform/http/readiness.ts';
import { redirectToPlainNumbers } from '../platform/http/plain-numbers.ts';
import type { JobStatus } from '../platform/jobs/job-runner.ts';
import { pingDatabase } from '../platform/db/connect.ts';
import { pendingMigrations } from '../platform/db/migrate.ts';
import { htmlErrorPage } from '../platform/views/error-page.tsx';
import { catalogAdminRoutes, catalogApi, emblemRoute, settleStaffMenu, feedRoutes, MAX_ATTACHMENT_BYTES, movedAddressAnswer, portalRoutes, SiteFrames, siteIdentityRoutes, type ViewCounter } from '../modules/catalog/index.ts';
import { privacyApi, wordListsFor, wordListsRoutes } from '../modules/privacy/index.ts';
import { isSystemAdmin, loadSignedInStaff, requireApiToken, requireStaff, sessionRoutes, usersRoutes, tokensRoutes, tokensApi, accountRoutes } from '../modules/identity/index.ts';
import { followItemChange, publicationEditorRoutes, reviewAdminRoutes, reviewApi } from '../modules/review/index.ts';
import { registerOpenApi, registerOpenApiDocs } from './openapi.ts';
import { transferAdminRoutes, transferApi } from '../modules/transfer/index.ts';
import { dashboardReminders, staffReminders } from './staff-reminders.ts';
import { publishedYears, reportsAdminRoutes, reportsPortalRoutes } from '../modules/reports/index.ts';
import { applicationsAdminRoutes, applicationsPortalRoutes, recomputeDueDates } from '../modules/applications/index.ts';
import { holidayYearsRoutes } from '../modules/calendar/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { auditReaderOf } from './audit-reader.ts';
import { cachedSearch, SearchTermCounter, searchAdminRoutes, searchApi, searchPortalRoutes } from '../modules/search/index.ts';
import { supervisionAdminRoutes, supervisionApi } from '../modules/supervision/index.ts';
import {
  consultationsAdminRoutes, consultationsApi, consultationsPortalRoutes, lettersAdminRoutes, lettersApi, lettersPortalRoutes, proposalsAdminRoutes, proposalsApi, proposalsPortalRoutes,
} from '../modules/interaction/index.ts';

/** Wires every area's routes onto the shared HTTP server. Does not listen: tests use inject. */
export async function buildApp(
  deps: AppDeps, config: Pick<Config, 'publicUrl'> & Partial<Pick<Config, 'trustProxy' | 'smtp' | 'accelRedirect'>>,
  /**
   * The background jobs of this process, for /readyz (serve passes them; tests run none), and the
   * view counter of item pages (export-site passes one that counts nothing).
   */
  runtime: { jobStatus?: () => JobStatus[] | null; viewCounter?: ViewCounter } = {},
): Promise<FastifyInstance> {
  // Every portal page's header and footer say whose site it is (issue 15), from memory. Only pages get
  // it: probes, files, feeds and the API never wait on it, and a failed read leaves the page with the
  // plain frame rather than failing it. A refused public form (a POST shown again) keeps it, and so
  // does every error page, however early the request was refused (even a back-office address asked
  // without signing in is answered in the portal's frame).
  const frames = new SiteFrames(deps);
  const NO_FRAME = /^\/(admin|api\/|healthz|readyz|assets\/|site\/emblem|attachments\/|sitemap\.xml|robots\.txt)|\.(atom|rss|xml)(\?|$)/;
  const NO_FRAME_ON_ERROR = /^\/(api\/|healthz|readyz|assets\/|site\/emblem|attachments\/)/;
  const withFrame = async (request: FastifyRequest, skip: RegExp) => {
    if (request.portalFrame || skip.test(request.url)) return;
    request.portalFrame = await frames.frameFor(request.url).catch((e: unknown) => {
      request.log.warn({ err: e }, 'portal frame unavailable');
      return null;
    });
  };
  // The back office's menu shows each person only what they may use (settleStaffMenu): on every
  // back-office page once they are signed in, and on its error pages, also for pages that build no
  // staff context (账号, 令牌, 用户, 审计日志, 节假日).
  const staffMenu = async (request: FastifyRequest) => {
    if (request.principal && request.url.startsWith('/admin')) await settleStaffMenu(deps, request);
  };
  const framedErrorPage = async (request: FastifyRequest, status: number, message: string) => {
    await withFrame(request, NO_FRAME_ON_ERROR);
    // A back-office address no route answered: the person signed in still sees the back office (its menu, 返回工作台).
    if (request.url.startsWith('/admin')) await loadSignedInStaff(deps, request).catch((e: unknown) => request.log.warn({ err: e }, 'session unavailable for the error page'));
    await staffMenu(request).catch((e: unknown) => request.log.warn({ err: e }, 'staff menu facts unavailable'));
    return htmlErrorPage(request, status, message);
  };
  const app = await createHttpServer({ logger: deps.logger, htmlErrorPage: framedErrorPage, maxUploadBytes: MAX_ATTACHMENT_BYTES, trustProxy: config.trustProxy ?? false, hsts: (config.publicUrl ?? '').startsWith('https://'),
    // Moved pages (merged catalog nodes, an old site's addresses, with their query string) answer 301 (docs/catalog-changes.md).
    movedTo: (url) => movedAddressAnswer(deps.db, url) });
  // A route's own preHandler runs after the hooks of its plugin, so the person is signed in (requireStaff) by then.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/admin')) return;
    route.preHandler = [...(route.preHandler ? [route.preHandler].flat() : []), staffMenu];
  });
  // A portal or back-office address whose number has leading zeros or full-width digits (/organs/x/items/05, /admin/publications/05) answers 301 to the one written plainly.
  app.addHook('onRoute', redirectToPlainNumbers);
  readinessRoute(app, { database: () => pingDatabase(deps.db), pendingMigrations: () => pendingMigrations(deps.db), jobs: runtime.jobStatus ?? (() => null), now: () => deps.clock.now() });
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('portalFrame', null);
  app.decorateRequest('frameAsOrgan', async function frameAsOrgan(this: FastifyRequest, organCode: string) {
    this.portalFrame = await frames.frameFor(`/organs/${encodeURIComponent(organCode)}`).catch(() => this.portalFrame);
  });
  await registerOpenApi(app);
  app.addHook('preValidation', async (request) => withFrame(request, NO_FRAME));
  await app.register(portalRoutes(deps, { publicUrl: config.publicUrl, accelRedirect: config.accelRedirect ?? null, viewCounter: runtime.viewCounter, publishedReportYears: async (organId) => [...new Set((await publishedYears(deps.db, organId)).map((r) => r.year))] }));
  await app.register(feedRoutes(deps, { publicUrl: config.publicUrl }));
  await app.register(sessionRoutes(deps, { secureCookies: (config.publicUrl ?? '').startsWith('https://') }));
  await app.register(catalogAdminRoutes(deps, { reminders: (request) => dashboardReminders(deps, request), onOrgansChanged: () => frames.invalidate() }));
  await app.register(siteIdentityRoutes(deps, frames));
  await app.register(emblemRoute(deps));
  await app.register(publicationEditorRoutes(deps));
  await app.register(reviewAdminRoutes(deps, { reminders: (request) => staffReminders(deps, request) }));
  await app.register(usersRoutes(deps));
  await app.register(tokensRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(wordListsRoutes(deps));
  // An item the catalog's API changes outside review is scanned again by the review area (a returned draft's findings follow its text and files).
  await app.register(catalogApi(deps, { onSiteIdentityChanged: () => frames.invalidate(), afterItemChanged: followItemChange(deps) }), { prefix: '/api/v1' });
  await app.register(reviewApi(deps), { prefix: '/api/v1' });
  await app.register(tokensApi(deps), { prefix: '/api/v1' });
  // Scanning is a staff tool: it needs an API token, like every write.
  await app.register(privacyApi, {
    prefix: '/api/v1', preHandler: requireApiToken(deps), maxFileBytes: MAX_ATTACHMENT_BYTES,
    // The lists of the organs the token holder works for, and the region-wide ones.
    loadWordLists: (request: FastifyRequest) => wordListsFor(deps.db, request.principal?.roles.map((r) => r.organId) ?? []),
  });
  await app.register(applicationsPortalRoutes(deps));
  await app.register(applicationsAdminRoutes(deps));
  await app.register(holidayYearsRoutes(deps, { afterSave: recomputeDueDates }));
  await app.register(auditRoutes(deps, { requireStaff: requireStaff(deps), isSystemAdmin, auditReader: auditReaderOf(deps) }));
  await app.register(reportsPortalRoutes(deps));
  await app.register(reportsAdminRoutes(deps));
  // One cache of search results for the page and the API, dropped whenever the content version moves.
  const search = cachedSearch(deps);
  // Searches counted by term in memory and written every few seconds and at close (search-terms.ts).
  const terms = new SearchTermCounter(deps);
  app.addHook('onClose', async () => terms.flush());
  await app.register(searchPortalRoutes(deps, search, terms));
  await app.register(searchAdminRoutes(deps, terms));
  await app.register(searchApi(deps, search, terms), { prefix: '/api/v1' });
  await app.register(supervisionAdminRoutes(deps, { mailConfigured: !!config.smtp }));
  await app.register(supervisionApi(deps), { prefix: '/api/v1' });
  await app.register(lettersPortalRoutes(deps));
  await app.register(consultationsPortalRoutes(deps));
  await app.register(lettersAdminRoutes(deps));
  await app.register(consultationsAdminRoutes(deps));
  await app.register(lettersApi(deps), { prefix: '/api/v1' });
  await app.register(consultationsApi(deps), { prefix: '/api/v1' });
  await app.register(proposalsPortalRoutes(deps));
  await app.register(proposalsAdminRoutes(deps));
  await app.register(proposalsApi(deps), { prefix: '/api/v1' });
  await app.register(transferAdminRoutes(deps));
  await app.register(transferApi(deps), { prefix: '/api/v1' });
  await registerOpenApiDocs(app);
  return app;
}
