import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorMay, actorUserId, type Actor } from '../../identity/index.ts';
import { organChain } from '../../catalog/index.ts';
import { insertVersion } from '../storage/reports-repository.ts';
import { loadReportContext } from './report-context.ts';

/** Opens an organ-year's report: version 1, a draft whose text is drafted from the figures as they stand. */
export async function openReport(deps: AppDeps, actor: Actor, organCode: string, year: unknown) {
  return deps.db.transaction().execute(async (trx) => {
    const ctx = await loadReportContext(deps, trx, organCode, year);
    if (!actorMay(actor, await organChain(trx, ctx.organ.id), 'editor')) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有编辑该机关年度报告的权限', { httpStatus: 403 });
    }
    if (ctx.current) throw new DomainError('ERR_REPORT_EXISTS', `${ctx.organ.name}${ctx.year}年度报告已开始编制`, { httpStatus: 409 });
    const at = deps.clock.now().toISOString();
    const id = await insertVersion(trx, { organId: ctx.organ.id, year: ctx.year, versionNo: 1, sections: ctx.report.sections, note: '', by: actorUserId(actor), at });
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'annual_report.open', entityType: 'annual_report',
      entityId: String(id), organId: ctx.organ.id, before: null, after: { year: ctx.year, versionNo: 1, status: 'draft' },
    });
    return { versionId: id };
  });
}
