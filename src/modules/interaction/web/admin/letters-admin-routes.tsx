import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, pageQueryParam, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { chinaDateOf, isIsoDate } from '../../../../shared/iso-date.ts';
import { staffContext } from '../../../catalog/index.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import { InteractionErrorCode as E } from '../../domain/error-codes.ts';
import { LETTER_TRANSITIONS, STAFF_LETTER_VERBS, type LetterCommand, type LetterVerb } from '../../domain/letter-verbs.ts';
import type { FollowUpKind } from '../../domain/letter.ts';
import { LETTER_VIEWS, UNIT_LETTER_VIEWS, type LetterView, type UnitLetterView } from '../../storage/letters-repository.ts';
import { listUnitLetters } from '../../use-cases/unit-letters.ts';
import { letterDetails } from '../../use-cases/letter-details.ts';
import { letterStatistics } from '../../use-cases/letter-statistics.ts';
import { countLetterWork, letterIdByNumber, listLetters } from '../../use-cases/list-letters.ts';
import { getLetterSettings, updateLetterSettings } from '../../use-cases/manage-letter-settings.ts';
import { performLetterVerb } from '../../use-cases/perform-letter-verb.ts';
import { attachFollowUpPhoto, readFollowUpPhoto } from '../../use-cases/follow-up-photos.ts';
import { LetterListPage, LetterPageView, UnitLetterListPage, LetterSettingsPage, LetterStatisticsPage, statisticsRows, type VerbFailure } from './letter-admin-pages.tsx';
import { renderXlsx } from '../../../../platform/documents/index.ts';
import { asLetterFormat, sendLetter } from '../../../applications/index.ts';
import { letterQueryCodeNoticeFor, resetLetterQueryCode } from '../../use-cases/reset-letter-query-code.ts';
import { LetterQueryCodeResetPage } from './letter-query-code-pages.tsx';
import { contentDisposition } from '../../../../platform/http/content-disposition.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A staff verb from a form or an API body; the fields decideLetter checks are passed as typed. */
export function letterCommandFrom(verb: LetterVerb, b: Record<string, unknown>): LetterCommand {
  switch (verb) {
    case 'assign': return { verb, unitId: Number(b.unitId), instructions: str(b.instructions), reportByOn: str(b.reportByOn) };
    case 'transfer': return { verb, targetOrganId: Number(b.targetOrganId), reason: str(b.reason) };
    case 'reply': return { verb, replyText: str(b.replyText) };
    case 'approveReply': return { verb };
    case 'returnReply': return { verb, reason: str(b.reason) };
    case 'notAccept': return { verb, reason: str(b.reason) };
    case 'withdrawPublication': return { verb, reason: str(b.reason) };
    case 'republish': return { verb };
    case 'editPublicText': return { verb, publicSubject: str(b.publicSubject), publicContent: str(b.publicContent), ...(b.publicReplyText === undefined ? {} : { publicReplyText: str(b.publicReplyText) }), reason: str(b.reason) };
    case 'recordUnitOpinion': return { verb, opinion: str(b.opinion) };
    case 'recordFollowUp': return { verb, kind: str(b.kind) as FollowUpKind, on: str(b.on), participants: str(b.participants), notes: str(b.notes) };
    case 'rate': throw new DomainError(E.verbNotAllowed, '评价由来信人提交', { httpStatus: 409 });
    case 'attachPhoto': throw new DomainError(E.verbNotAllowed, '照片请通过上传表单提交', { httpStatus: 409 });
  }
}

/** The period asked for, or this year so far; a wrong date is refused in Chinese. */
function period(q: { from?: string; to?: string }, today: string) {
  const from = q.from || `${today.slice(0, 4)}-01-01`;
  const to = q.to || today;
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) throw new DomainError(E.invalidDate, '统计期间应为两个YYYY-MM-DD格式的日期，起始日不晚于截止日', { field: 'from' });
  return { from, to };
}

/** The back office of the department mailbox: list, letter page with its verbs, settings, statistics and export. */
export function lettersAdminRoutes(deps: AppDeps) {
  const today = () => chinaDateOf(deps.clock.now());
  const idOf = (raw: string) => {
    if (!/^\d{1,12}$/.test(raw)) throw new DomainError(E.notFound, '来信不存在', { httpStatus: 404 });
    return Number(raw);
  };

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    app.get<{ Querystring: { organ?: string; view?: string; page?: string; q?: string } }>('/admin/letters', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      // What waits where: the organ the list opens on without ?organ= (the back office's one rule), and the organ switch's counts.
      const work = await countLetterWork(deps, scope.handles.map((o) => o.id));
      const organ = await scope.organ(request.query.organ || undefined, 'handle', new Map([...work].map(([id, c]) => [id, c.waiting])));
      const view = (LETTER_VIEWS as readonly string[]).includes(request.query.view ?? '') ? (request.query.view as LetterView) : 'open';
      const q = (typeof request.query.q === 'string' ? request.query.q : '').trim().slice(0, 100);
      // A letter's number opens that letter, whatever view is shown (docs/workflows/mailbox.md, 搜索).
      const id = q ? await letterIdByNumber(deps, [organ.id], q) : null;
      if (id !== null) return reply.redirect(`/admin/letters/${id}`, 303);
      const list = await listLetters(deps, [organ.id], view, pageQueryParam(request.query.page), undefined, q);
      return sendPage(reply, <LetterListPage scope={scope} organ={organ} view={view} q={q} list={list} today={today()} work={work} />);
    });

    // 交办给本单位的来信: the letters organs handed to the person's internal units (docs/workflows/mailbox.md).
    app.get<{ Querystring: { view?: string; page?: string } }>('/admin/letters/units', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const view = (UNIT_LETTER_VIEWS as readonly string[]).includes(request.query.view ?? '') ? (request.query.view as UnitLetterView) : 'awaiting_opinion';
      const unitScope = { unitIds: scope.directStaffOf.filter((o) => o.kind === 'unit').map((o) => o.id), handledOrganIds: scope.handles.map((o) => o.id) };
      const list = await listUnitLetters(deps, unitScope, view, pageQueryParam(request.query.page));
      return sendPage(reply, <UnitLetterListPage scope={scope} view={view} list={list} today={today()} unitCount={unitScope.unitIds.length} />);
    });

    app.get<{ Querystring: { organ?: string; from?: string; to?: string } }>('/admin/letters/statistics', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'handle');
      const p = period(request.query, today());
      return sendPage(reply, <LetterStatisticsPage scope={scope} organ={organ} stats={await letterStatistics(deps, organ.id, p.from, p.to)} />);
    });

    app.get<{ Querystring: { organ?: string; from?: string; to?: string } }>('/admin/letters/statistics.xlsx', async (request, reply) => {
      const organ = await (await staffContext(deps, request, reply)).organ(request.query.organ || undefined, 'handle');
      const p = period(request.query, today());
      const stats = await letterStatistics(deps, organ.id, p.from, p.to);
      const file = renderXlsx('部门信箱统计', [['机关', organ.name], ['统计期间', `${p.from} 至 ${p.to}`], [], ['项目', '数值'], ...statisticsRows(stats)]);
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', contentDisposition(`letters-${organ.code}-${p.from}-${p.to}.xlsx`))
        .send(file);
    });

    app.get<{ Querystring: { organ?: string } }>('/admin/letters/settings', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'handle');
      return sendPage(reply, <LetterSettingsPage scope={scope} organ={organ} settings={await getLetterSettings(deps, organ.id)} errors={{}} values={null} />);
    });

    app.post<{ Querystring: { organ?: string } }>('/admin/letters/settings', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ || undefined, 'handle');
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await updateLetterSettings(deps, actorOf(request, 'web'), organ.id, body);
        setFlash(reply, '部门信箱设置已保存');
        return reply.redirect(`/admin/letters/settings?organ=${organ.code}`, 303);
      } catch (e) {
        const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)]));
        return sendPage(reply, <LetterSettingsPage scope={scope} organ={organ} settings={await getLetterSettings(deps, organ.id)} errors={fieldErrorsOf(e)} values={values} />, 400);
      }
    });

    app.get<{ Params: { id: string } }>('/admin/letters/:id', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const d = await letterDetails(deps, actorOf(request, 'web'), idOf(request.params.id));
      return sendPage(reply, <LetterPageView scope={scope} d={d} today={today()} failed={null} />);
    });

    app.post<{ Params: { id: string; event: string } }>('/admin/letters/:id/follow-ups/:event/photos', async (request, reply) => {
      const id = idOf(request.params.id);
      const actor = actorOf(request, 'web');
      try {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file || !file.filename) throw new DomainError(E.photoType, '请选择要上传的照片', { field: 'file' });
        await attachFollowUpPhoto(deps, actor, id, idOf(request.params.event), { fileName: file.filename, bytes: await file.toBuffer() });
        setFlash(reply, `已上传照片“${file.filename}”`);
        return reply.redirect(`/admin/letters/${id}`, 303);
      } catch (e) {
        const errors = (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? { file: '照片不能超过 10 MB' } : fieldErrorsOf(e);
        const scope = await staffContext(deps, request, reply);
        const d = await letterDetails(deps, actor, id);
        return sendPage(reply, <LetterPageView scope={scope} d={d} today={today()} failed={{ verb: 'attachPhoto', errors, values: { followUpEventId: request.params.event } }} />, 400);
      }
    });

    app.get<{ Params: { id: string; event: string } }>('/admin/letters/:id/photos/:event', async (request, reply) => {
      const photo = await readFollowUpPhoto(deps, actorOf(request, 'web'), idOf(request.params.id), idOf(request.params.event));
      return reply.header('Content-Type', photo.mimeType).header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', contentDisposition(photo.fileName, { inline: true })).send(photo.bytes);
    });

    // 预览公开版本: the page again with the typed reply in its form and, masked, in the public version; nothing saved.
    app.post<{ Params: { id: string } }>('/admin/letters/:id/reply-preview', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const scope = await staffContext(deps, request, reply);
      const d = await letterDetails(deps, actorOf(request, 'web'), idOf(request.params.id), str(body.replyText));
      const kept: VerbFailure = { verb: 'reply', errors: {}, values: { replyText: str(body.replyText) } };
      return sendPage(reply, <LetterPageView scope={scope} d={d} today={today()} failed={kept} previewing />);
    });

    // A lost 查询码: the organ's handler checks who asks and sets a new one, shown once (reset-letter-query-code.ts).
    app.post<{ Params: { id: string } }>('/admin/letters/:id/query-code', async (request, reply) => {
      const id = idOf(request.params.id);
      const verifiedBy = str(((request.body ?? {}) as Record<string, unknown>).verifiedBy);
      const actor = actorOf(request, 'web');
      try {
        const { letter, queryCode, notice } = await resetLetterQueryCode(deps, actor, id, verifiedBy);
        const scope = await staffContext(deps, request, reply);
        return sendPage(reply.header('Cache-Control', 'no-store'), <LetterQueryCodeResetPage scope={scope} letterId={letter.id} trackingNo={letter.trackingNo} queryCode={queryCode} notice={notice} />, 201);
      } catch (e) {
        if (!(e instanceof DomainError) || e.httpStatus !== 400) throw e;
        const scope = await staffContext(deps, request, reply);
        const d = await letterDetails(deps, actor, id);
        return sendPage(reply, <LetterPageView scope={scope} d={d} today={today()} failed={null} queryCodeFailed={{ errors: fieldErrorsOf(e), verifiedBy }} />, 400);
      }
    });

    // The 查询码重新设置告知 as a PDF or Word file, from the reset's answer: the code posted back, checked, never kept.
    app.post<{ Params: { id: string } }>('/admin/letters/:id/query-code/notice', async (request, reply) => {
      const id = idOf(request.params.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const notice = await letterQueryCodeNoticeFor(deps, actorOf(request, 'web'), id, str(body.queryCode));
      if (!notice) throw new DomainError(E.notFound, '告知书不存在：查询码不是该来信现行的查询码（已再次重新设置或输入有误）', { httpStatus: 404 });
      return sendLetter(reply, { id, document: notice }, asLetterFormat(body.format));
    });

    app.post<{ Params: { id: string; verb: string } }>('/admin/letters/:id/:verb', async (request, reply) => {
      const id = idOf(request.params.id);
      const verb = request.params.verb as LetterVerb;
      if (!STAFF_LETTER_VERBS.includes(verb)) throw new DomainError(E.notFound, '没有这项操作', { httpStatus: 404 });
      const body = (request.body ?? {}) as Record<string, unknown>;
      const actor = actorOf(request, 'web');
      try {
        const version = Number(body.version);
        await performLetterVerb(deps, actor, id, letterCommandFrom(verb, body), Number.isInteger(version) && version > 0 ? version : undefined);
        setFlash(reply, `已${LETTER_TRANSITIONS[verb].label}`);
        // A transferred letter leaves this organ: back to the list of the organ it left.
        return reply.redirect(verb === 'transfer' ? '/admin/letters' : `/admin/letters/${id}`, 303);
      } catch (e) {
        const scope = await staffContext(deps, request, reply);
        // Someone who may not see the letter gets the error page from here; someone who may, but not use
        // this verb (the drafter approving their own reply: 403), gets the letter's page with the reason.
        const d = await letterDetails(deps, actor, id);
        const errors = e instanceof DomainError && e.httpStatus === 403 ? { _form: e.message } : fieldErrorsOf(e);
        const failed: VerbFailure = { verb, errors, values: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)])) };
        return sendPage(reply, <LetterPageView scope={scope} d={d} today={today()} failed={failed} />, e instanceof DomainError ? e.httpStatus : 400);
      }
    });
  };
}
