import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganByCode } from '../../catalog/index.ts';
import { systemActor } from '../../identity/index.ts';
import { applicantFields } from '../domain/application-input.ts';
import { createApplication } from './create-application.ts';

/**
 * An application made on the portal, without an account (条例第二十九条). It waits for both sides to
 * confirm (条例第三十一条第（三）项): the clock starts on the confirmation date, not on submission.
 */
export async function submitOnlineApplication(deps: AppDeps, organCode: string, raw: unknown): Promise<{ trackingNo: string; queryCode: string }> {
  const fields = applicantFields.parse(raw);
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganByCode(trx, organCode);
    if (!organ) throw new DomainError('ERR_NOT_FOUND', '机关不存在', { httpStatus: 404 });
    const now = deps.clock.now();
    const today = chinaDateOf(now);
    const { application, queryCode } = await createApplication(
      trx, deps, systemActor('网上申请'), organ, fields,
      { channel: 'online', arrivedOn: today, arrivedAt: now.toISOString(), confirmedOn: null, evidence: '' },
      'portal', now.toISOString(), today,
    );
    return { trackingNo: application.trackingNo, queryCode };
  });
}
