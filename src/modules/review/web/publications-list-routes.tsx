import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { pageQueryParam } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { pageForStaff, PUBLICATION_STATUS_LABELS, staffContext, type StaffListOrder } from '../../catalog/index.ts';
import { PublicationsListPage, submittingUnitsOf } from './publications-list-page.tsx';

/** GET /admin/publications: the staff list of items (信息管理), by organ, 报送单位, status and words. */
export function publicationsListRoutes(deps: AppDeps) {
  const { db } = deps;
  return (app: FastifyInstance) => {
    app.get<{ Querystring: { organ?: string; unit?: string; status?: string; q?: string; page?: string; sort?: string } }>('/admin/publications', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const hasCatalog = await scope.hasCatalog();
      const organCode = request.query.organ ?? '';
      // Any state the 状态 box offers (审核中、已退回修改、审核通过待发布、定时发布 too, not only 草稿/已发布/已撤回).
      const status = Object.keys(PUBLICATION_STATUS_LABELS).includes(request.query.status ?? '') ? request.query.status! : '';
      const q = (request.query.q ?? '').trim().slice(0, 100);
      // 排序: the most recently changed first (default), or the newest 发布日期 first; another value is the default.
      const order: StaffListOrder = request.query.sort === 'published' ? 'published' : 'changed';
      // A unit without catalog picked as 机关 has no items of its own: they are its organ's, with it as 报送单位
      // (found by an outside tester: always 0), so the list is the organ's filtered by the unit.
      const asOrgan = scope.staffOf.find((o) => o.code === organCode);
      const parent = asOrgan && asOrgan.kind === 'unit' && !hasCatalog(asOrgan) ? scope.organs.find((o) => o.id === asOrgan.parentId) : undefined;
      if (asOrgan && parent) {
        return reply.redirect(`/admin/publications?organ=${encodeURIComponent(parent.code)}&unit=${encodeURIComponent(asOrgan.code)}&status=${status}&q=${encodeURIComponent(q)}${order === 'published' ? '&sort=published' : ''}`, 303);
      }
      // 报送单位: one of the units (股室) of the organs listed; another code filters nothing.
      const unit = request.query.unit ? submittingUnitsOf(scope).find((u) => u.code === request.query.unit) : undefined;
      const organIds = organCode ? scope.staffOf.filter((o) => o.code === organCode).map((o) => o.id) : scope.staffOf.map((o) => o.id);
      const page = pageQueryParam(request.query.page);
      // Staff of every organ (a system administrator) list the whole catalog: asked without an organ filter.
      const everyOrgan = !organCode && organIds.length === scope.organs.length;
      const { items, total } = await pageForStaff(db, { organIds: everyOrgan ? null : organIds, status: (status || undefined) as never, q: q || undefined, submittingUnitId: unit?.id, page, pageSize: 30, order });
      return sendPage(reply, <PublicationsListPage scope={scope} hasCatalog={hasCatalog} organCode={organCode} unitCode={unit?.code ?? ''} status={status} q={q} order={order} items={items} total={total} page={page} pageSize={30} today={chinaDateOf(deps.clock.now())} />);
    });
  };
}
