import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { placeFlash } from '../../../platform/views/flash.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { organNotFound, staffContext } from '../../catalog/index.ts';
import { actorOf, requireStaff } from '../../identity/index.ts';
import { nodeCadences } from '../use-cases/node-cadences.ts';
import { setNodeSupervision } from '../use-cases/set-node-supervision.ts';
import { supervisionDashboard } from '../use-cases/supervision-dashboard.ts';
import { OrganSupervisionPage, RegionSupervisionPage } from './dashboard-pages.tsx';
import { inspectionRun, lastInspections, openInspections } from '../use-cases/inspection-runs.ts';
import { LAST_RUN, LastRunSection } from './inspection-pages.tsx';
import { inspectionRoutes } from './inspection-routes.tsx';
import { NodeCadencesPage, NodeSupervisionForm, nodeRowId } from './node-cadences-page.tsx';
import { ReminderAddressesPage } from './reminder-addresses-page.tsx';
import { ChartsSection } from './charts-section.tsx';
import { organCharts, regionCharts } from '../use-cases/supervision-charts.ts';
import { DispatchPage } from './dispatch-page.tsx';
import { dispatchNoticeDocument, draftDispatchNotice, loadMonthlyDispatch } from '../use-cases/monthly-dispatch.ts';
import { isMonth, previousMonth } from '../domain/dispatch.ts';
import { renderDocumentDocx, renderDocumentPage, renderDocumentPdf } from '../../../platform/documents/index.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { reminderAddressesOf, setReminderAddress } from '../use-cases/reminder-mails.ts';
import { isEmailAddress, REMIND_DAYS_AHEAD } from '../domain/reminder-mails.ts';

/** Back-office pages of the supervision area. */
export function supervisionAdminRoutes(deps: AppDeps, opts: { mailConfigured?: boolean } = {}) {
  const { db } = deps;

  /** The organ, if the person is on its staff; whether they may set cadences (disclosure office, organ admin). */
  async function organFor(request: FastifyRequest, reply: FastifyReply, code: string) {
    const scope = await staffContext(deps, request, reply);
    // Another organ's supervision answers as if it were not there.
    const organ = scope.staffOf.find((o) => o.code === code);
    if (!organ) throw organNotFound(code);
    const units = scope.organs.filter((o) => o.parentId === organ.id && o.kind === 'unit');
    return { scope, organ, canSet: scope.keepsOffice(organ), units };
  }

  /**
   * The run a page was sent to follow (?run=ID, after 立即检查) once it has ended, over the given organs
   * only (a run of other organs tells this page nothing); null while it is open, or when it is none of theirs.
   */
  async function askedRun(raw: string | undefined, codes: string[]) {
    const id = Number(raw);
    if (!raw || !Number.isSafeInteger(id) || id <= 0) return null;
    const r = await inspectionRun(deps, id);
    if (!r || r.state === 'open' || !r.run.organCodes.some((c) => codes.includes(c))) return null;
    if (r.state === 'failed') return r;
    return { state: 'done' as const, organs: r.result.organs.filter((o) => codes.includes(o.code)) };
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    inspectionRoutes(app, deps);

    // The region view: every organ (not its internal units) the person works on.
    app.get<{ Querystring: { run?: string } }>('/admin/supervision', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organs = scope.staffOf.filter((o) => o.kind !== 'unit');
      const codes = organs.map((o) => o.code);
      const rows = await supervisionDashboard(deps, organs, scope.organs);
      const last = await lastInspections(deps, codes);
      const lastRuns = new Map([...last].map(([code, r]) => [code, { finishedAt: r.finishedAt, trigger: r.trigger, externalLinksChecked: r.result.externalLinksChecked, organ: r.organ }]));
      // 立即检查's run (?run=ID), once ended: what it found over the organs this person sees.
      const asked = await askedRun(request.query.run, codes);
      const askedText = asked === null ? null : asked.state === 'failed' ? `网站检查未能完成：${asked.error}`
        : `已完成 ${asked.organs.length} 个机关的网站检查，${asked.organs.filter((o) => o.verdict.vetoed).length} 个有单项否决`;
      const status = { open: await openInspections(deps, codes), asked: askedText, again: request.query.run ? `/admin/supervision?run=${encodeURIComponent(request.query.run)}` : '/admin/supervision' };
      // The button asks for the organs the person keeps; a run under way over all of them is the answer already.
      const kept = organs.filter((o) => scope.keepsOffice(o)).map((o) => o.code);
      const canRun = kept.length > 0 && !status.open.some((r) => kept.every((c) => r.organCodes.includes(c)));
      return sendPage(reply, (
        <RegionSupervisionPage user={scope.user} csrf={scope.csrf} rows={rows} today={chinaDateOf(deps.clock.now())} handles={(id) => scope.handles.some((o) => o.id === id)} canRun={canRun} lastRuns={lastRuns} flash={scope.flash} runs={status}>
          {organs.length > 0 && <ChartsSection c={await regionCharts(deps, organs, scope.handles)} scope="region" />}
        </RegionSupervisionPage>
      ));
    });
    app.get<{ Params: { code: string }; Querystring: { run?: string } }>('/admin/supervision/:code', async (request, reply) => {
      const { scope, organ, canSet: canRun } = await organFor(request, reply, request.params.code);
      const open = await openInspections(deps, [organ.code]);
      const ended = await askedRun(request.query.run, [organ.code]);
      const asked = ended === null ? null : ended.state === 'failed' ? ended : ended.organs[0] ? { state: 'done' as const, organ: ended.organs[0] } : null;
      const again = `/admin/supervision/${organ.code}${request.query.run ? `?run=${encodeURIComponent(request.query.run)}` : ''}#${LAST_RUN}`;
      const [s] = await supervisionDashboard(deps, [organ], scope.organs);
      const last = (await lastInspections(deps, [organ.code])).get(organ.code) ?? null;
      const run = last && { finishedAt: last.finishedAt, trigger: last.trigger, externalLinksChecked: last.result.externalLinksChecked, organ: last.organ };
      // 立即检查's outcome is told under 最近一次网站检查, where its redirect lands, not at the top of the page.
      const flash = placeFlash(scope.flash, [LAST_RUN]);
      return sendPage(reply, (
        <OrganSupervisionPage user={scope.user} csrf={scope.csrf} s={s!} handles={scope.handles.some((o) => o.id === organ.id)} flash={flash.top}>
          <LastRunSection organ={organ} run={run} csrf={scope.csrf} canRun={canRun} canSeeWording={scope.mayDraft(organ)} flash={flash.at(LAST_RUN)} open={open} asked={asked} again={again} />
          <ChartsSection c={await organCharts(deps, organ, scope.organs, scope.handles)} scope="organ" />
        </OrganSupervisionPage>
      ));
    });

    app.get<{ Params: { code: string } }>('/admin/organs/:code/supervision/nodes', async (request, reply) => {
      const { scope, organ, canSet } = await organFor(request, reply, request.params.code);
      const now = deps.clock.now();
      const rows = await nodeCadences(db, organ.id, now);
      return sendPage(reply, <NodeCadencesPage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} today={chinaDateOf(now)} rows={rows} canSet={canSet} />);
    });

    const formPage = async (request: FastifyRequest<{ Params: { code: string; id: string } }>, reply: FastifyReply, errors: Record<string, string>, values: Record<string, string> | null, status = 200) => {
      const { scope, organ, canSet, units } = await organFor(request, reply, request.params.code);
      if (!canSet) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以设置栏目的责任单位和更新周期', { httpStatus: 403 });
      const row = (await nodeCadences(db, organ.id, deps.clock.now())).find((r) => String(r.node.id) === request.params.id);
      if (!row) throw new DomainError('ERR_NOT_FOUND', '栏目不存在', { httpStatus: 404 });
      const v = values ?? { unitCode: row.responsibleUnit?.code ?? '', cadence: row.cadenceSource === 'set' ? row.cadence : '' };
      return sendPage(reply, <NodeSupervisionForm user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} row={row} units={units} errors={errors} values={v} />, status);
    };
    app.get<{ Params: { code: string; id: string } }>('/admin/organs/:code/supervision/nodes/:id', async (request, reply) => formPage(request, reply, {}, null));
    app.post<{ Params: { code: string; id: string } }>('/admin/organs/:code/supervision/nodes/:id', async (request, reply) => {
      const { organ } = await organFor(request, reply, request.params.code);
      const nodeId = Number(request.params.id);
      const node = (await nodeCadences(db, organ.id, deps.clock.now())).find((r) => r.node.id === nodeId);
      if (!node) throw new DomainError('ERR_NOT_FOUND', '栏目不存在', { httpStatus: 404 });
      try {
        await setNodeSupervision(deps, actorOf(request, 'web'), nodeId, request.body);
        setFlash(reply, `已保存“${node.node.name}”的责任单位和更新周期`, { at: nodeRowId(nodeId) });
        return reply.redirect(`/admin/organs/${organ.code}/supervision/nodes#${nodeRowId(nodeId)}`, 303);
      } catch (e) {
        return formPage(request, reply, fieldErrorsOf(e), request.body as Record<string, string>, 400);
      }
    });

    // 提醒邮箱: where each organ's and unit's reminder e-mails go (docs/rules/website-inspection.md, "Reminders").
    const remindersPage = async (request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply, values: Record<string, string> | null, errors: Record<string, string>, status = 200) => {
      const { scope, organ, canSet, units } = await organFor(request, reply, request.params.code);
      const saved = await reminderAddressesOf(deps, [organ.id, ...units.map((u) => u.id)]);
      const v = values ?? Object.fromEntries([...saved].map(([id, email]) => [`email_${id}`, email]));
      return sendPage(reply, (
        <ReminderAddressesPage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} units={units} values={v} errors={errors}
          canEdit={canSet} mailConfigured={opts.mailConfigured ?? false} daysAhead={REMIND_DAYS_AHEAD} />
      ), status);
    };
    app.get<{ Params: { code: string } }>('/admin/organs/:code/supervision/reminders', async (request, reply) => remindersPage(request, reply, null, {}));
    app.post<{ Params: { code: string } }>('/admin/organs/:code/supervision/reminders', async (request, reply) => {
      const { organ, canSet, units } = await organFor(request, reply, request.params.code);
      if (!canSet) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以设置提醒邮箱', { httpStatus: 403 });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = Object.fromEntries([organ, ...units].map((o) => [`email_${o.id}`, typeof body[`email_${o.id}`] === 'string' ? String(body[`email_${o.id}`]).trim() : '']));
      // Every address is checked before any is saved: a typo in one keeps the whole form as typed.
      const errors: Record<string, string> = {};
      for (const [field, email] of Object.entries(values)) if (email && !isEmailAddress(email)) errors[field] = `“${email}”不是有效的电子邮件地址`;
      if (Object.keys(errors).length) return remindersPage(request, reply, values, errors, 400);
      const saved = await reminderAddressesOf(deps, [organ.id, ...units.map((u) => u.id)]);
      const actor = actorOf(request, 'web');
      for (const o of [organ, ...units]) {
        const email = values[`email_${o.id}`];
        if (email !== (saved.get(o.id) ?? '')) await setReminderAddress(deps, actor, o.id, email);
      }
      setFlash(reply, '提醒邮箱已保存');
      return reply.redirect(`/admin/organs/${organ.code}/supervision/reminders`, 303);
    });

    // 月度调度 (docs/rules/website-inspection.md, "Monthly dispatch"): a month's report, its exports and the notice's draft.
    const monthOf = (raw: string | undefined) => {
      if (raw === undefined || raw === '') return previousMonth(chinaDateOf(deps.clock.now()));
      if (!isMonth(raw)) throw new DomainError('ERR_SUPERVISION_MONTH_INVALID', `月份“${raw}”无效，应为 YYYY-MM`, { httpStatus: 400, field: 'month' });
      return raw;
    };
    app.get<{ Params: { code: string }; Querystring: { month?: string } }>('/admin/organs/:code/supervision/dispatch', async (request, reply) => {
      const { scope, organ, canSet } = await organFor(request, reply, request.params.code);
      const d = await loadMonthlyDispatch(deps, organ, monthOf(request.query.month));
      return sendPage(reply, <DispatchPage user={scope.user} csrf={scope.csrf} flash={scope.flash} organ={organ} d={d} canDraft={canSet} />);
    });
    app.get<{ Params: { code: string; format: string }; Querystring: { month?: string } }>('/admin/organs/:code/supervision/dispatch.:format', async (request, reply) => {
      const format = request.params.format;
      if (!['html', 'docx', 'pdf'].includes(format)) throw new DomainError('ERR_NOT_FOUND', '没有这种导出格式', { httpStatus: 404 });
      const { organ } = await organFor(request, reply, request.params.code);
      const month = monthOf(request.query.month);
      const doc = await dispatchNoticeDocument(deps, organ, month);
      // Every format is named by the notice's title; Word and PDF are downloads, the web page opens in the browser (inline, its name kept for 另存为).
      reply.header('Content-Disposition', contentDisposition(`${doc.title}.${format}`, { inline: format === 'html' }));
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderDocumentPage(doc));
      const body = format === 'docx' ? await renderDocumentDocx(doc) : await renderDocumentPdf(doc);
      return reply.type(format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf').send(body);
    });
    app.post<{ Params: { code: string }; Querystring: { month?: string } }>('/admin/organs/:code/supervision/dispatch/notice', async (request, reply) => {
      const { organ, canSet } = await organFor(request, reply, request.params.code);
      if (!canSet) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以生成调度通报', { httpStatus: 403 });
      const month = monthOf(request.query.month);
      try {
        const { publication: p, created } = await draftDispatchNotice(deps, actorOf(request, 'web'), organ, month);
        setFlash(reply, created ? '已生成通报草稿：请核对后填写保密审查表并报送审核' : `${month.slice(0, 4)}年${Number(month.slice(5))}月的调度通报已经生成过，已打开原有的通报，未重复生成`);
        return reply.redirect(`/admin/publications/${p.id}`, 303);
      } catch (e) {
        if (!(e instanceof DomainError) || e.httpStatus !== 409) throw e;
        setFlash(reply, e.message);
        return reply.redirect(`/admin/organs/${organ.code}/supervision/dispatch?month=${month}`, 303);
      }
    });
  };
}
