import type { AppDeps } from '../../../platform/app-deps.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { requireVerifiedBy } from '../../../shared/verified-by.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import type { Application } from '../domain/application.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { requireApplication, updateApplication } from '../storage/applications-repository.ts';
import { appendEvent } from '../storage/events-repository.ts';
import { auditApplication, requireCaseStaff } from './case-access.ts';
import { hashQueryCode, newQueryCode, queryCodeMatches } from './query-code.ts';
import { findOrganById } from '../../catalog/index.ts';
import { queryCodeNotice } from '../domain/letters/query-code-notice.ts';
import { findApplicationByTrackingNo } from '../storage/applications-repository.ts';
import { APPLICATION_VERIFICATION_HINT } from '../domain/lost-query-code.ts';

/**
 * An applicant who lost the 查询码 (only its hash is kept, and no stored receipt prints it) asks the
 * organ for a new one, as the 申请登记回执 tells them (follow-up.ts). Staff of the case check who asks
 * and write how; the old code stops working and the new one is returned once, never recorded.
 */
export async function resetQueryCode(deps: AppDeps, actor: Actor, applicationId: number, verifiedBy: string): Promise<{ application: Application; queryCode: string; notice: DocumentModel }> {
  const how = requireVerifiedBy(verifiedBy, { requiredCode: E.reasonRequired, invalidCode: E.invalidInput, person: '申请人', hint: APPLICATION_VERIFICATION_HINT });
  return deps.db.transaction().execute(async (trx) => {
    const app = await requireApplication(trx, applicationId);
    await requireCaseStaff(trx, actor, app.organId);
    const now = deps.clock.now();
    const at = now.toISOString();
    const queryCode = newQueryCode();
    const application = await updateApplication(trx, app, { query_code_hash: hashQueryCode(app.trackingNo, queryCode) }, at);
    await appendEvent(trx, app.id, {
      verb: 'resetQueryCode', fromState: app.state, toState: app.state, occurredOn: chinaDateOf(now), occurredAt: at,
      actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), note: `重新设置查询码，原查询码作废；核验方式：${how}`,
    });
    await auditApplication(trx, deps, actor, at, { action: 'application.reset_query_code', entityId: app.id, organId: app.organId, after: { verifiedBy: how } });
    return { application, queryCode, notice: await noticeOf(deps, trx, application, queryCode) };
  });
}

/**
 * The 查询码重新设置告知 again, to print or download as PDF or Word from the reset's answer, for the code
 * that page shows (posted back, never in an address): only the code now in force opens it, for staff of
 * the case. Nothing is stored; null when the code is not the case's current one.
 */
export async function queryCodeNoticeFor(deps: AppDeps, actor: Actor, applicationId: number, queryCode: string): Promise<DocumentModel | null> {
  const app = await requireApplication(deps.db, applicationId);
  await requireCaseStaff(deps.db, actor, app.organId);
  const withHash = await findApplicationByTrackingNo(deps.db, app.trackingNo);
  if (!withHash || !queryCodeMatches(app.trackingNo, (queryCode ?? '').trim().toUpperCase(), withHash.queryCodeHash)) return null;
  return noticeOf(deps, deps.db, app, queryCode.trim().toUpperCase());
}

async function noticeOf(deps: AppDeps, db: Parameters<typeof findOrganById>[0], app: Application, queryCode: string): Promise<DocumentModel> {
  const organ = await findOrganById(db, app.organId);
  const statusUrl = deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}/applications/status` : null;
  return queryCodeNotice({ app, organName: organ?.name ?? '', issuedOn: chinaDateOf(deps.clock.now()), queryCode, consultPhone: organ?.consultPhone ?? '', statusUrl });
}
