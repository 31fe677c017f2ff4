import crypto from 'node:crypto';
import { fieldErrorsOf } from '../../../../platform/views/admin-helpers.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { instanceKey } from '../../../audit/index.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';

/** The honeypot: invisible to people, filled by form-filling robots. */
export const HONEYPOT_FIELD = 'website';

/**
 * Spam protection without any outside service: a signed token with the time the form was served
 * and a random part (two forms served in the same millisecond differ: the token is also the form's
 * idempotency key, docs/workflows/public-forms.md), a minimum fill time, and a honeypot field. The
 * key is derived from the audit key (`instanceKey`), so a form served by one instance is accepted by
 * every other instance on the database, and after a restart.
 *
 * A refused form is shown again with `retry`'s token, never one that restarts the clock: it keeps the
 * time the form was first served, and a person refused for speed (autofill, a quick typist) may send
 * the form again at once — the token is dated as already waited. A robot must still fetch the form,
 * post it, read the refusal and post again, and the honeypot and the per-address limits still apply.
 */
/**
 * The least time between serving a public form and accepting it. A robot posts within a fraction of
 * a second of fetching the form; a person pasting a letter written beforehand (subject, text, name,
 * contact) and pressing 提交 takes a few seconds (an outside tester: 3.5 s, refused at the old 5 s).
 * Two seconds catches the robot without the person; the honeypot, the signed token and the
 * per-address limit do the rest, and a person refused anyway may send the kept form again at once.
 */
export const MIN_FILL_SECONDS = 2;

export function formGuard(opts: { minFillSeconds: number; maxAgeHours?: number }) {
  // Derived from the audit key on first use (not at start, before a composition root has set it).
  let key: Buffer | null = null;
  const sign = (issued: string) => crypto.createHmac('sha256', (key ??= instanceKey('public form tokens'))).update(issued).digest('base64url');
  const maxAgeMs = (opts.maxAgeHours ?? 12) * 3600_000;
  const minFillMs = opts.minFillSeconds * 1000;
  const issueAt = (time: number) => {
    const issued = `${time}.${crypto.randomBytes(12).toString('base64url')}`;
    return `${issued}.${sign(issued)}`;
  };
  /** The serve time of a token this guard signed, or null. */
  const servedAt = (token: string): number | null => {
    const [time, nonce, mac] = token.split('.');
    const issued = `${time}.${nonce}`;
    const valid = time && nonce && mac && mac.length === sign(issued).length && crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(sign(issued)));
    return valid && Number.isFinite(Number(time)) ? Number(time) : null;
  };
  return {
    issue(now: Date): string {
      return issueAt(now.getTime());
    },
    /**
     * The token of a refused form shown again: the posted form's serve time, or for one refused for
     * speed or age as already waited; a token this guard did not sign gets a fresh one.
     */
    retry(body: Record<string, unknown>, now: Date): string {
      const served = servedAt(typeof body.formToken === 'string' ? body.formToken : '');
      if (served === null) return issueAt(now.getTime());
      const waited = now.getTime() - minFillMs;
      return issueAt(now.getTime() - served > maxAgeMs ? waited : Math.min(served, waited));
    },
    /** Throws a DomainError naming what failed; returns when the submission looks human. */
    check(body: Record<string, unknown>, now: Date): void {
      if (typeof body[HONEYPOT_FIELD] === 'string' && body[HONEYPOT_FIELD] !== '') {
        throw new DomainError(E.spamSuspected, '提交未通过校验，您填写的内容已保留，请核对后再次提交', { field: '_form' });
      }
      const served = servedAt(typeof body.formToken === 'string' ? body.formToken : '');
      const age = served === null ? NaN : now.getTime() - served;
      if (!(age >= 0 && age <= maxAgeMs)) {
        throw new DomainError(E.formExpired, '表单已过期，您填写的内容已保留，请核对后再次提交', { field: '_form' });
      }
      if (age < minFillMs) {
        throw new DomainError(E.spamSuspected, '提交过快：为防止自动程序批量提交，表单打开后需稍候两秒才能提交。您填写的内容已保留，请核对后再次提交', { field: '_form' });
      }
    },
  };
}

/**
 * What a refused public form shows (application, mailbox, 意见征集): the refusal's own errors, and when
 * the guard refused it (too fast, the trap, an expired token) also what is wrong in its fields, all in
 * one round. 提交过快 (or the trap's refusal) is said only of a form otherwise right: beside missing
 * fields it only confused an outside tester, and the form shown again may be sent at once anyway
 * (`retry`). `codes` are the form's area's codes of the guard's refusals.
 */
export function refusedFormErrors(e: unknown, codes: { spamSuspected: string; formExpired: string }, inputErrors: () => Record<string, string>): Record<string, string> {
  const errors = fieldErrorsOf(e);
  if (!(e instanceof DomainError) || (e.code !== codes.spamSuspected && e.code !== codes.formExpired)) return errors;
  const wrong = inputErrors();
  if (Object.keys(wrong).length > 0 && e.code === codes.spamSuspected) delete errors._form;
  for (const [field, message] of Object.entries(wrong)) errors[field] ??= message;
  return errors;
}
