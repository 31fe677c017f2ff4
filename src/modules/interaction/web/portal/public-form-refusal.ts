import { DomainError } from '../../../../shared/domain-error.ts';

/**
 * The public-form guard (shared with applications) answers in the applications' codes and words;
 * the mailbox and consultation forms answer with their own codes and the guard's own words (which
 * never point to the hidden field).
 */
export function asPublicFormRefusal(e: unknown, codes: { spamSuspected: string; formExpired: string }): unknown {
  if (!(e instanceof DomainError)) return e;
  if (e.code === 'ERR_APPLICATION_SPAM_SUSPECTED') return new DomainError(codes.spamSuspected, e.message, { field: '_form' });
  if (e.code === 'ERR_APPLICATION_FORM_EXPIRED') return new DomainError(codes.formExpired, e.message, { field: '_form' });
  return e;
}
