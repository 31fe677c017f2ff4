import { DomainError } from '../../../../shared/domain-error.ts';
import { chineseDate } from '../../domain/chinese-date.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';

/**
 * At most `max` accepted online applications per client address within `windowMs`
 * (docs/workflows/public-forms.md). Only accepted submissions count: a citizen correcting a typo,
 * or a form refused for any other reason, never uses up the allowance. Kept in memory, like the
 * other per-address limits; the clock is the application's, so the wait is exact.
 */
export function acceptedSubmissionLimit(opts: { max: number; windowMs: number }) {
  const accepted = new Map<string, number[]>();
  const recent = (address: string, now: Date) => {
    const since = now.getTime() - opts.windowMs;
    const list = (accepted.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) accepted.delete(address);
    else accepted.set(address, list);
    return list;
  };
  return {
    /** Throws ERR_APPLICATION_SUBMIT_LIMITED, saying when to try again, once the allowance is used up. */
    admit(address: string, now: Date): void {
      const list = recent(address, now);
      if (list.length < opts.max) return;
      // The oldest acceptance leaves the window at this instant; say the next whole minute, China time.
      const free = new Date(Math.ceil((list[0] + opts.windowMs + 8 * 3600_000) / 60_000) * 60_000);
      const when = `${chineseDate(free.toISOString().slice(0, 10))}${free.toISOString().slice(11, 16)}`;
      throw new DomainError(
        E.submitLimited,
        `同一网络地址${opts.windowMs === 3600_000 ? '一小时' : `${Math.round(opts.windowMs / 60_000)}分钟`}内最多提交${opts.max}件申请。请于${when}后再提交，您填写的内容已保留；如有急事，可拨打本机关政策咨询电话`,
        { httpStatus: 429, field: '_form' },
      );
    },
    record(address: string, now: Date): void {
      accepted.set(address, [...recent(address, now), now.getTime()]);
    },
  };
}
