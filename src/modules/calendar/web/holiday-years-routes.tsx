import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash, takeFlash } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorOf, actorUserId, isSystemAdmin, requireStaff, staffUserOf } from '../../identity/index.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { BUILTIN_YEARS } from '../domain/builtin-years.ts';
import { CalendarErrorCode } from '../domain/calendar-codes.ts';
import { listAdminHolidayYears, saveAdminHolidayYear } from '../storage/holiday-years-repository.ts';
import { HolidayYearsPage } from './holiday-years-page.tsx';
import { parseDateList } from './parse-date-list.ts';

export type HolidayYearsOptions = {
  /** Called after a year is saved, e.g. to recompute the stored due dates of open applications; returns how many changed. */
  afterSave?: (deps: AppDeps) => Promise<number>;
};

/** /admin/calendar: a system administrator enters a new year's State Council notice or corrects one. */
export function holidayYearsRoutes(deps: AppDeps, opts: HolidayYearsOptions = {}) {
  const requireSystemAdmin = (request: FastifyRequest) => {
    if (!request.principal || !isSystemAdmin(request.principal)) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有系统管理员可以录入节假日安排', { httpStatus: 403 });
    }
  };
  const page = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, status = 200) => {
    const p = request.principal!;
    return sendPage(
      reply,
      <HolidayYearsPage
        user={staffUserOf(p)} csrf={request.csrfToken!} flash={takeFlash(request, reply)}
        builtin={BUILTIN_YEARS} admin={await listAdminHolidayYears(deps.db)} values={values} errors={errors}
        thisYear={Number(chinaDateOf(deps.clock.now()).slice(0, 4))}
      />,
      status,
    );
  };

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    app.get('/admin/calendar', async (request, reply) => {
      requireSystemAdmin(request);
      return page(request, reply, {}, {});
    });

    app.post('/admin/calendar', async (request, reply) => {
      requireSystemAdmin(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries(['year', 'noticeUrl', 'holidays', 'workdays'].map((k) => [k, typeof body[k] === 'string' ? (body[k] as string) : '']));
      try {
        const holidays = parseDateList(values.holidays, 'holidays');
        const workdays = parseDateList(values.workdays, 'workdays');
        const unreadable = [...holidays.unreadable, ...workdays.unreadable];
        if (unreadable.length) throw new DomainError(CalendarErrorCode.invalidDate, `无法识别的日期：${unreadable.join('、')}（应为YYYY-MM-DD或YYYY-MM-DD..YYYY-MM-DD）`, { field: holidays.unreadable.length ? 'holidays' : 'workdays' });
        if (holidays.dates.length === 0) throw new DomainError(CalendarErrorCode.invalidYear, '请填写放假日', { field: 'holidays' });
        const at = deps.clock.now().toISOString();
        const actor = actorOf(request, 'web');
        const year = await deps.db.transaction().execute(async (trx) => {
          const saved = await saveAdminHolidayYear(trx, { year: Number(values.year), holidays: holidays.dates, workdays: workdays.dates, ...(values.noticeUrl.trim() ? { noticeUrl: values.noticeUrl.trim() } : {}) }, actorUserId(actor), at);
          await appendAuditEvent(trx, deps.dialect, {
            occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'calendar.year_save', entityType: 'holiday_year',
            entityId: String(saved.year), organId: null, before: null, after: saved,
          });
          return saved;
        });
        const changed = opts.afterSave ? await opts.afterSave(deps) : 0;
        setFlash(reply, `已保存${year.year}年放假安排（放假日${year.holidays.length}天，调休上班日${year.workdays.length}天）${opts.afterSave ? `；${changed}件办理中的申请答复期限已重新计算` : ''}`);
        return reply.redirect('/admin/calendar', 303);
      } catch (e) {
        return page(request, reply, values, fieldErrorsOf(e), 400);
      }
    });
  };
}
