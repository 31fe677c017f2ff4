import { chinaDateOf } from '../../../shared/iso-date.ts';
import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import type { HolidayYear } from '../domain/holiday-year.ts';
import type { StoredHolidayYear } from '../storage/holiday-years-repository.ts';

export type YearRow = { year: number; source: 'builtin' | 'admin'; holidays: number; workdays: number; noticeUrl?: string; enteredAt?: string; overridden: boolean };

/** The State Council holiday notices in force, and the form to enter a new year or correct one (docs/rules/working-days.md). */
export function HolidayYearsPage({ user, csrf, flash, builtin, admin, values, errors, thisYear }: {
  user: AdminUser; csrf: string; flash: Flash | null; builtin: readonly HolidayYear[]; admin: StoredHolidayYear[];
  values: Record<string, string>; errors: FieldErrors; thisYear: number;
}) {
  const adminYears = new Set(admin.map((y) => y.year));
  const rows: YearRow[] = [
    ...builtin.map((y) => ({ year: y.year, source: 'builtin' as const, holidays: y.holidays.length, workdays: y.workdays.length, noticeUrl: y.noticeUrl, overridden: adminYears.has(y.year) })),
    ...admin.map((y) => ({ year: y.year, source: 'admin' as const, holidays: y.holidays.length, workdays: y.workdays.length, noticeUrl: y.noticeUrl, enteredAt: y.enteredAt, overridden: false })),
  ].sort((a, b) => a.year - b.year || (a.source === 'admin' ? 1 : -1));
  const known = new Set(rows.map((r) => r.year));
  const missing = [thisYear, thisYear + 1].filter((y) => !known.has(y));
  return (
    <AdminLayout title="节假日安排" user={user} csrfToken={csrf} flash={flash}>
      <h1>节假日和调休安排</h1>
      <p>答复期限按工作日计算：周一至周五，去除国务院办公厅通知的放假日，加上调休上班的周末。2019—2026年的通知随系统提供；新的一年请在通知发布后录入。期限跨入尚未录入的年份时，系统按周一至周五推定并标注“暂定”。</p>
      {missing.length > 0 && <div class="notice" role="alert"><p>尚未录入{missing.map((y) => `${y}年`).join('、')}的放假安排：跨入该年的答复期限均为暂定。</p></div>}
      <table class="list" id="holiday-years">
        <thead><tr><th scope="col">年份</th><th scope="col">来源</th><th scope="col">放假日（周一至周五）</th><th scope="col">调休上班日</th><th scope="col">通知</th></tr></thead>
        <tbody>{rows.map((r) => (
          <tr>
            <td>{r.year}</td>
            <td>{r.source === 'admin' ? `管理员录入（${r.enteredAt ? chinaDateOf(new Date(r.enteredAt)) : ''}）` : r.overridden ? '系统内置（已被管理员录入的安排替代）' : '系统内置'}</td>
            <td>{r.holidays}天</td><td>{r.workdays}天</td>
            <td>{r.noticeUrl ? <a href={r.noticeUrl} rel="noreferrer" target="_blank">查看通知</a> : '—'}</td>
          </tr>
        ))}</tbody>
      </table>
      <h2>录入或更正一年的安排</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/admin/calendar" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <Field name="year" label="年份" errors={errors} required>
          <input type="number" id="f-year" name="year" value={values.year ?? String(thisYear + 1)} min={2000} max={2200} />
        </Field>
        <Field name="noticeUrl" label="通知网址" errors={errors} hint="国务院办公厅关于该年部分节假日安排的通知">
          <input type="text" id="f-noticeUrl" name="noticeUrl" value={values.noticeUrl ?? ''} />
        </Field>
        <Field name="holidays" label="放假日" errors={errors} required hint="每行一个日期或日期段，如 2027-02-05..2027-02-12；日期段中的周六、周日自动略去">
          <textarea id="f-holidays" name="holidays">{values.holidays ?? ''}</textarea>
        </Field>
        <Field name="workdays" label="调休上班日（周六、周日）" errors={errors} hint="每行一个日期，如 2027-02-14">
          <textarea id="f-workdays" name="workdays">{values.workdays ?? ''}</textarea>
        </Field>
        <button type="submit" class="btn">保存</button>
      </form>
    </AdminLayout>
  );
}
