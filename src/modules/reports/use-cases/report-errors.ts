import { DomainError } from '../../../shared/domain-error.ts';

export const reportNotFound = (what = '年度报告') => new DomainError('ERR_REPORT_NOT_FOUND', `${what}不存在`, { httpStatus: 404 });
export const organNotFound = (code: string) => new DomainError('ERR_REPORT_ORGAN_NOT_FOUND', `机关“${code}”不存在`, { httpStatus: 404 });
export const versionConflict = () => new DomainError('ERR_REPORT_VERSION_CONFLICT', '报告已被他人修改，请刷新页面后重新操作', { httpStatus: 409 });

/** A report year: from 2008 (条例 in force 2008-05-01) to the current year. */
export function parseReportYear(raw: unknown, today: string): number {
  const year = Number(raw);
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > current) {
    throw new DomainError('ERR_REPORT_YEAR_INVALID', `报告年度应为 2008 至 ${current} 之间的年份`, { field: 'year' });
  }
  return year;
}
