import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash, pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import type { FieldErrors } from '../../../../platform/views/components.tsx';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../../shared/iso-date.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import { TRANSITIONS, type Verb } from '../../domain/application-verbs.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';
import { isTemplateKind } from '../../domain/letters/letter-kinds.ts';
import type { WorkListFilter } from '../../storage/applications-repository.ts';
import { findAppeal, listAppeals } from '../../storage/appeals-repository.ts';
import { findLetter, listLetters } from '../../storage/letters-repository.ts';
import { recordService } from '../../use-cases/record-service.ts';
import { flagForProactiveDisclosure } from '../../use-cases/flag-proactive.ts';
import { statisticsByChannel } from '../../use-cases/statistics-by-channel.ts';
import { StatisticsPage } from './statistics-page.tsx';
import { CHANNEL_STATISTICS_HEADER } from '../../domain/channel-statistics.ts';
import { renderXlsx } from '../../../../platform/documents/index.ts';
import { displayNames } from '../../storage/staff-repository.ts';
import { caseDetails } from '../../use-cases/case-details.ts';
import { DEFAULT_DUE_SOON_WORKING_DAYS, caseIdByNumber, countWork, listWork } from '../../use-cases/list-work.ts';
import { listLetterTemplates, resetLetterTemplate, saveLetterTemplate } from '../../use-cases/manage-letter-templates.ts';
import { performVerb } from '../../use-cases/perform-verb.ts';
import { decideAppeal, recordAppeal } from '../../use-cases/record-appeal.ts';
import { CODE_REPLAY_MINUTES, registerApplication, registeredReceipt } from '../../use-cases/register-application.ts';
import { queryCodeNoticeFor, resetQueryCode } from '../../use-cases/reset-query-code.ts';
import { PossibleDuplicateApplication } from '../../domain/duplicate-applications.ts';
import { formValues, type FormValues } from '../form-values.ts';
import { asLetterFormat, sendLetter } from '../letter-download.ts';
import { AppealsPage } from './appeals-page.tsx';
import { CasePage, type SectionFormState } from './case-page.tsx';
import { APPEAL_FORM, appealPlace, CASE_APPEALS, CASE_LETTERS, CASE_PROACTIVE, CASE_QUERY_CODE, servicePlace } from './case-page-places.ts';
import { commandFromForm } from './command-from-form.ts';
import { QueryCodeResetPage, RegisteredLaterPage, RegisteredPage, RegisterPage } from './register-page.tsx';
import { recordCorrectionRoutes } from './record-correction-routes.tsx';
import { staffContext } from '../../../catalog/index.ts';
import { TemplatesPage, templateFormId } from './templates-page.tsx';
import { SettingsPage } from './settings-page.tsx';
import { getApplicationSettings, saveApplicationSettings } from '../../use-cases/manage-application-settings.ts';
import type { VerbFormState } from './verb-forms.tsx';
import { VIEW_LABELS, WorkListPage } from './work-list-page.tsx';
import { contentDisposition } from '../../../../platform/http/content-disposition.ts';

const VIEWS = Object.keys(VIEW_LABELS) as WorkListFilter['view'][];
const idParam = (raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new DomainError(E.notFound, '申请不存在', { httpStatus: 404 });
  return id;
};

/** The back office of 依申请公开: work list, registration, the case page with its verbs, letters, templates, appeals. */
export function applicationsAdminRoutes(deps: AppDeps) {
  const today = () => chinaDateOf(deps.clock.now());

  async function renderCase(request: FastifyRequest, reply: FastifyReply, id: number, failed: VerbFormState, sectionFailed: SectionFormState, status = 200) {
    const scope = await staffContext(deps, request, reply);
    const details = await caseDetails(deps, actorOf(request, 'web'), id);
    return sendPage(reply, <CasePage scope={scope} details={details} today={today()} failed={failed} sectionFailed={sectionFailed} />, status);
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    // 条例第四十一条 correction requests (更正申请).
    recordCorrectionRoutes(app, deps);

    app.get<{ Querystring: { organ?: string; view?: string; days?: string; q?: string; page?: string } }>('/admin/applications', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      // Without ?organ=, the first organ where applications wait as 待办 counts them (the back office's one rule, staff context's `organ`);
      // the organ switch names the same counts.
      const waiting = scope.handles.length < 2 ? undefined
        : new Map([...await countWork(deps, scope.handles.map((o) => o.id))].map(([id, c]) => [id, c.awaiting_confirmation + c.due_soon + c.overdue]));
      const organ = await scope.organ(request.query.organ, 'handle', waiting);
      const view = VIEWS.includes(request.query.view as WorkListFilter['view']) ? (request.query.view as WorkListFilter['view']) : 'open';
      const days = /^\d{1,2}$/.test(request.query.days ?? '') ? Number(request.query.days) : DEFAULT_DUE_SOON_WORKING_DAYS;
      const page = pageQueryParam(request.query.page);
      const q = (request.query.q ?? '').trim();
      // A case number opens that case, whatever view is shown (docs/workflows/application-states.md).
      const id = q ? await caseIdByNumber(deps, [organ.id], q) : null;
      if (id !== null) return reply.redirect(`/admin/applications/${id}`, 303);
      const list = await listWork(deps, [organ.id], view, { days, q, page });
      const handlers = await displayNames(deps.db, list.items.map((a) => a.handlerUserId).filter((x): x is number => x !== null));
      return sendPage(reply, <WorkListPage scope={scope} organ={organ} view={view} days={days} q={q} page={page} list={list} handlers={handlers} waiting={waiting} />);
    });

    app.get<{ Querystring: { organ?: string } }>('/admin/applications/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      return sendPage(reply, <RegisterPage scope={scope} organ={await scope.organ(request.query.organ, 'handle')} values={{ arrivedOn: today(), formToken: randomBytes(18).toString('base64url') }} errors={{}} />);
    });

    app.post<{ Querystring: { organ?: string } }>('/admin/applications/new', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ, 'handle');
      try {
        const formToken = formValues(request.body).formToken ?? '';
        const { application, queryCode, receiptWithCode, codeWithheld, storedReceipt } = await registerApplication(deps, actorOf(request, 'web'), organ.id, request.body, { formToken });
        // The same form again after the code's few minutes: the case, without the code (CODE_REPLAY_MINUTES).
        if (codeWithheld) return sendPage(reply.header('Cache-Control', 'no-store'), <RegisteredLaterPage scope={scope} organ={organ} id={application.id} trackingNo={application.trackingNo} storedReceipt={storedReceipt} />);
        return sendPage(reply.header('Cache-Control', 'no-store'), <RegisteredPage scope={scope} organ={organ} id={application.id} trackingNo={application.trackingNo} queryCode={queryCode} onReceipt={application.receivedOn !== null} receipt={receiptWithCode} formToken={formToken} />, 201);
      } catch (e) {
        // The same applicant's earlier case: a warning with 仍然登记, not an error (duplicate-applications.ts).
        if (e instanceof PossibleDuplicateApplication) {
          return sendPage(reply, <RegisterPage scope={scope} organ={organ} values={formValues(request.body)} errors={{}} duplicates={e.cases} />, e.httpStatus);
        }
        return sendPage(reply, <RegisterPage scope={scope} organ={organ} values={formValues(request.body)} errors={fieldErrorsOf(e)} />, 400);
      }
    });

    // The receipt with the code as a PDF or Word file, from the registration's answer (register-application.ts).
    app.post('/admin/applications/registered/receipt', async (request, reply) => {
      const values = formValues(request.body);
      const found = await registeredReceipt(deps, actorOf(request, 'web'), values.formToken ?? '');
      if (!found) throw new DomainError(E.letterNotFound, `载明查询码的回执不存在或已无法再次打印：查询码只在登记后${CODE_REPLAY_MINUTES}分钟内显示。申请人未收到或遗失查询码的，请在办件页核验身份后重新设置查询码`, { httpStatus: 404 });
      return sendLetter(reply, { id: found.application.id, document: found.receiptWithCode }, asLetterFormat(values.format));
    });

    app.get<{ Params: { id: string } }>('/admin/applications/:id', async (request, reply) => renderCase(request, reply, idParam(request.params.id), null, null));

    app.post<{ Params: { id: string; verb: string } }>('/admin/applications/:id/verbs/:verb', async (request, reply) => {
      const id = idParam(request.params.id);
      const values = formValues(request.body);
      const verb = request.params.verb;
      if (!(verb in TRANSITIONS)) throw new DomainError('ERR_NOT_FOUND', `操作“${verb}”不存在`, { httpStatus: 404 });
      try {
        const version = /^\d+$/.test(values.version ?? '') ? Number(values.version) : undefined;
        const updated = await performVerb(deps, actorOf(request, 'web'), id, commandFromForm(verb, values), version);
        setFlash(reply, `已${TRANSITIONS[verb as Verb].label}`);
        // To the top, where the flash is: the form posted to …#verb-VERB, and a redirect without a
        // fragment would keep that one (Fetch §4.4), landing at a form the new state may still show.
        return reply.redirect(`/admin/applications/${updated.id}#main`, 303);
      } catch (e) {
        // The case page again with the refused form as it was typed and every reason at its fields; the
        // form's address ends in #verb-VERB (verb-forms.tsx), so the browser opens this page at that form.
        // Not a redirect: an answer typed at length (答复内容) would not fit in the flash cookie.
        const status = e instanceof DomainError ? e.httpStatus : 400;
        return renderCase(request, reply, id, { verb: verb as Verb, errors: fieldErrorsForVerb(e), values }, null, status);
      }
    });

    app.get<{ Params: { id: string; letterId: string }; Querystring: { format?: string } }>('/admin/applications/:id/letters/:letterId', async (request, reply) => {
      const details = await caseDetails(deps, actorOf(request, 'web'), idParam(request.params.id));
      const letter = (await listLetters(deps.db, details.application.id)).find((l) => l.id === Number(request.params.letterId));
      if (!letter) throw new DomainError(E.letterNotFound, '文书不存在', { httpStatus: 404 });
      return sendLetter(reply, letter, asLetterFormat(request.query.format));
    });

    app.post<{ Params: { id: string } }>('/admin/applications/:id/appeals', async (request, reply) => {
      const id = idParam(request.params.id);
      try {
        const { notes } = await recordAppeal(deps, actorOf(request, 'web'), id, (request.body ?? {}) as Record<string, unknown>);
        setFlash(reply, ['已登记复议或诉讼', ...notes].join('。'), { at: CASE_APPEALS });
        return reply.redirect(`/admin/applications/${id}#${CASE_APPEALS}`, 303);
      } catch (e) {
        return renderCase(request, reply, id, null, { place: APPEAL_FORM, errors: fieldErrorsOf(e), values: formValues(request.body) }, 400);
      }
    });

    app.post<{ Params: { id: string; letterId: string } }>('/admin/applications/:id/letters/:letterId/service', async (request, reply) => {
      const id = idParam(request.params.id);
      const letter = await findLetter(deps.db, Number(request.params.letterId));
      if (!letter || letter.applicationId !== id) throw new DomainError(E.letterNotFound, '文书不存在', { httpStatus: 404 });
      try {
        await recordService(deps, actorOf(request, 'web'), letter.id, formValues(request.body));
        setFlash(reply, '已登记送达', { at: CASE_LETTERS });
        return reply.redirect(`/admin/applications/${id}#${CASE_LETTERS}`, 303);
      } catch (e) {
        if (!(e instanceof DomainError) || e.httpStatus !== 400) throw e;
        // At the letter's form as typed (its address ends in #service-ID), each reason at its field.
        return renderCase(request, reply, id, null, { place: servicePlace(letter.id), errors: fieldErrorsOf(e), values: formValues(request.body) }, 400);
      }
    });

    app.get<{ Querystring: { organ?: string; year?: string; format?: string } }>('/admin/applications/statistics', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ, 'handle');
      const { year, rows } = await statisticsByChannel(deps, actorOf(request, 'web'), organ.id, request.query.year ?? today().slice(0, 4));
      if (request.query.format === 'xlsx') {
        const file = renderXlsx(`${year}年按提交方式统计`, [CHANNEL_STATISTICS_HEADER, ...rows.map((r) => [r.label, ...r.values])]);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`statistics-${organ.code}-${year}.xlsx`))
          .send(file);
      }
      return sendPage(reply, <StatisticsPage scope={scope} organ={organ} year={year} rows={rows} />);
    });

    app.post<{ Params: { id: string } }>('/admin/applications/:id/proactive', async (request, reply) => {
      const id = idParam(request.params.id);
      try {
        await flagForProactiveDisclosure(deps, actorOf(request, 'web'), id, formValues(request.body).reason ?? '');
        setFlash(reply, '已标记为建议转为主动公开');
        return reply.redirect(`/admin/applications/${id}`, 303);
      } catch (e) {
        if (!(e instanceof DomainError) || e.httpStatus !== 400) throw e;
        setFlash(reply, '未能标记：', { at: CASE_PROACTIVE, refused: true, reasons: [e.message] });
        return reply.redirect(`/admin/applications/${id}#${CASE_PROACTIVE}`, 303);
      }
    });

    // A lost 查询码: staff check who asks and set a new one, shown once (reset-query-code.ts).
    app.post<{ Params: { id: string } }>('/admin/applications/:id/query-code', async (request, reply) => {
      const id = idParam(request.params.id);
      try {
        const { application, queryCode, notice } = await resetQueryCode(deps, actorOf(request, 'web'), id, formValues(request.body).verifiedBy ?? '');
        const scope = await staffContext(deps, request, reply);
        const organ = (await caseDetails(deps, actorOf(request, 'web'), application.id)).organ;
        return sendPage(reply.header('Cache-Control', 'no-store'), <QueryCodeResetPage scope={scope} organ={organ} id={application.id} trackingNo={application.trackingNo} queryCode={queryCode} notice={notice} />, 201);
      } catch (e) {
        if (!(e instanceof DomainError) || e.httpStatus !== 400) throw e;
        setFlash(reply, '未能重新设置查询码：', { at: CASE_QUERY_CODE, refused: true, reasons: [e.message] });
        return reply.redirect(`/admin/applications/${id}#${CASE_QUERY_CODE}`, 303);
      }
    });

    // The 查询码重新设置告知 as a PDF or Word file, from the reset's answer: the code posted back, checked, never kept.
    app.post<{ Params: { id: string } }>('/admin/applications/:id/query-code/notice', async (request, reply) => {
      const id = idParam(request.params.id);
      const values = formValues(request.body);
      const notice = await queryCodeNoticeFor(deps, actorOf(request, 'web'), id, values.queryCode ?? '');
      if (!notice) throw new DomainError(E.letterNotFound, '告知书不存在：查询码不是该申请现行的查询码（已再次重新设置或输入有误）', { httpStatus: 404 });
      return sendLetter(reply, { id, document: notice }, asLetterFormat(values.format));
    });

    app.post<{ Params: { id: string } }>('/admin/appeals/:id/decide', async (request, reply) => {
      const appeal = await findAppeal(deps.db, Number(request.params.id));
      if (!appeal) throw new DomainError(E.appealNotFound, '复议或诉讼记录不存在', { httpStatus: 404 });
      try {
        await decideAppeal(deps, actorOf(request, 'web'), appeal.id, (request.body ?? {}) as Record<string, unknown>);
        if (!appeal.applicationId) {
          setFlash(reply, '已更新复议或诉讼结果');
          return reply.redirect('/admin/appeals', 303);
        }
        setFlash(reply, '已更新复议或诉讼结果', { at: CASE_APPEALS });
        return reply.redirect(`/admin/applications/${appeal.applicationId}#${CASE_APPEALS}`, 303);
      } catch (e) {
        if (!appeal.applicationId) throw e;
        return renderCase(request, reply, appeal.applicationId, null, { place: appealPlace(appeal.id), errors: fieldErrorsOf(e), values: formValues(request.body) }, 400);
      }
    });

    app.get<{ Querystring: { organ?: string } }>('/admin/appeals', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.query.organ, 'handle');
      return sendPage(reply, <AppealsPage scope={scope} organ={organ} appeals={await listAppeals(deps.db, { organIds: [organ.id] })} />);
    });

    app.get<{ Params: { code: string } }>('/admin/organs/:code/letter-templates', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'handle');
      return sendPage(reply, <TemplatesPage scope={scope} organ={organ} templates={await listLetterTemplates(deps, actorOf(request, 'web'), organ.id)} failed={null} />);
    });

    app.post<{ Params: { code: string; kind: string } }>('/admin/organs/:code/letter-templates/:kind', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'handle');
      const body = formValues(request.body);
      try {
        await saveLetterTemplate(deps, actorOf(request, 'web'), organ.id, request.params.kind, body);
        setFlash(reply, '模板已保存，此后生成的文书使用新的措辞', { at: templateFormId(request.params.kind) });
        return reply.redirect(`/admin/organs/${organ.code}/letter-templates#${templateFormId(request.params.kind)}`, 303);
      } catch (e) {
        if (!isTemplateKind(request.params.kind)) throw e;
        const templates = await listLetterTemplates(deps, actorOf(request, 'web'), organ.id);
        return sendPage(reply, <TemplatesPage scope={scope} organ={organ} templates={templates} failed={{ kind: request.params.kind, errors: fieldErrorsOf(e), title: body.title ?? '', body: body.body ?? '' }} />, 400);
      }
    });

    app.get<{ Params: { code: string } }>('/admin/organs/:code/application-settings', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'handle');
      const s = await getApplicationSettings(deps, actorOf(request, 'web'), organ.id);
      const values = { reconsiderationBody: s.reconsiderationBody, reconsiderationAddress: s.reconsiderationAddress, reconsiderationOnline: s.reconsiderationOnline, letterPrefix: s.letterPrefix };
      return sendPage(reply, <SettingsPage scope={scope} organ={organ} values={values} errors={{}} />);
    });

    app.post<{ Params: { code: string } }>('/admin/organs/:code/application-settings', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'handle');
      const values = formValues(request.body);
      try {
        await saveApplicationSettings(deps, actorOf(request, 'web'), organ.id, values);
        setFlash(reply, '设置已保存，此后生成的文书使用新的设置');
        return reply.redirect(`/admin/organs/${organ.code}/application-settings`, 303);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== E.settingsInvalid) throw e;
        return sendPage(reply, <SettingsPage scope={scope} organ={organ} values={values} errors={fieldErrorsOf(e)} />, 400);
      }
    });

    app.post<{ Params: { code: string; kind: string } }>('/admin/organs/:code/letter-templates/:kind/reset', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      const organ = await scope.organ(request.params.code, 'handle');
      await resetLetterTemplate(deps, actorOf(request, 'web'), organ.id, request.params.kind);
      // Told in the restored template's form, where the page lands, as a save is (the kind was checked above).
      setFlash(reply, '已恢复默认措辞', { at: templateFormId(request.params.kind) });
      return reply.redirect(`/admin/organs/${organ.code}/letter-templates#${templateFormId(request.params.kind)}`, 303);
    });
  };
}

/** A refusal shown on the verb's form; the head-of-office refusal is a message, not a missing page. */
function fieldErrorsForVerb(e: unknown): FieldErrors {
  if (e instanceof DomainError && e.code === E.extensionNotApproved) {
    const out: FieldErrors = {};
    for (const r of e.reasons) out[r.field ?? '_form'] = out[r.field ?? '_form'] ? `${out[r.field ?? '_form']}；${r.message}` : r.message;
    return out;
  }
  return fieldErrorsOf(e);
}
