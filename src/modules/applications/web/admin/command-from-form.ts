import { DomainError } from '../../../../shared/domain-error.ts';
import { TRANSITIONS, type Command, type Verb } from '../../domain/application-verbs.ts';
import type { FormValues } from '../form-values.ts';

const int = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);

/**
 * A posted verb form as a Command; checking its content is decide's job, all of it: nothing is refused
 * here, so a form's every mistake is listed in one round (found by an outside tester).
 */
export function commandFromForm(verb: string, f: FormValues): Command {
  if (!(verb in TRANSITIONS)) throw new DomainError('ERR_NOT_FOUND', `操作“${verb}”不存在`, { httpStatus: 404 });
  const s = (k: string) => (f[k] ?? '').trim();
  switch (verb as Verb) {
    case 'confirmReceipt': return { verb: 'confirmReceipt', confirmedOn: s('confirmedOn'), evidence: s('evidence') };
    case 'discard': return { verb: 'discard', reason: s('reason') };
    case 'assignHandler': return { verb: 'assignHandler', handlerUserId: int(f.handlerUserId) };
    case 'startReview': return { verb: 'startReview' };
    case 'startProcessing': return { verb: 'startProcessing' };
    case 'requestCorrection': return { verb: 'requestCorrection', requestedOn: s('requestedOn'), correctionWorkingDays: int(f.correctionWorkingDays), points: s('points') };
    case 'receiveCorrection': return { verb: 'receiveCorrection', correctedOn: s('correctedOn'), goodReason: s('goodReason') };
    case 'closeCorrectionOverdue': return { verb: 'closeCorrectionOverdue' };
    // A choice left empty is passed on as it came: decide refuses it with the form's other mistakes.
    case 'startConsultation': {
      const kind = s('kind') as 'third_party' | 'co_agency';
      return { verb: 'startConsultation', kind, party: s('party'), sentOn: s('sentOn'), ...(s('deliveredOn') ? { deliveredOn: s('deliveredOn') } : {}) };
    }
    case 'notifyThirdParty': {
      return { verb: 'notifyThirdParty', party: s('party'), sentOn: s('sentOn'), content: s('content'), reason: s('reason') };
    }
    case 'endConsultation': return { verb: 'endConsultation', endedOn: s('endedOn'), note: s('note') };
    case 'extendDeadline': return { verb: 'extendDeadline', workingDays: int(f.workingDays), approvedOn: s('approvedOn'), reason: s('reason') };
    case 'issueFeeNotice': {
      const method = s('method') as 'per_page' | 'per_application';
      return { verb: 'issueFeeNotice', method, paymentMethod: s('paymentMethod'), ...(s('pages') ? { pages: int(f.pages) } : {}), sentOn: s('sentOn'), ...(s('noticeReceivedOn') ? { noticeReceivedOn: s('noticeReceivedOn') } : {}) };
    }
    case 'recordFeePayment': return { verb: 'recordFeePayment', paidOn: s('paidOn') };
    case 'closeFeeUnpaid': return { verb: 'closeFeeUnpaid' };
    case 'recordReply':
      return {
        verb: 'recordReply', outcome: s('outcome'), repliedOn: s('repliedOn'), text: s('text'), serviceMethod: s('serviceMethod'),
        providedForm: s('providedForm'), providedFormReason: s('providedFormReason'),
        basisItem: s('basisItem'), withheldGround: s('withheldGround'), withheldReason: s('withheldReason'),
        responsibleOrgan: s('responsibleOrgan'), responsibleContact: s('responsibleContact'), responsibleUnknown: s('responsibleUnknown'),
      };
    case 'requestReasons': return { verb: 'requestReasons', requestedOn: s('requestedOn'), points: s('points') };
    case 'setDelayedReply': return { verb: 'setDelayedReply', reasonsReceivedOn: s('reasonsReceivedOn'), delayedDueOn: s('delayedDueOn'), reason: s('reason') };
    case 'withdraw': return { verb: 'withdraw', withdrawnOn: s('withdrawnOn'), note: s('note') };
    case 'archive': return { verb: 'archive' };
  }
}
