import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { STATUS_LABELS } from '../domain/report-workflow.ts';
import { metaOf, renderReport, type ExportFormat } from '../export/render-report.ts';
import { loadReportContext } from './report-context.ts';

/**
 * An organ-year's annual report as a file, as the reports area renders it: the published version
 * (its figures frozen at publication) when there is one, otherwise the latest version or, before any
 * drafting, the figures computed from the data. `state` says which, in words, for the yearly archive.
 */
export async function annualReportFile(deps: AppDeps, organCode: string, year: number, format: ExportFormat): Promise<{ body: Buffer; published: boolean; state: string }> {
  const ctx = await loadReportContext(deps, deps.db, organCode, String(year));
  const version = ctx.published?.frozen ? ctx.published : ctx.current;
  const report = version?.frozen ?? ctx.report;
  const out = await renderReport(report, metaOf(version), format, chinaDateOf(deps.clock.now()));
  return {
    body: out.body,
    published: Boolean(ctx.published?.frozen),
    state: version ? `${STATUS_LABELS[version.status]}，第${version.versionNo}版` : '尚未开始编制，按当前数据生成',
  };
}
