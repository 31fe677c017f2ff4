import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../platform/app-deps.ts';
import { DEFAULT_DUE_SOON_WORKING_DAYS, listWork, UNCONFIRMED_AGEING_WORKING_DAYS } from '../modules/applications/index.ts';
import { organScope } from '../modules/catalog/index.ts';
import type { Reminder } from '../modules/review/index.ts';

/**
 * What the 待办 page reminds a person of beyond the review queue: their organs' applications that
 * are overdue or due within a few working days (reference §1.4 [A]), and annual reports coming due.
 */
export async function staffReminders(deps: AppDeps, request: FastifyRequest): Promise<Reminder[]> {
  const scope = await organScope(deps.db, request.principal!);
  const out: Reminder[] = [];
  for (const organ of scope.directStaffOf.filter((o) => o.kind !== 'unit')) {
    const [overdue, dueSoon, unconfirmed] = await Promise.all([
      listWork(deps, [organ.id], 'overdue', { pageSize: 1 }),
      listWork(deps, [organ.id], 'due_soon', { pageSize: 1, days: DEFAULT_DUE_SOON_WORKING_DAYS }),
      listWork(deps, [organ.id], 'unconfirmed_aged', { pageSize: 1 }),
    ]);
    // 条例第三十一条第（三）项: until both sides confirm, the clock has not started; ageing ones need a call.
    if (unconfirmed.total > 0) {
      out.push({ message: `${organ.name}：${unconfirmed.total} 件网上、传真或电子邮件申请到达已超过 ${UNCONFIRMED_AGEING_WORKING_DAYS} 个工作日仍未与申请人确认`, href: `/admin/applications?organ=${organ.code}&view=unconfirmed_aged` });
    }
    if (overdue.total > 0) out.push({ message: `${organ.name}：${overdue.total} 件依申请公开已超过答复期限`, href: `/admin/applications?organ=${organ.code}&view=overdue` });
    if (dueSoon.total > 0) out.push({ message: `${organ.name}：${dueSoon.total} 件依申请公开将在 ${DEFAULT_DUE_SOON_WORKING_DAYS} 个工作日内到期`, href: `/admin/applications?organ=${organ.code}&view=due_soon` });
  }
  // 条例第四十九条: departments publish last year's report by 31 January (governments by 31 March).
  const today = new Date(deps.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  if (today.slice(5) >= '12-01' || today.slice(5) <= '03-31') {
    out.push({ message: '年度报告编制期：部门应于 1 月 31 日前、人民政府应于 3 月 31 日前公布上一年度报告', href: '/admin/annual-reports' });
  }
  return out;
}
