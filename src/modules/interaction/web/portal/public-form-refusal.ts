import { DomainError } from '../../../../shared/domain-error.ts';

/**
 * The public-form guard (shared with applications) answers in the applications' codes and words;
 * the mailbox and consultation forms answer with their own codes, keeping the guard's reasons.
 */
export function asPublicFormRefusal(e: unknown, codes: { spamSuspected: string; formExpired: string }): unknown {
  if (!(e instanceof DomainError)) return e;
  if (e.code === 'ERR_APPLICATION_SPAM_SUSPECTED') return new DomainError(codes.spamSuspected, '提交未通过校验（提交过快或填写了标注“请勿填写”的栏目），请核对填写的内容后再次提交', { field: '_form' });
  if (e.code === 'ERR_APPLICATION_FORM_EXPIRED') return new DomainError(codes.formExpired, '表单已过期，请核对填写的内容后重新提交', { field: '_form' });
  return e;
}
