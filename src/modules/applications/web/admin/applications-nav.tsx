import type { Organ } from '../../../catalog/index.ts';

/** The area's own navigation inside the back office. `nameOf`: an organ's name in the switch (the work list's says what waits there). */
export function ApplicationsNav({ organ, organs, current, isSystemAdmin, nameOf = (o) => o.name }: { organ: Organ; organs: Organ[]; current: string; isSystemAdmin: boolean; nameOf?: (o: Organ) => string }) {
  const links: [string, string][] = [
    ['work', `/admin/applications?organ=${organ.code}`],
    ['new', `/admin/applications/new?organ=${organ.code}`],
    ['corrections', `/admin/record-corrections?organ=${organ.code}`],
    ['appeals', `/admin/appeals?organ=${organ.code}`],
    ['statistics', `/admin/applications/statistics?organ=${organ.code}`],
    ['templates', `/admin/organs/${organ.code}/letter-templates`],
    ['settings', `/admin/organs/${organ.code}/application-settings`],
  ];
  const labels: Record<string, string> = { work: '依申请公开办件', new: '登记申请', corrections: '更正申请', appeals: '复议诉讼', statistics: '统计', templates: '文书模板', settings: '设置' };
  return (
    <nav class="actions" aria-label="依申请公开">
      {links.map(([key, href]) => <a href={href} aria-current={current === key ? 'page' : undefined} class={current === key ? 'btn btn-small' : undefined}>{labels[key]}</a>)}
      {isSystemAdmin && <a href="/admin/calendar">节假日安排</a>}
      {organs.length > 1 && (
        <form method="get" action="/admin/applications" class="inline-form">
          <label for="organ-switch">机关：</label>
          <select id="organ-switch" name="organ">{organs.map((o) => <option value={o.code} selected={o.id === organ.id}>{nameOf(o)}</option>)}</select>
          <button type="submit" class="btn btn-small">切换</button>
        </form>
      )}
    </nav>
  );
}
