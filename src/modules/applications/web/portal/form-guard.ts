import crypto from 'node:crypto';
import { DomainError } from '../../../../shared/domain-error.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';

/** The honeypot: invisible to people, filled by form-filling robots. */
export const HONEYPOT_FIELD = 'website';

/**
 * Spam protection without any outside service: a signed token with the time the form was served
 * and a random part (two forms served in the same millisecond differ: the token is also the form's
 * idempotency key, docs/workflows/public-forms.md), a minimum fill time, and a honeypot field. The
 * key lives as long as the process; a form served before a restart is simply shown again with a
 * fresh token.
 */
export function formGuard(opts: { minFillSeconds: number; maxAgeHours?: number }) {
  const key = crypto.randomBytes(32);
  const sign = (issued: string) => crypto.createHmac('sha256', key).update(issued).digest('base64url');
  const maxAgeMs = (opts.maxAgeHours ?? 12) * 3600_000;
  return {
    issue(now: Date): string {
      const issued = `${now.getTime()}.${crypto.randomBytes(12).toString('base64url')}`;
      return `${issued}.${sign(issued)}`;
    },
    /** Throws a DomainError naming what failed; returns when the submission looks human. */
    check(body: Record<string, unknown>, now: Date): void {
      if (typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') {
        throw new DomainError(E.spamSuspected, '提交未通过校验。如您是申请人，请勿填写标注“请勿填写”的栏目后重新提交', { field: '_form' });
      }
      const token = typeof body.formToken === 'string' ? body.formToken : '';
      const [time, nonce, mac] = token.split('.');
      const issued = `${time}.${nonce}`;
      const valid = time && nonce && mac && mac.length === sign(issued).length && crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(sign(issued)));
      const age = now.getTime() - Number(time);
      if (!valid || age > maxAgeMs || age < 0) {
        throw new DomainError(E.formExpired, '表单已过期，请核对填写的内容后重新提交', { field: '_form' });
      }
      if (age < opts.minFillSeconds * 1000) {
        throw new DomainError(E.spamSuspected, '提交过快，请核对填写的内容后再次提交', { field: '_form' });
      }
    },
  };
}
