import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { prefsFromCookies } from '../../../platform/views/prefs.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganByCode, organByCode, STAGE_LABELS } from '../../catalog/index.ts';
import { graphicReport, TREND_YEARS } from '../domain/graphic-report.ts';
import type { AnnualReport } from '../domain/report-types.ts';
import { PortalGraphicPage } from './portal-graphic-page.tsx';
import type { ExportFormat } from '../export/render-report.ts';
import { latestPublished, listVersions, publishedYears } from '../storage/reports-repository.ts';
import { PortalReportPage } from './portal-report-page.tsx';
import { documentHtml, sendExport } from './report-view.ts';

const notFound = () => new DomainError('ERR_REPORT_NOT_FOUND', '该年度报告不存在或尚未发布', { httpStatus: 404 });

/**
 * The published annual reports on the portal: /organs/:code/annual-reports/2020 (the page) and
 * 2020.pdf / .docx / .json / .html (the downloads), newest published version unless ?version=N.
 * Drafts are never shown; a published version never changes, so pages are cacheable.
 */
export function reportsPortalRoutes(deps: AppDeps) {
  return async function plugin(app: FastifyInstance) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' || reply.statusCode !== 200) return payload;
      reply.header('Cache-Control', 'public, max-age=300');
      reply.header('Vary', 'Cookie');
      const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : null;
      if (!body) return payload;
      const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
      reply.header('ETag', etag);
      if (request.headers['if-none-match'] === etag) {
        reply.code(304);
        return '';
      }
      return payload;
    });

    // 图解年报: a published version's figures as charts, the newest unless ?version=N (docs/rules/annual-report.md, "图解年报").
    app.get<{ Params: { code: string; year: string }; Querystring: { version?: string } }>('/organs/:code/annual-reports/:year/graphic', async (request, reply) => {
      const organ = await organByCode(deps.db, request.params.code);
      const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
      if (year === null) throw notFound();
      const published = (await listVersions(deps.db, organ.id, year)).filter((v) => v.status === 'published' && v.frozen);
      if (!published.length) throw notFound();
      const latest = published[published.length - 1];
      const shown = request.query.version ? published.find((v) => String(v.versionNo) === request.query.version) : latest;
      if (!shown) throw notFound();
      // Earlier years as their newest published versions say them.
      const earlier: AnnualReport[] = [];
      for (const y of (await publishedYears(deps.db, organ.id)).map((p) => p.year).filter((y) => y < year).slice(0, TREND_YEARS - 1)) {
        const v = await latestPublished(deps.db, organ.id, y);
        if (v?.frozen) earlier.push(v.frozen);
      }
      return sendPage(reply, (
        <PortalGraphicPage prefs={prefsFromCookies(request.cookies)} currentPath={request.url} organ={organ} year={year}
          versionNo={shown.versionNo} publishedOn={shown.publishedOn ?? ''} latest={shown === latest} g={graphicReport(shown.frozen!, STAGE_LABELS, earlier)} />
      ));
    });

    app.get<{ Params: { code: string; file: string }; Querystring: { version?: string } }>('/organs/:code/annual-reports/:file', async (request, reply) => {
      const m = /^(\d{4})(?:\.(pdf|docx|json|html))?$/.exec(request.params.file);
      const organ = await findOrganByCode(deps.db, request.params.code);
      if (!m || !organ) throw notFound();
      const year = Number(m[1]);
      const published = (await listVersions(deps.db, organ.id, year)).filter((v) => v.status === 'published' && v.frozen);
      if (!published.length) throw notFound();
      const wanted = request.query.version ? Number(request.query.version) : published[published.length - 1].versionNo;
      const shown = published.find((v) => v.versionNo === wanted);
      if (!shown) throw notFound();
      const today = chinaDateOf(deps.clock.now());
      if (m[2]) return sendExport(reply, shown.frozen!, shown, m[2] as ExportFormat, today);
      return sendPage(reply, (
        <PortalReportPage
          prefs={prefsFromCookies(request.cookies)} currentPath={request.url} organ={organ} year={year} shown={shown} published={published}
          html={documentHtml(shown.frozen!, shown, today)}
        />
      ));
    });
  };
}
