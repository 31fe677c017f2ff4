import { DomainError } from '../../../../shared/domain-error.ts';
import { chineseDate } from '../../domain/chinese-date.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';

/** Addresses kept before a full sweep of the expired ones (the map never grows without bound). */
const SWEEP_AT = 10_000;

/**
 * At most `max` accepted online applications per client address within `windowMs`
 * (docs/workflows/public-forms.md). Only accepted submissions count: a citizen correcting a typo,
 * or a form refused for any other reason, never uses up the allowance. `admit` takes a place at once
 * (so simultaneous posts from one address cannot all slip through) and `release` gives it back when
 * the post made no new case after all. Kept in memory, like the other per-address limits; the clock
 * is the application's, so the wait is exact.
 */
export function acceptedSubmissionLimit(opts: { max: number; windowMs: number }) {
  const accepted = new Map<string, number[]>();
  const recent = (address: string, now: number) => {
    const list = (accepted.get(address) ?? []).filter((t) => t > now - opts.windowMs);
    if (list.length === 0) accepted.delete(address);
    else accepted.set(address, list);
    return list;
  };
  const windowLabel = opts.windowMs === 3600_000 ? '一小时' : `${Math.round(opts.windowMs / 60_000)}分钟`;
  return {
    /** Takes a place, or throws ERR_APPLICATION_SUBMIT_LIMITED saying when to try again. */
    admit(address: string, now: Date): void {
      if (accepted.size > SWEEP_AT) for (const a of [...accepted.keys()]) recent(a, now.getTime());
      const list = recent(address, now.getTime());
      if (list.length >= opts.max) {
        // The oldest acceptance leaves the window at this instant; say the next whole minute, China time.
        const free = new Date(Math.ceil((Math.min(...list) + opts.windowMs + 8 * 3600_000) / 60_000) * 60_000).toISOString();
        throw new DomainError(
          E.submitLimited,
          `同一网络地址${windowLabel}内最多提交${opts.max}件申请。请于${chineseDate(free.slice(0, 10))}${free.slice(11, 16)}后再提交，您填写的内容已保留；如有急事，可拨打本机关政策咨询电话`,
          { httpStatus: 429, field: '_form' },
        );
      }
      accepted.set(address, [...list, now.getTime()]);
    },
    /** Gives back the place taken at `now` (the post was a repeat of an accepted form, or failed). */
    release(address: string, now: Date): void {
      const list = accepted.get(address) ?? [];
      const i = list.lastIndexOf(now.getTime());
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) accepted.delete(address);
    },
  };
}
