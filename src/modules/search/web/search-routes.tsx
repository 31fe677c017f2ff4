import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { renderPage, sendPage } from '../../../platform/views/render.ts';
import { contentVersionReader } from '../../../platform/db/content-version.ts';
import { prefsFromCookies } from '../../../platform/views/prefs.ts';
import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { organWithUnits, staffContext, type Organ } from '../../catalog/index.ts';
import { isSystemAdmin, requireStaff } from '../../identity/index.ts';
import { KeptPerVersion, type SearchFn } from '../use-cases/search-cache.ts';
import { organListOf, type SearchResult } from '../use-cases/search-publications.ts';
import { listsWithoutWord, narrowedBeyondScope } from '../domain/search-request.ts';
import { searchTermReport, searchVisitorOf, type SearchTermCounter } from '../use-cases/search-terms.ts';
import { addressedSearch, type AddressedItem } from '../use-cases/addressed-item.ts';
import { interactionFound, interactionMatches, looksForInteraction, type InteractionMatches } from '../use-cases/interaction-matches.ts';
import { parseQuery } from '../domain/parse-query.ts';
import { sitePageLinks } from '../use-cases/site-page-links.ts';
import { newestDocumentNumber, yearsIndexed } from '../storage/search-repository.ts';
import { portalHostsOf, readSearchParams, type RawSearchParams } from './search-params.ts';
import { SearchPage } from './search-page.tsx';
import { SearchTermsPage, type TermScope } from './search-terms-page.tsx';

export const PORTAL_PAGE_SIZE = 10;

/** GET /search: the portal's search page (no login, no JavaScript). `search` and `terms` are the server's one (cachedSearch, SearchTermCounter). */
export function searchPortalRoutes(deps: AppDeps, search: SearchFn, terms: SearchTermCounter) {
  // Rendered result pages, per content version like the results (search-cache.ts): the same search
  // asked again is answered without rendering — the page depends only on its address, the reading
  // preferences and what the version covers. Never for signed-in staff (their roles show in the page).
  const kept = new KeptPerVersion<{ html: string; result: SearchResult; wordsFound: number }>({ readVersion: contentVersionReader(deps.db), maxEntries: 128 });
  // The form's 年份 choices: the years that have items (one index look-up a year), read again only when the content changes.
  const years = new KeptPerVersion<number[]>({ readVersion: contentVersionReader(deps.db), maxEntries: 1 });
  const yearsOf = () => years.get('years', () => yearsIndexed(deps.db));
  // The hint's example 文号: the portal's own — the newest in the scope (one bounded read of the sort key's index) —
  // never the demo's, read again only when the content changes (docs/search.md).
  const examples = new KeptPerVersion<string | null>({ readVersion: contentVersionReader(deps.db), maxEntries: 64 });
  const exampleOf = (scope: Organ | null, organs: Organ[]) => examples.get(scope?.code ?? '', () => newestDocumentNumber(deps.db, scope ? organWithUnits(scope.id, organs) : null));
  return async function plugin(app: FastifyInstance) {
    app.get('/search', async (request, reply) => {
      const asked = (request.query ?? {}) as RawSearchParams;
      // The form sends every field, the empty ones too (organ=&from=&to=, the default sort): the address is
      // made the search itself, as a link or a bookmark would give it (q stays, even empty: the page then asks for a word).
      const extra = Object.entries(asked).filter(([k, v]) => k !== 'q' && (v === '' || (k === 'sort' && v === 'relevance')));
      if (extra.length && !Object.values(asked).some(Array.isArray)) {
        const kept = new URLSearchParams(Object.entries(asked).filter(([k, v]) => !extra.some(([x]) => x === k) && typeof v === 'string') as [string, string][]);
        return reply.redirect(`/search?${kept.toString().replaceAll('+', '%20')}`, 302);
      }
      let raw = asked;
      const prefs = prefsFromCookies(request.cookies);
      reply.header('Cache-Control', 'no-cache');
      // A page of results (of none, or a refusal) is not for search engines' indexes, its links followed still; the form
      // first opened, with nothing asked, may be (docs/search.md, "Search engines"). The page says so too (<meta name="robots">).
      if (Object.keys(asked).length > 0) reply.header('X-Robots-Tag', 'noindex, follow');
      // One read of the organ list for the whole page: the scope, the facets' codes and the form's choices.
      const organList = organListOf(deps);
      try {
        const { request: req, scopeOrgan, scopeUnit, queryCut, datesSwapped, address } = await readSearchParams(deps, asked, { pageSize: PORTAL_PAGE_SIZE, organs: organList, portalHosts: portalHostsOf(request, deps.publicUrl) });
        // A unit's code (an old link) searches its organ: the page and its links name the organ searched.
        if (scopeUnit && scopeOrgan) raw = { ...raw, organ: scopeOrgan.code };
        // What was searched, in the box and every link of the page: a long query's start, a reversed range swapped.
        if (queryCut) raw = { ...raw, q: req.q };
        if (datesSwapped) raw = { ...raw, from: req.filters.fromOn, to: req.filters.toOn };
        // 意见征集 and 建议提案 the words find (docs/search.md, "意见征集 and 建议提案"): read for every request, kept page or not —
        // they change without the content version (opened, a day passing, a result published or withheld), so the kept page
        // is kept under what they are too. Two bounded queries.
        const interaction: InteractionMatches | null = looksForInteraction(req, address)
          ? await interactionMatches(deps, parseQuery(req.q), req.filters.scopeOrganId, await organList())
          : null;
        // The portal's own pages the words ask for (docs/search.md, "The portal's own pages"): from the organ list read already.
        const sitePages = looksForInteraction(req, address) ? sitePageLinks(parseQuery(req.q), req.filters.scopeOrganId, await organList()) : null;
        const render = async (result: SearchResult | null, region: SearchResult | null = null, unfiltered: SearchResult | null = null, addressed: AddressedItem | null = null) => {
          const [organs, yearList] = await Promise.all([organList(), yearsOf()]);
          const numberExample = await exampleOf(scopeOrgan, organs);
          return renderPage(request, <SearchPage prefs={prefs} currentPath={request.url} raw={raw} result={result} organs={organs} years={yearList} numberExample={numberExample} scopeOrgan={scopeOrgan} scopeUnit={scopeUnit} pageSize={req.pageSize} page={result && !addressed ? req.page : 1} error={null}
            regionTotal={region?.total ?? null} regionSplit={region?.splitSuggestion ?? null} regionDidYouMean={region?.didYouMean ?? null} unfilteredTotal={unfiltered?.total ?? null}
            queryCut={queryCut} datesSwapped={datesSwapped} addressed={addressed} interaction={interaction} sitePages={sitePages} />);
        };
        // Neither a word nor a filter: the form asking for a word. A filter without a word lists what it lets through,
        // and so does sort=newest alone: everything, newest first.
        if (!req.q && !listsWithoutWord(req)) return sendHtml(reply, await render(null));
        const made = async () => {
          // An item page's address: that item offered, not the address searched as words (docs/search.md, "A pasted address").
          if (address) {
            const { result, addressed } = await addressedSearch(deps, req.q, address);
            return { html: await render(result, null, null, addressed), result, wordsFound: result.total };
          }
          const result = await search(req, organList);
          // Nothing within an organ: the same search over the whole region (the one its 在全站检索 link asks, so
          // kept for that click), offered only when it finds something — or, when it finds nothing either, its
          // words apart over the whole region (危房补助 from the 县政府's pages). Bounded like every search (TOTAL_CAP).
          const region = result.total === 0 && req.q && req.filters.scopeOrganId !== null
            ? await search({ ...req, filters: { ...req.filters, scopeOrganId: null }, page: 1 }, organList)
            : null;
          // Nothing under the filters chosen (a facet, a date range, kept when a new word is typed on this page):
          // the same words in the same scope without them, offered when they find something.
          const unfiltered = result.total === 0 && req.q && narrowedBeyondScope(req.filters)
            ? await search({ ...req, filters: { scopeOrganId: req.filters.scopeOrganId }, page: 1 }, organList)
            : null;
          // What the words find in the scope without the filters (the search made for the offer above): a search its filters
          // left empty is not one whose words find nothing (检索统计's 无结果, docs/search.md).
          return { html: await render(result, region, unfiltered), result, wordsFound: result.total || (unfiltered?.total ?? 0) };
        };
        const { html, result, wordsFound } = request.principal ? await made() : await kept.get(`${prefs.fontSize}${prefs.elder ? 1 : 0} ${request.host}${request.url} ${interactionKey(interaction)}`, made);
        // Counted as search terms: words. An address is none; a query cut to its start may run past a number typed after
        // the limit (part of an ID or card number, which the checks no longer see whole), so it stays uncounted as when refused.
        // A listing by filters has no term to count. Who searched is told apart for the day only (one visitor re-sorting is one).
        // A search that found a consultation or a proposal result found something: not counted as one that found nothing.
        if (req.page === 1 && req.q && !address && !queryCut) terms.count(result.query, req.filters.scopeOrganId, wordsFound + interactionFound(interaction) + (sitePages ? 1 : 0), searchVisitorOf(request));
        return sendHtml(reply, html);
      } catch (e) {
        if (!isDomainError(e) || e.httpStatus !== 400) throw e;
        // A bad parameter keeps what was typed and says what is wrong, next to the form (a repeated one: its first value).
        raw = Object.fromEntries(Object.entries(asked).map(([k, v]) => [k, Array.isArray(v) ? String(v[0] ?? '') : v])) as RawSearchParams;
        const [organs, yearList] = await Promise.all([organList(), yearsOf()]);
        const numberExample = await exampleOf(null, organs);
        return sendPage(reply, <SearchPage prefs={prefs} currentPath={request.url} raw={raw} result={null} organs={organs} years={yearList} numberExample={numberExample} scopeOrgan={null} scopeUnit={null} pageSize={PORTAL_PAGE_SIZE} page={1} error={{ message: e.message, field: e.field }} />, 400);
      }
    });
  };
}

/** What of 互动交流 a kept page shows, as part of its key: the entries listed (with a consultation's state) and the counts. */
const interactionKey = (m: InteractionMatches | null) => (!m ? '' : [
  m.consultations.total, ...m.consultations.items.map((c) => `c${c.id}${c.open ? 'o' : ''}`), m.proposals.total, ...m.proposals.items.map((p) => `p${p.id}`),
  ...m.consultations.lists.map((l) => l.organ.code), '|', ...m.proposals.lists.map((l) => l.organ.code),
].join(' '));

const sendHtml = (reply: FastifyReply, html: string) => reply.type('text/html; charset=utf-8').send(html);

/** /admin/search-terms: what people search for most, and what they searched for and did not find (this server's counts written first). */
export function searchAdminRoutes(deps: AppDeps, terms: SearchTermCounter) {
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    app.get('/admin/search-terms', async (request: FastifyRequest, reply) => {
      const staff = await staffContext(deps, request, reply);
      // The menu offers 检索统计 by the same rule (catalog's settleStaffMenu): a role on an organ itself, whose catalog the terms help fill.
      if (!staff.onOrgan) throw new DomainError('ERR_AUTH_FORBIDDEN', '检索统计供机关工作人员据此补充公开内容、调整栏目；下属单位的工作人员请向所属机关的政务公开办公室了解', { httpStatus: 403 });
      const asked = request.query as { days?: string; organ?: string };
      const daysRaw = Number(asked.days);
      const days = [7, 30, 90, 365].includes(daysRaw) ? daysRaw : 30;
      // 范围 (docs/search.md, "Search terms"): the searches made over the whole region (全站), or within one organ the person
      // works on (the staff context's rule: another organ's code is refused as on its other pages); a system administrator also
      // every scope together, where they open. Anyone else opens on their own organ — the first they work on.
      const admin = isSystemAdmin(staff.principal);
      const choices = (admin ? staff.organs : staff.staffOf).filter((o) => o.kind !== 'unit');
      const scope: TermScope = asked.organ === 'all' ? 'region'
        : asked.organ ? await staff.organ(asked.organ, 'staff')
          : admin ? 'every' : choices[0] ?? 'region';
      await terms.flush();
      const report = await searchTermReport(deps, { days, organIds: scope === 'every' ? null : [scope === 'region' ? 0 : scope.id] });
      return sendPage(reply, (
        <AdminLayout title="热搜词与无结果检索" user={staff.user} csrfToken={staff.csrf}>
          <SearchTermsPage days={days} report={report} scope={scope} choices={choices} every={admin} />
        </AdminLayout>
      ));
    });
  };
}
