import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';

export function TasksPage({ user, csrf, flash, organ, units, nodes, tasks, errors, values }: {
  user: AdminUser; csrf: string; flash: Flash | null; organ: { code: string; name: string }; units: { code: string; name: string }[];
  nodes: { id: number; name: string }[]; tasks: { id: number; title: string; unit_name: string; next_due_on: string; every_days: number | null }[];
  errors: FieldErrors; values: Record<string, string>;
}) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title={`报送任务：${organ.name}`} user={user} csrfToken={csrf} flash={flash}>
      <h1>报送任务：{organ.name}</h1>
      <table class="list">
        <thead><tr><th scope="col">任务</th><th scope="col">报送单位</th><th scope="col">下次截止</th><th scope="col">周期</th></tr></thead>
        <tbody>{tasks.map((t) => <tr key={t.id}><td>{t.title}</td><td>{t.unit_name}</td><td>{t.next_due_on}</td><td>{t.every_days ? `每 ${t.every_days} 天` : '一次性'}</td></tr>)}</tbody>
      </table>
      {tasks.length === 0 && <p>暂无进行中的报送任务。</p>}
      <section class="panel" aria-labelledby="new-task-h">
        <h2 id="new-task-h">布置报送任务</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={`/admin/organs/${organ.code}/tasks`} novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <Field name="title" label="任务名称" errors={errors} required hint="如：更新工作动态"><input id="f-title" name="title" value={v('title')} /></Field>
          <Field name="unitCode" label="报送单位" errors={errors} required>
            <select id="f-unitCode" name="unitCode">{units.map((u) => <option value={u.code} selected={v('unitCode') === u.code}>{u.name}</option>)}</select>
          </Field>
          <Field name="nodeId" label="报送栏目" errors={errors}>
            <select id="f-nodeId" name="nodeId"><option value="">（不限）</option>{nodes.map((n) => <option value={String(n.id)} selected={v('nodeId') === String(n.id)}>{n.name}</option>)}</select>
          </Field>
          <Field name="dueOn" label="截止日期" errors={errors} required><input id="f-dueOn" name="dueOn" type="date" value={v('dueOn')} /></Field>
          <Field name="everyDays" label="重复周期（天）" errors={errors} hint="如每两周更新一次填 14；一次性任务留空"><input id="f-everyDays" name="everyDays" value={v('everyDays')} inputMode="numeric" /></Field>
          <Field name="description" label="说明" errors={errors}><textarea id="f-description" name="description">{v('description')}</textarea></Field>
          <button class="btn" type="submit">布置任务</button>
        </form>
      </section>
    </AdminLayout>
  );
}
