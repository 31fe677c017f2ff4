import type { FastifyReply } from 'fastify';
import { renderDocumentHtml } from '../../../platform/documents/index.ts';
import type { AnnualReport } from '../domain/report-types.ts';
import { reportDocument } from '../export/report-document.ts';
import { chineseDate, metaOf, renderReport, type ExportFormat } from '../export/render-report.ts';
import type { ReportVersion } from '../storage/reports-repository.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';

/** The report as the HTML fragment of the official document (for the staff preview and the portal page). */
export function documentHtml(report: AnnualReport, version: ReportVersion | null, today: string): string {
  const meta = metaOf(version);
  return renderDocumentHtml(reportDocument(report, { version: meta.version ?? 1, note: meta.note, signedOn: chineseDate(meta.publishedOn ?? today), draft: meta.status !== 'published' }));
}

/** Sends an export: the web page and JSON shown in the browser, DOCX and PDF downloaded. */
export async function sendExport(reply: FastifyReply, report: AnnualReport, version: ReportVersion | null, format: ExportFormat, today: string) {
  const out = await renderReport(report, metaOf(version), format, today);
  return reply
    .type(out.contentType)
    .header('Content-Disposition', contentDisposition(out.fileName, { inline: format !== 'docx' && format !== 'pdf' }))
    .send(out.body);
}
