import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf } from '../../../../platform/views/admin-helpers.ts';
import { prefsFromCookies } from '../../../../platform/views/prefs.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { findOrganByCode, type Organ } from '../../../catalog/index.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';
import { checkStatus } from '../../use-cases/check-status.ts';
import { submitOnlineApplication } from '../../use-cases/submit-online-application.ts';
import { formValues } from '../form-values.ts';
import { asLetterFormat, sendLetter } from '../letter-download.ts';
import { formGuard } from './form-guard.ts';
import { ApplyPage, StatusPage, StatusQueryPage, SubmittedPage, type PortalInfo } from './portal-pages.tsx';

export type PortalFormOptions = {
  /** Seconds a person needs at least to fill the form; faster posts are treated as robots. */
  minFillSeconds?: number;
  /** Submissions per client address and hour. */
  submitPerHour?: number;
  /** Status queries (and letter downloads) per client address and 10 minutes. */
  queriesPer10Minutes?: number;
};

const info = (request: FastifyRequest): PortalInfo => ({ prefs: prefsFromCookies(request.cookies), currentPath: request.url });
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The public side of 依申请公开: apply online without an account, then check the status and download
 * the letters with the tracking number and query code. Rate-limited per route, with a honeypot and a
 * minimum fill time; no outside CAPTCHA service.
 */
export function applicationsPortalRoutes(deps: AppDeps, opts: PortalFormOptions = {}) {
  const guard = formGuard({ minFillSeconds: opts.minFillSeconds ?? 5 });
  const submitLimit = { rateLimit: { max: opts.submitPerHour ?? 10, timeWindow: '1 hour' } };
  const queryLimit = { rateLimit: { max: opts.queriesPer10Minutes ?? 30, timeWindow: '10 minutes' } };

  async function organOr404(code: string): Promise<Organ> {
    const organ = await findOrganByCode(deps.db, code);
    if (!organ) throw new DomainError('ERR_NOT_FOUND', '机关不存在或已被移除', { httpStatus: 404 });
    // 条例第二十七条: the organ answers in its own name, not its internal 股室 or units.
    if (organ.kind === 'unit') throw new DomainError('ERR_NOT_FOUND', '内设机构不单独受理政府信息公开申请，请向其所属机关申请', { httpStatus: 404 });
    return organ;
  }

  const applyForm = (request: FastifyRequest, reply: FastifyReply, organ: Organ, values: Record<string, string>, errors: Record<string, string>, status = 200) =>
    sendPage(reply.header('Cache-Control', 'no-store'), <ApplyPage info={info(request)} organ={organ} values={values} errors={errors} formToken={guard.issue(deps.clock.now())} />, status);

  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string } }>('/organs/:code/apply', async (request, reply) => applyForm(request, reply, await organOr404(request.params.code), {}, {}));

    app.post<{ Params: { code: string } }>('/organs/:code/apply', { config: submitLimit }, async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = formValues(body);
      try {
        guard.check(body, deps.clock.now());
        const { trackingNo, queryCode } = await submitOnlineApplication(deps, organ.code, body);
        return sendPage(reply.header('Cache-Control', 'no-store'), <SubmittedPage info={info(request)} organ={organ} trackingNo={trackingNo} queryCode={queryCode} />, 201);
      } catch (e) {
        return applyForm(request, reply, organ, values, fieldErrorsOf(e), 400);
      }
    });

    app.get('/applications/status', async (request, reply) => sendPage(reply, <StatusQueryPage info={info(request)} values={{}} errors={{}} />));

    app.post('/applications/status', { config: queryLimit }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const status = await checkStatus(deps, str(body.trackingNo), str(body.queryCode));
        return sendPage(reply.header('Cache-Control', 'no-store'), <StatusPage info={info(request)} status={status} queryCode={str(body.queryCode).trim().toUpperCase()} />);
      } catch (e) {
        const errors = e instanceof DomainError && e.code === E.queryFailed ? { queryCode: e.message } : fieldErrorsOf(e);
        return sendPage(reply, <StatusQueryPage info={info(request)} values={formValues(body)} errors={errors} />, e instanceof DomainError ? e.httpStatus : 400);
      }
    });

    app.post<{ Params: { id: string } }>('/applications/status/letters/:id', { config: queryLimit }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const status = await checkStatus(deps, str(body.trackingNo), str(body.queryCode));
      const letter = status.letters.find((l) => l.id === Number(request.params.id));
      if (!letter) throw new DomainError(E.letterNotFound, '文书不存在', { httpStatus: 404 });
      return sendLetter(reply, letter, asLetterFormat(body.format));
    });
  };
}
