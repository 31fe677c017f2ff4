import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { prefsFromCookies } from '../../../../platform/views/prefs.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { addressLimit, BLANK_FORM_CACHE, formGuard, MIN_FILL_SECONDS, refusedFormErrors, repeatGuard } from '../../../applications/index.ts';
import { itemPath, organByCode, publishedItemTitles, unitHandledBy, UnitGuidancePage, type Organ } from '../../../catalog/index.ts';
import { consultationFileOf, consultationFiles } from '../../use-cases/consultation-files.ts';
import { sendConsultationFile } from '../consultation-file-download.ts';
import { ConsultationErrorCode as E } from '../../domain/consultation.ts';
import { asPublicFormRefusal } from './public-form-refusal.ts';
import { commentInputReasons, commentOfForm, findPublicConsultation, listPublicConsultations, submitComment } from '../../use-cases/consultations.ts';
import { inFormOrder } from '../../../../platform/views/form-errors.ts';
import { ConsultationPage, ConsultationsPage, itemIdsNamedIn } from './consultation-pages.tsx';
import type { PortalInfo } from './letter-pages.tsx';
import { addressId } from '../../../../shared/address-number.ts';

const info = (request: FastifyRequest): PortalInfo => ({ prefs: prefsFromCookies(request.cookies), currentPath: request.url });
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * 意见征集 on the portal (issue 14; docs/workflows/consultation.md): the organ's list, each
 * consultation's page, and its comment form without an account — honeypot and minimum fill time,
 * one form token = one comment even on a double click, only accepted comments count toward the
 * per-address limit, a refused post keeps what was typed, POST → 303 → GET.
 */
export function consultationsPortalRoutes(deps: AppDeps, opts: { minFillSeconds?: number; commentsPerHour?: number } = {}) {
  const guard = formGuard({ minFillSeconds: opts.minFillSeconds ?? MIN_FILL_SECONDS });
  const max = opts.commentsPerHour ?? 10;
  const limit = addressLimit({
    max, windowMs: 3600_000,
    refusal: (when, window) => new DomainError(E.submitLimited, `同一网络地址${window}内最多提交${max}条意见。请于${when}后再提交，您填写的内容已保留`, { httpStatus: 429, field: '_form' }),
  });
  const organOr404 = (code: string) => organByCode(deps.db, code, { unitsRefused: '下属单位不单独征集意见，请到其所属机关的网站查看' });
  // Back, then 提交 again: the page with a blank form is kept for Back, and the same comment sent again from this browser makes none (repeat-guard.ts).
  const repeats = repeatGuard({ cookie: 'gk_commented' });
  const page = async (request: FastifyRequest, reply: FastifyReply, organ: Organ, id: number, values: Record<string, string>, errors: Record<string, string>, status = 200, thanked: false | 'new' | 'again' = false, token?: string) => {
    const c = await findPublicConsultation(deps, organ.code, id);
    const formToken = c.phase === 'open' ? token ?? guard.issue(deps.clock.now()) : null;
    // The items its 意见反馈方式 names by address, read as their titles (公告原文：《…的公告》); published ones only.
    const named = new Map((await publishedItemTitles(deps.db, itemIdsNamedIn(c.howToComment ?? ''))).map((i) => [itemPath(i.organCode, i.id), i.title] as const));
    return sendPage(reply.header('Cache-Control', request.method === 'GET' ? BLANK_FORM_CACHE : 'no-store'), <ConsultationPage info={info(request)} organ={organ} c={c} values={values} errors={inFormOrder(errors, ['authorName', 'content'])} formToken={formToken} thanked={thanked} files={await consultationFiles(deps, c.id)} namedItems={named} />, status);
  };
  const thankedAt = (organ: Organ, id: number, again = false) => `/organs/${organ.code}/consultations/${id}?commented=${again ? 'again' : '1'}#commented`;

  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string }; Querystring: { page?: string } }>('/organs/:code/consultations', async (request, reply) => {
      const handled = await unitHandledBy(deps.db, request.params.code);
      if (handled) return sendPage(reply, <UnitGuidancePage info={info(request)} {...handled} service="consultations" />);
      const organ = await organOr404(request.params.code);
      return sendPage(reply, <ConsultationsPage info={info(request)} organ={organ} list={await listPublicConsultations(deps, organ.code, pageQueryParam(request.query.page))} />);
    });
    app.get<{ Params: { code: string; id: string }; Querystring: { commented?: string } }>('/organs/:code/consultations/:id', async (request, reply) =>
      page(request, reply, await organOr404(request.params.code), addressId(request.params.id), {}, {}, 200, request.query.commented === '1' ? 'new' : request.query.commented === 'again' ? 'again' : false));
    // A draft document: only while its consultation's page is public (the same 404 otherwise).
    app.get<{ Params: { code: string; id: string; fileId: string; name: string } }>('/organs/:code/consultations/:id/files/:fileId/:name', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const c = await findPublicConsultation(deps, organ.code, addressId(request.params.id));
      return sendConsultationFile(reply, deps.dataDir, await consultationFileOf(deps, c.id, addressId(request.params.fileId)));
    });
    app.post<{ Params: { code: string; id: string } }>('/organs/:code/consultations/:id', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const id = addressId(request.params.id);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = { authorName: str(body.authorName), content: str(body.content) };
      const c = await findPublicConsultation(deps, organ.code, id); // 404 for another organ's, or one not yet opened
      try {
        // Closed (or not yet open) says so first, whatever else is wrong with an old form.
        if (c.phase !== 'open') throw new DomainError(E.notOpen, `该意见征集的时间为${c.startOn}至${c.endOn}，现在不能提交意见`, { httpStatus: 409, field: '_form' });
        const earlier = repeats.earlierToken(request, body);
        if (earlier && (await commentOfForm(deps, earlier)) !== null) return reply.header('Cache-Control', 'no-store').redirect(thankedAt(organ, id, true), 303);
        const now = deps.clock.now();
        try {
          guard.check(body, now);
        } catch (e) {
          throw asPublicFormRefusal(e, E);
        }
        const made = await limit.countAccepted(request.ip, now, (admit) => submitComment(deps, id, values, { formToken: str(body.formToken), admit }));
        if (made.created) repeats.remember(request, reply, `/organs/${organ.code}/consultations/${id}`, body, str(body.formToken));
        return reply.header('Cache-Control', 'no-store').redirect(thankedAt(organ, id), 303);
      } catch (e) {
        const status = e instanceof DomainError ? e.httpStatus : 400;
        // The guard's refusal comes with what is wrong in the fields; the form shown again keeps its serve time (form-guard.ts).
        // 提交过快 (or the trap's refusal) is said only of a comment otherwise right, as on the letter form (refusedFormErrors).
        const errors = refusedFormErrors(e, E, () => {
          const wrong: Record<string, string> = {};
          for (const r of commentInputReasons(values)) wrong[r.field ?? '_form'] ??= r.message;
          return wrong;
        });
        return page(request, reply, organ, id, values, errors, status === 404 ? 400 : status, false, guard.retry(body, deps.clock.now()));
      }
    });
  };
}
