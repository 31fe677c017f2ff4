import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { Actor } from '../../identity/index.ts';
import { channelStatistics } from '../domain/channel-statistics.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { channelOutcomeCounts } from '../storage/applications-repository.ts';
import { requireCaseStaff } from './case-access.ts';

/** The organ's applications received in `year`, per channel and outcome group (docs/workflows/application-states.md). */
export async function statisticsByChannel(deps: AppDeps, actor: Actor, organId: number, rawYear: string | number) {
  const year = Number(rawYear);
  if (!Number.isInteger(year) || year < 2008 || year > 2200 || !/^\d{4}$/.test(String(rawYear).trim())) {
    throw new DomainError(E.invalidInput, `年份“${String(rawYear)}”无效，应为四位数字的年份`, { field: 'year' });
  }
  await requireCaseStaff(deps.db, actor, organId);
  return { year, rows: channelStatistics(await channelOutcomeCounts(deps.db, [organId], year)) };
}
