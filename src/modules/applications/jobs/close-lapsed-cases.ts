import type { AppDeps } from '../../../platform/app-deps.ts';
import { isDomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { systemActor } from '../../identity/index.ts';
import { lapseOf } from '../domain/lapsed-cases.ts';
import type { Outcome } from '../domain/outcomes.ts';
import { listLapseCandidates } from '../storage/applications-repository.ts';
import { performVerb } from '../use-cases/perform-verb.ts';

export type LapseReport = {
  closed: { id: number; trackingNo: string; outcome: Outcome }[];
  failed: { id: number; trackingNo: string; code: string; message: string }[];
};

/**
 * Closes every case whose correction period (条例第三十条 → other.correction_overdue) or fee window
 * (国办函〔2020〕109号 → other.fee_unpaid) ended before today, each through its verb, so each gets its
 * event, audit record and termination notice. One case failing does not stop the others.
 */
export async function closeLapsedCases(deps: AppDeps): Promise<LapseReport> {
  const today = chinaDateOf(deps.clock.now());
  const report: LapseReport = { closed: [], failed: [] };
  for (const app of await listLapseCandidates(deps.db, today)) {
    const verb = lapseOf(app, today);
    if (!verb) continue;
    try {
      const closed = await performVerb(deps, systemActor('到期自动处理'), app.id, { verb }, app.version);
      report.closed.push({ id: app.id, trackingNo: app.trackingNo, outcome: closed.outcome! });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      report.failed.push({ id: app.id, trackingNo: app.trackingNo, code: e.code, message: e.message });
    }
  }
  return report;
}
