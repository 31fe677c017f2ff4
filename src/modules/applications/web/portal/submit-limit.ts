import { DomainError } from '../../../../shared/domain-error.ts';
import { chineseDate } from '../../domain/chinese-date.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';
import { chinaMinuteAfter } from '../../../../shared/iso-date.ts';

/** Addresses kept before a full sweep of the expired ones (the map never grows without bound). */
const SWEEP_AT = 10_000;

/** 2026-03-10T09:10:00Z → 2026年3月10日17:10 (China time, rounded up to the minute). */
const chinaMinute = (at: number) => {
  const t = chinaMinuteAfter(at);
  return `${chineseDate(t.slice(0, 10))}${t.slice(11, 16)}`;
};
const windowLabel = (ms: number) => (ms === 3600_000 ? '一小时' : `${Math.round(ms / 60_000)}分钟`);

/**
 * At most `max` counted posts per client address within `windowMs`, kept in memory on the
 * application's clock. `admit` takes a place at once (so simultaneous posts from one address cannot
 * all slip through) or throws `refusal(when)`, `when` being the China time after which a place is
 * free; `release` gives a place back. The refusal is a DomainError, so the form is shown again with
 * what was typed (docs/workflows/public-forms.md).
 */
export function addressLimit(opts: { max: number; windowMs: number; refusal: (when: string, window: string) => DomainError }) {
  const taken = new Map<string, number[]>();
  const recent = (address: string, now: number) => {
    const list = (taken.get(address) ?? []).filter((t) => t > now - opts.windowMs);
    if (list.length === 0) taken.delete(address);
    else taken.set(address, list);
    return list;
  };
  const admit = (address: string, now: Date): void => {
    if (taken.size > SWEEP_AT) for (const a of [...taken.keys()]) recent(a, now.getTime());
    const list = recent(address, now.getTime());
    // The oldest place is free again when it leaves the window.
    if (list.length >= opts.max) throw opts.refusal(chinaMinute(Math.min(...list) + opts.windowMs), windowLabel(opts.windowMs));
    taken.set(address, [...list, now.getTime()]);
  };
  const release = (address: string, now: Date): void => {
    const list = taken.get(address) ?? [];
    const i = list.lastIndexOf(now.getTime());
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) taken.delete(address);
  };
  return {
    admit,
    release,
    /**
     * Runs a submission so that only an accepted one counts: `submit` calls `admit` just before it
     * writes (after its own checks), and the place is given back when the post made nothing new (a
     * repeat of the same form) or failed after all.
     */
    async countAccepted<T extends { created: boolean }>(address: string, now: Date, submit: (admit: () => void) => Promise<T>): Promise<T> {
      let admitted = false;
      try {
        const result = await submit(() => { admit(address, now); admitted = true; });
        if (admitted && !result.created) release(address, now);
        return result;
      } catch (e) {
        if (admitted) release(address, now);
        throw e;
      }
    },
    /**
     * Runs a look-up so that every attempt counts (guessing query codes is what the limit stops) except one that
     * asked nothing: a form sent with a box empty is answered 请填写… before anything is looked up (`askedNothing`
     * tells that refusal), and pressing 查询 on an empty form a few times must not use up the resident's allowance.
     */
    async countLookUp<T>(address: string, now: Date, lookUp: () => Promise<T>, askedNothing: (e: unknown) => boolean): Promise<T> {
      admit(address, now);
      try {
        return await lookUp();
      } catch (e) {
        if (askedNothing(e)) release(address, now);
        throw e;
      }
    },
  };
}

/**
 * Accepted online applications per address: only accepted submissions count — a citizen correcting a
 * typo, or a form refused for any other reason, never uses up the allowance (the route releases the
 * place of a post that made no new case).
 */
export const acceptedSubmissionLimit = (opts: { max: number; windowMs: number }) =>
  addressLimit({
    ...opts,
    refusal: (when, window) => new DomainError(
      E.submitLimited,
      `同一网络地址${window}内最多提交${opts.max}件申请。请于${when}后再提交，您填写的内容已保留；如有急事，可拨打本机关政策咨询电话`,
      { httpStatus: 429, field: '_form' },
    ),
  });

/** Status queries and letter downloads per address: every attempt that asks something counts, since guessing query codes is what it stops. */
export const queryLimit = (opts: { max: number; windowMs: number }) =>
  addressLimit({
    ...opts,
    refusal: (when, window) => new DomainError(
      'ERR_RATE_LIMITED',
      `查询过于频繁：同一网络地址${window}内最多查询${opts.max}次。请于${when}后再查询`,
      { httpStatus: 429, field: '_form' },
    ),
  });
