import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganByCode } from '../../catalog/index.ts';
import { systemActor } from '../../identity/index.ts';
import { applicantFields } from '../domain/application-input.ts';
import { findSubmission, insertSubmission, isUniqueViolation } from '../storage/submissions-repository.ts';
import { createApplication } from './create-application.ts';
import { openReceipt, sealReceipt, submissionKeyOf } from './submission-receipt.ts';

/** What the applicant is shown after submitting; `created` is false when the form had already made the case. */
export type OnlineReceipt = { trackingNo: string; queryCode: string; organId: number; created: boolean };

/**
 * The case an earlier post of this form token made, if any (docs/workflows/public-forms.md), when it
 * was accepted less than `withinMs` ago: the query code is shown again only for a while. The query
 * code is '' only if the stored seal was altered (the token that found the row opens it).
 */
export async function findOnlineReceipt(deps: AppDeps, formToken: string, withinMs = Infinity): Promise<OnlineReceipt | null> {
  if (!formToken) return null;
  const found = await findSubmission(deps.db, submissionKeyOf(formToken));
  if (!found || deps.clock.now().getTime() - Date.parse(found.createdAt) >= withinMs) return null;
  return { trackingNo: found.trackingNo, queryCode: openReceipt(formToken, found.sealedReceipt) ?? '', organId: found.organId, created: false };
}

/**
 * An application made on the portal, without an account (条例第二十九条). It waits for both sides to
 * confirm (条例第三十一条第（三）项): the clock starts on the confirmation date, not on submission.
 *
 * One form token makes at most one case: the token is recorded in the case's own transaction under
 * a unique key, so of two posts arriving together one makes the case and the other is answered with
 * that case's receipt. `admit` runs after the fields are valid and before anything is stored (the
 * portal's limit on accepted applications).
 */
export async function submitOnlineApplication(
  deps: AppDeps, organCode: string, raw: unknown, opts: { formToken?: string; admit?: () => void } = {},
): Promise<OnlineReceipt> {
  const formToken = opts.formToken ?? '';
  const earlier = await findOnlineReceipt(deps, formToken);
  if (earlier) return earlier;
  const fields = applicantFields.parse(raw);
  opts.admit?.();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const organ = await findOrganByCode(trx, organCode);
      if (!organ) throw new DomainError('ERR_NOT_FOUND', '机关不存在', { httpStatus: 404 });
      const now = deps.clock.now();
      const today = chinaDateOf(now);
      const { application, queryCode } = await createApplication(
        trx, deps, systemActor('网上申请'), organ, fields,
        { channel: 'online', arrivedOn: today, arrivedAt: now.toISOString(), confirmedOn: null, evidence: '' },
        'portal', now.toISOString(), today,
      );
      if (formToken) await insertSubmission(trx, { tokenHash: submissionKeyOf(formToken), applicationId: application.id, sealedReceipt: sealReceipt(formToken, queryCode), createdAt: now.toISOString() });
      return { trackingNo: application.trackingNo, queryCode, organId: organ.id, created: true };
    });
  } catch (e) {
    // Another post of the same form won the race: its case stands, this one was rolled back.
    if (formToken && isUniqueViolation(e)) {
      const winner = await findOnlineReceipt(deps, formToken);
      if (winner) return winner;
    }
    throw e;
  }
}
