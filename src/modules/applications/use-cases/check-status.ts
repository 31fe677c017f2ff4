import { typedNumber } from '../../../shared/typed-number.ts';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { findOrganById } from '../../catalog/index.ts';
import type { ApplicationState } from '../domain/application-states.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import type { Outcome } from '../domain/outcomes.ts';
import { findApplicationByTrackingNo } from '../storage/applications-repository.ts';
import { listLetters, type StoredLetter } from '../storage/letters-repository.ts';
import { queryCodeMatches } from './query-code.ts';

export type PublicStatus = {
  trackingNo: string;
  organName: string;
  organCode: string;
  state: ApplicationState;
  subject: string;
  arrivedOn: IsoDate;
  receivedOn: IsoDate | null;
  dueOn: IsoDate | null;
  dueProvisional: boolean;
  extended: boolean;
  correctionDueOn: IsoDate | null;
  feeAmountYuan: number | null;
  feeDueOn: IsoDate | null;
  outcome: Outcome | null;
  repliedOn: IsoDate | null;
  letters: StoredLetter[];
};

const refused = () => new DomainError(E.queryFailed, '申请编号或查询码不正确，请核对后重新输入', { httpStatus: 404 });

/**
 * What the applicant may see with the tracking number and query code: the status and the letters sent to them. A box sent
 * empty (or only spaces: the browser's `required` taken away) is asked for, as every form asks (an outside tester got
 * 申请编号或查询码不正确 for two empty boxes): 400, a reason for each; nothing is looked up.
 */
export async function checkStatus(deps: AppDeps, trackingNo: string, queryCode: string): Promise<PublicStatus> {
  const missing = [
    ...(trackingNo.trim() ? [] : [{ code: E.invalidInput, message: '请填写申请编号', field: 'trackingNo' }]),
    ...(queryCode.trim() ? [] : [{ code: E.invalidInput, message: '请填写查询码', field: 'queryCode' }]),
  ];
  if (missing.length) throw DomainError.fromReasons(missing);
  const no = typedNumber(trackingNo);
  if (!no || !typedNumber(queryCode)) throw refused();
  const app = await findApplicationByTrackingNo(deps.db, no);
  if (!app || !queryCodeMatches(app.trackingNo, queryCode, app.queryCodeHash)) throw refused();
  const organ = (await findOrganById(deps.db, app.organId))!;
  const letters = (await listLetters(deps.db, app.id)).filter((l) => l.forApplicant);
  return {
    trackingNo: app.trackingNo, organName: organ.name, organCode: organ.code, state: app.state, subject: app.subject, arrivedOn: app.arrivedOn,
    receivedOn: app.receivedOn, dueOn: app.dueOn, dueProvisional: app.dueProvisional, extended: app.extensionWorkingDays > 0,
    correctionDueOn: app.state === 'awaiting_correction' ? app.correctionDueOn : null,
    feeAmountYuan: app.feeAmountYuan, feeDueOn: app.state === 'awaiting_fee' ? app.feeDueOn : null,
    outcome: app.outcome, repliedOn: app.repliedOn, letters,
  };
}
