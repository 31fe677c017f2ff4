import { renderDocumentDocx, renderDocumentPage, renderDocumentPdf } from '../../../platform/documents/index.ts';
import type { AnnualReport, ReportStatus } from '../domain/report-types.ts';
import { reportDocument } from './report-document.ts';
import { reportJson } from './report-json.ts';

export const EXPORT_FORMATS = ['json', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportMeta = { version: number | null; status: ReportStatus | null; publishedOn: string | null; note: string };

/** What an export says about the version it shows (none before the report is opened). */
export const metaOf = (v: { versionNo: number; status: ReportStatus; publishedOn: string | null; note: string } | null): ExportMeta =>
  ({ version: v?.versionNo ?? null, status: v?.status ?? null, publishedOn: v?.publishedOn ?? null, note: v?.note ?? '' });

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** 2021年1月15日 */
export const chineseDate = (on: string) => `${Number(on.slice(0, 4))}年${Number(on.slice(5, 7))}月${Number(on.slice(8, 10))}日`;

/**
 * The report in one of the export formats. HTML is a whole printable page (the document styles
 * inline); DOCX and PDF embed Chinese fonts. `today` dates a report that is not published.
 */
export async function renderReport(report: AnnualReport, meta: ExportMeta, format: ExportFormat, today: string) {
  const signedOn = chineseDate(meta.publishedOn ?? today);
  const doc = reportDocument(report, { version: meta.version ?? 1, note: meta.note, signedOn, draft: meta.status !== 'published' });
  const fileName = `${doc.title}${meta.version && meta.version > 1 ? `（第${meta.version}版）` : ''}.${format}`;
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'json':
      return { fileName, contentType, body: Buffer.from(JSON.stringify(reportJson(report, meta), null, 2) + '\n', 'utf8') };
    case 'html': {
      return { fileName, contentType, body: Buffer.from(renderDocumentPage(doc), 'utf8') };
    }
    case 'docx':
      return { fileName, contentType, body: await renderDocumentDocx(doc) };
    case 'pdf':
      return { fileName, contentType, body: await renderDocumentPdf(doc) };
  }
}
