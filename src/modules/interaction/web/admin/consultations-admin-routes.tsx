import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, pageQueryParam, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { actorOf, requireStaff } from '../../../identity/index.ts';
import { consultationDetails, countLateConsultationFeedback, listStaffConsultations, moderateComment, openConsultation, publishFeedback } from '../../use-cases/consultations.ts';
import { ConsultationAdminPage, ConsultationListPage, NewConsultationPage } from './consultation-admin-pages.tsx';
import { addConsultationFile, consultationFileOf, consultationFiles, removeConsultationFile } from '../../use-cases/consultation-files.ts';
import { sendConsultationFile } from '../consultation-file-download.ts';
import { ConsultationErrorCode } from '../../domain/consultation.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { staffContext } from '../../../catalog/index.ts';
import { noLaterThanTheDay } from '../../../applications/index.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * 意见征集 in the back office (issue 14; docs/workflows/consultation.md): the organ's list, opening a
 * draft for comments, moderating every comment (with the scanner's flag), and the feedback report.
 * The organs are the mailbox's: the staff organ scope without units.
 */
export function consultationsAdminRoutes(deps: AppDeps) {
  const detail = async (request: FastifyRequest, reply: FastifyReply, id: number, errors: Record<string, string>, status = 200) => {
    const view = await staffContext(deps, request, reply);
    const d = await consultationDetails(deps, actorOf(request, 'web'), id);
    const { comments, ...c } = d;
    return sendPage(reply, <ConsultationAdminPage scope={view} c={c} comments={comments} errors={errors} files={await consultationFiles(deps, c.id)} />, status);
  };
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));
    app.get<{ Querystring: { organ?: string; page?: string } }>('/admin/consultations', async (request, reply) => {
      const view = await staffContext(deps, request, reply);
      // Without ?organ=, the first organ whose feedback report 待办 reminds of (the back office's one rule, staff context's `organ`); the switch names the counts.
      const waiting = view.handles.length < 2 ? undefined : await countLateConsultationFeedback(deps, view.handles.map((o) => o.id));
      const organ = await view.organ(request.query.organ || undefined, 'handle', waiting);
      const list = await listStaffConsultations(deps, actorOf(request, 'web'), organ.id, pageQueryParam(request.query.page));
      return sendPage(reply, <ConsultationListPage scope={view} organ={organ} list={list} waiting={waiting} />);
    });
    app.get<{ Querystring: { organ?: string } }>('/admin/consultations/new', async (request, reply) => {
      const view = await staffContext(deps, request, reply);
      const organOf = (code: string | undefined) => view.organ(code, 'handle');
      return sendPage(reply, <NewConsultationPage scope={view} organ={await organOf(request.query.organ || undefined)} values={{}} errors={{}} />);
    });
    app.post<{ Querystring: { organ?: string } }>('/admin/consultations/new', async (request, reply) => {
      const view = await staffContext(deps, request, reply);
      const organOf = (code: string | undefined) => view.organ(code, 'handle');
      const organ = await organOf(request.query.organ || undefined);
      const b = (request.body ?? {}) as Record<string, unknown>;
      const values = { title: str(b.title), body: str(b.body), howToComment: str(b.howToComment), startOn: str(b.startOn), endOn: str(b.endOn) };
      try {
        const c = await openConsultation(deps, actorOf(request, 'web'), organ.id, values);
        setFlash(reply, `已发起意见征集，反馈应${noLaterThanTheDay(c.feedbackDueOn)}公布`);
        return reply.redirect(`/admin/consultations/${c.id}`, 303);
      } catch (e) {
        return sendPage(reply, <NewConsultationPage scope={view} organ={organ} values={values} errors={fieldErrorsOf(e)} />, 400);
      }
    });
    app.get<{ Params: { id: string } }>('/admin/consultations/:id', async (request, reply) => detail(request, reply, Number(request.params.id) || 0, {}));
    // 征求意见稿文件 (docs/workflows/consultation.md "Files"): upload (the CSRF token comes before the file), remove, read.
    app.post<{ Params: { id: string } }>('/admin/consultations/:id/files', async (request, reply) => {
      const id = Number(request.params.id) || 0;
      try {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file || !file.filename) throw new DomainError(ConsultationErrorCode.fileInvalid, '请选择要上传的文件', { field: 'file' });
        const added = await addConsultationFile(deps, actorOf(request, 'web'), id, { fileName: file.filename, bytes: await file.toBuffer() });
        setFlash(reply, `已上传“${added.fileName}”`, { at: 'cf-h' });
        return reply.redirect(`/admin/consultations/${id}#cf-h`, 303);
      } catch (e) {
        const errors = (e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? { file: '文件不能超过 20 MB' } : fieldErrorsOf(e);
        if (e instanceof DomainError && e.httpStatus === 404) throw e;
        return detail(request, reply, id, errors, e instanceof DomainError ? e.httpStatus : 400);
      }
    });
    app.post<{ Params: { id: string; fileId: string } }>('/admin/consultations/:id/files/:fileId/delete', async (request, reply) => {
      const removed = await removeConsultationFile(deps, actorOf(request, 'web'), Number(request.params.fileId) || 0);
      setFlash(reply, `已删除“${removed.fileName}”`, { at: 'cf-h' });
      return reply.redirect(`/admin/consultations/${removed.consultationId}#cf-h`, 303);
    });
    app.get<{ Params: { id: string; fileId: string } }>('/admin/consultations/:id/files/:fileId', async (request, reply) => {
      const id = Number(request.params.id) || 0;
      await consultationDetails(deps, actorOf(request, 'web'), id);
      return sendConsultationFile(reply, deps.dataDir, await consultationFileOf(deps, id, Number(request.params.fileId) || 0));
    });
    for (const decision of ['approve', 'reject'] as const) {
      app.post<{ Params: { id: string } }>(`/admin/consultation-comments/:id/${decision}`, async (request, reply) => {
        const b = (request.body ?? {}) as Record<string, unknown>;
        try {
          const m = await moderateComment(deps, actorOf(request, 'web'), Number(request.params.id) || 0, decision, str(b.reason));
          setFlash(reply, decision === 'approve' ? '意见已公开' : '意见不予公开', { at: 'cm-h' });
          return reply.redirect(`/admin/consultations/${m.consultationId}#cm-h`, 303);
        } catch (e) {
          const errors = fieldErrorsOf(e);
          setFlash(reply, `未能审核：${Object.values(errors).join('；')}`);
          return reply.redirect('/admin/consultations', 303);
        }
      });
    }
    app.post<{ Params: { id: string } }>('/admin/consultations/:id/feedback', async (request, reply) => {
      const id = Number(request.params.id) || 0;
      const b = (request.body ?? {}) as Record<string, unknown>;
      try {
        await publishFeedback(deps, actorOf(request, 'web'), id, { received: Number(str(b.received)), adopted: str(b.adopted), notAdopted: str(b.notAdopted) }, Number(str(b.expectedVersion)) || undefined);
        setFlash(reply, '意见采纳情况已公布', { at: 'fb-h' });
        return reply.redirect(`/admin/consultations/${id}#fb-h`, 303);
      } catch (e) {
        return detail(request, reply, id, fieldErrorsOf(e), 400);
      }
    });
  };
}
