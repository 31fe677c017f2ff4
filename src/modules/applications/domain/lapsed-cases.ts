import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Application } from './application.ts';

export type LapseVerb = 'closeCorrectionOverdue' | 'closeFeeUnpaid';

/**
 * Whether a case's correction or fee window has run out by `today` (the day after the last day):
 * a correction overdue ends it as other.correction_overdue (条例第三十条), an unpaid fee as
 * other.fee_unpaid (国办函〔2020〕109号).
 */
export function lapseOf(app: Pick<Application, 'state' | 'correctionDueOn' | 'feeDueOn'>, today: IsoDate): LapseVerb | null {
  if (app.state === 'awaiting_correction' && app.correctionDueOn !== null && today > app.correctionDueOn) return 'closeCorrectionOverdue';
  if (app.state === 'awaiting_fee' && app.feeDueOn !== null && today > app.feeDueOn) return 'closeFeeUnpaid';
  return null;
}
