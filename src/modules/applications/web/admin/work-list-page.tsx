import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { UNCONFIRMED_AGEING_WORKING_DAYS } from '../../use-cases/list-work.ts';
import { PagedList, Pagination } from '../../../../platform/views/components.tsx';
import type { Organ } from '../../../catalog/index.ts';
import type { Application } from '../../domain/application.ts';
import { STATE_LABELS } from '../../domain/application-states.ts';
import { deadlineStanding } from '../../domain/deadline-wording.ts';
import { DeadlineStanding } from '../deadline-standing.tsx';
import type { WorkListFilter } from '../../storage/applications-repository.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';

export const VIEW_LABELS: Record<WorkListFilter['view'], string> = {
  open: '办理中',
  due_soon: '即将到期',
  overdue: '已逾期',
  awaiting_confirmation: '待确认收到',
  unconfirmed_aged: `到达超过${UNCONFIRMED_AGEING_WORKING_DAYS}个工作日未确认`,
  proactive: '建议转为主动公开',
  closed: '已办结',
  all: '全部',
};

/** The waiting date that matters now: the reply deadline, or the applicant's correction or payment deadline. */
export function currentDeadline(a: Application): { on: string | null; what: string } {
  if (a.state === 'awaiting_correction') return { on: a.correctionDueOn, what: '补正期限' };
  if (a.state === 'awaiting_fee') return { on: a.feeDueOn, what: '缴费期限' };
  return { on: a.dueOn, what: '答复期限' };
}

export function WorkListPage({ scope, organ, view, days, q, page, list, handlers, waiting }: {
  scope: StaffContext; organ: Organ; view: WorkListFilter['view']; days: number; q: string; page: number;
  list: { items: Application[]; total: number; today: string; dueBy: string }; handlers: Map<number, string>;
  /** Applications waiting per organ as 待办 counts them, named in the organ switch. */
  waiting?: ReadonlyMap<number, number>;
}) {
  const href = (over: Record<string, string | number>) => {
    const params = new URLSearchParams({ organ: organ.code, view, days: String(days), ...(q ? { q } : {}), ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, String(v)])) });
    return `/admin/applications?${params}`;
  };
  return (
    <AdminLayout title="依申请公开办件" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>依申请公开办件 · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="work" isSystemAdmin={scope.user.isSystemAdmin} nameOf={(o) => scope.switchName(o, waiting)} />
      <nav class="actions" aria-label="办件视图">
        {(Object.keys(VIEW_LABELS) as WorkListFilter['view'][]).map((v) => (
          <a href={href({ view: v, page: 1 })} aria-current={v === view ? 'page' : undefined} class={v === view ? 'btn btn-small' : undefined}>{VIEW_LABELS[v]}</a>
        ))}
      </nav>
      <form method="get" action="/admin/applications" class="actions">
        <input type="hidden" name="organ" value={organ.code} />
        <input type="hidden" name="view" value={view} />
        <label for="f-days">即将到期：</label>
        <input type="number" id="f-days" name="days" min={0} max={60} value={String(days)} class="input-days" />
        <span>个工作日内（至{list.dueBy}）</span>
        <label for="f-q">搜索：</label>
        <input type="text" id="f-q" name="q" value={q} placeholder="编号、申请人或内容" />
        <button type="submit" class="btn btn-small">筛选</button>
      </form>
      <PagedList page={page} pageSize={50} total={list.total} empty={<p>没有符合条件的申请。</p>}>
        <table class="list" id="work-list">
          <thead><tr><th scope="col">申请编号</th><th scope="col">申请人</th><th scope="col">申请内容</th><th scope="col">状态</th><th scope="col">收到日期</th><th scope="col">期限</th><th scope="col">承办人</th></tr></thead>
          <tbody>
            {list.items.map((a) => {
              const d = currentDeadline(a);
              // 已逾期 after the last day, 今日到期 on it (the last day is included), for a case still waiting.
              const waiting = !['replied', 'archived', 'discarded'].includes(a.state);
              const overdue = d.on !== null && waiting && deadlineStanding(d.on, list.today) === '已逾期';
              return (
                <tr class={overdue ? 'overdue' : undefined}>
                  <td><a href={`/admin/applications/${a.id}`}>{a.trackingNo}</a></td>
                  <td>{a.applicantName}</td>
                  <td>{a.subject.length > 40 ? `${a.subject.slice(0, 40)}…` : a.subject}</td>
                  <td>{STATE_LABELS[a.state]}{a.outcome ? '' : ''}</td>
                  <td>{a.receivedOn ?? '待确认'}</td>
                  <td>
                    {/* A closed case has no running deadline: an answered one says when it was answered. */}
                    {a.repliedOn ? `答复于${a.repliedOn}` : d.on && waiting ? <>{d.what}：<DeadlineStanding on={d.on} today={list.today}>
                      {a.dueProvisional && d.what === '答复期限' && <span title="期限跨入尚未公布放假安排的年份">（暂定）</span>}
                    </DeadlineStanding></> : '—'}
                  </td>
                  <td>{a.handlerUserId ? handlers.get(a.handlerUserId) ?? '' : '未指定'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </PagedList>
      <Pagination page={page} pageSize={50} total={list.total} href={(p) => href({ page: p })} />
    </AdminLayout>
  );
}
