import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf } from '../../../../platform/views/admin-helpers.ts';
import { prefsFromCookies } from '../../../../platform/views/prefs.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { findOrganByCode, organByCode, unitHandledBy, UnitGuidancePage, type Organ } from '../../../catalog/index.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';
import { checkStatus } from '../../use-cases/check-status.ts';
import { findOnlineReceipt, submitOnlineApplication, type OnlineReceipt } from '../../use-cases/submit-online-application.ts';
import { submissionKeyOf } from '../../use-cases/submission-receipt.ts';
import { organCodeOfTrackingNo } from '../../use-cases/create-application.ts';
import { applicantFields } from '../../domain/application-input.ts';
import { APPLICATION_FIELD_ORDER } from '../applicant-fields.tsx';
import { formValues } from '../form-values.ts';
import { inFormOrder } from '../../../../platform/views/form-errors.ts';
import { asLetterFormat, sendLetter } from '../letter-download.ts';
import { formGuard, MIN_FILL_SECONDS, refusedFormErrors } from './form-guard.ts';
import { ApplyPage, NoReceiptPage, StatusPage, StatusQueryPage, SubmittedPage, type PortalInfo } from './portal-pages.tsx';
import { statusPages } from './status-session.ts';
import { BLANK_FORM_CACHE, repeatGuard, REPEAT_WINDOW_SECONDS } from './repeat-guard.ts';
import { acceptedSubmissionLimit, queryLimit } from './submit-limit.ts';
import { addressId } from '../../../../shared/address-number.ts';

export type PortalFormOptions = {
  /** Seconds a person needs at least to fill the form; faster posts are treated as robots. */
  minFillSeconds?: number;
  /** Accepted applications per client address and hour (refused posts do not count). */
  submitPerHour?: number;
  /** Status queries, and separately letter downloads, per client address and 10 minutes (every attempt counts). */
  queriesPer10Minutes?: number;
};

/** What is wrong in an application's fields, checked without submitting it. */
const applicantFieldErrors = (body: Record<string, unknown>) => {
  const parsed = applicantFields.safeParse(body);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

const info = (request: FastifyRequest): PortalInfo => ({ prefs: prefsFromCookies(request.cookies), currentPath: request.url });
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** How long the browser that applied can open its receipt page again (a cookie holding the form token). */
const RECEIPT_COOKIE_SECONDS = 3600;
/** A served form is valid this long; a repeat of an accepted one is answered with its receipt as long. */
const FORM_MAX_AGE_HOURS = 12;
const FORM_MAX_AGE_MS = FORM_MAX_AGE_HOURS * 3600_000;

/**
 * The public side of 依申请公开: apply online without an account, then check the status and download
 * the letters with the tracking number and query code. A honeypot and a minimum fill time; no outside
 * CAPTCHA service. The apply form is idempotent and answers an accepted post with a redirect to its
 * receipt (POST → 303 → GET); only accepted applications count towards its per-address limit
 * (docs/workflows/public-forms.md). Status queries are rate-limited per address.
 */
export function applicationsPortalRoutes(deps: AppDeps, opts: PortalFormOptions = {}) {
  const guard = formGuard({ minFillSeconds: opts.minFillSeconds ?? MIN_FILL_SECONDS, maxAgeHours: FORM_MAX_AGE_HOURS });
  const submitLimit = acceptedSubmissionLimit({ max: opts.submitPerHour ?? 10, windowMs: 3600_000 });
  /** A look-up sent with a box empty: answered 请填写…, nothing looked up, not counted toward the look-up limit. */
  const askedNothing = (e: unknown) => e instanceof DomainError && e.code === E.invalidInput;
  const statusLimit = queryLimit({ max: opts.queriesPer10Minutes ?? 30, windowMs: 600_000 });
  const letterLimit = queryLimit({ max: opts.queriesPer10Minutes ?? 30, windowMs: 600_000 });
  const pages = statusPages({ purpose: 'status pages', path: '/applications/status/result', cookie: 'gk_status' });

  // 条例第二十七条: the organ answers in its own name, not its internal 股室 or units.
  const organOr404 = (code: string) => organByCode(deps.db, code, { unitsRefused: '下属单位不单独受理政府信息公开申请，请向其所属机关申请' });

  const repeats = repeatGuard({ cookie: 'gk_applied' });

  /**
   * The form. A blank one (GET) holds nothing typed, and the browser may keep it for Back
   * (`private, no-cache`): Back then shows the form with its own token, and 提交 again leads to the
   * receipt of the case it made. A form shown again with what was typed is never kept (`no-store`).
   */
  const applyForm = (request: FastifyRequest, reply: FastifyReply, organ: Organ, values: Record<string, string>, errors: Record<string, string>, status = 200, formToken = guard.issue(deps.clock.now())) =>
    sendPage(reply.header('Cache-Control', request.method === 'GET' ? BLANK_FORM_CACHE : 'no-store'), <ApplyPage info={info(request)} organ={organ} values={values} errors={inFormOrder(errors, APPLICATION_FIELD_ORDER)} formToken={formToken} />, status);

  /**
   * POST → 303 → GET: the receipt page's address names the submission (a prefix of the token's hash,
   * which reveals nothing), and a cookie limited to that address holds the token that opens it.
   */
  const toReceipt = (request: FastifyRequest, reply: FastifyReply, organ: Organ, token: string, again = false) => {
    const id = submissionKeyOf(token).slice(0, 24);
    const url = `/organs/${organ.code}/apply/submitted/${id}`;
    return reply
      .setCookie(`gk_receipt_${id}`, token, { path: url, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: RECEIPT_COOKIE_SECONDS })
      .header('Cache-Control', 'no-store')
      .redirect(again ? `${url}?again=1` : url, 303);
  };

  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string } }>('/organs/:code/apply', async (request, reply) => {
      // A unit's address: a guidance page naming the organ that answers for it and linking its form.
      const handled = await unitHandledBy(deps.db, request.params.code);
      if (handled) return sendPage(reply, <UnitGuidancePage info={info(request)} {...handled} service="apply" />);
      return applyForm(request, reply, await organOr404(request.params.code), {}, {});
    });

    app.post<{ Params: { code: string } }>('/organs/:code/apply', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const values = formValues(body);
      const token = str(body.formToken);
      try {
        // A form that already made its case leads to that case's receipt — also after a restart,
        // when the token's signature can no longer be checked (only checked tokens are ever stored).
        if (await findOnlineReceipt(deps, token, FORM_MAX_AGE_MS)) return toReceipt(request, reply, organ, token);
        // The same application sent again from this browser with a new form (Back fetched it anew):
        // the case it made, not a second one with its own statutory clock (repeat-guard.ts).
        const earlier = repeats.earlierToken(request, body);
        if (earlier && (await findOnlineReceipt(deps, earlier, REPEAT_WINDOW_SECONDS * 1000))) return toReceipt(request, reply, organ, earlier, true);
        const now = deps.clock.now();
        guard.check(body, now);
        await submitLimit.countAccepted(request.ip, now, (admit) => submitOnlineApplication(deps, organ.code, body, { formToken: token, admit }));
        repeats.remember(request, reply, `/organs/${organ.code}/apply`, body, token);
        return toReceipt(request, reply, organ, token);
      } catch (e) {
        // Every refusal shows the form again with what was typed, and with a token that keeps the
        // form's serve time (a refusal never restarts the fill timer: form-guard.ts). The guard's
        // refusal comes with what is wrong in the fields, all at once, and 提交过快 only when nothing
        // else is wrong, as on the mailbox and 意见征集 forms (refusedFormErrors).
        const errors = refusedFormErrors(e, E, () => applicantFieldErrors(body));
        return applyForm(request, reply, organ, values, errors, e instanceof DomainError ? e.httpStatus : 400, guard.retry(body, deps.clock.now()));
      }
    });

    app.get<{ Params: { code: string; key: string }; Querystring: { print?: string; again?: string } }>('/organs/:code/apply/submitted/:key', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const token = request.cookies[`gk_receipt_${request.params.key}`] ?? '';
      const receipt: OnlineReceipt | null = token && request.params.key.length === 24 && submissionKeyOf(token).startsWith(request.params.key) ? await findOnlineReceipt(deps, token, RECEIPT_COOKIE_SECONDS * 1000) : null;
      reply.header('Cache-Control', 'no-store');
      if (!receipt?.queryCode) return sendPage(reply, <NoReceiptPage info={info(request)} organ={organ} />);
      return sendPage(reply, <SubmittedPage info={info(request)} organ={organ} trackingNo={receipt.trackingNo} queryCode={receipt.queryCode} printView={request.query.print === '1'} again={request.query.again === '1'} />);
    });

    // 查询办理进度 on the receipt fills in the tracking number (?trackingNo=); the code is never in an address.
    app.get<{ Querystring: { trackingNo?: string } }>('/applications/status', async (request, reply) => {
      const trackingNo = str(request.query.trackingNo).slice(0, 60);
      // Opened from an organ's receipt with its number: the organ's page (its footer and phone), as the status is.
      const organ = await organOfNumber(request, trackingNo);
      return sendPage(reply, <StatusQueryPage info={info(request)} values={{ trackingNo }} errors={{}} organ={organ} />);
    });

    app.post('/applications/status', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        const status = await statusLimit.countLookUp(request.ip, deps.clock.now(), () => checkStatus(deps, str(body.trackingNo), str(body.queryCode)), askedNothing);
        // POST → 303 → GET, so that Back from a letter returns to the status (docs/workflows/public-forms.md).
        return pages.redirectToNewPage(request, reply, { trackingNo: status.trackingNo, queryCode: str(body.queryCode) }, deps.clock.now());
      } catch (e) {
        // The short refusal in the summary and at the field; what to do about a lost code is said once, below
        // the form (its three copies filled a phone's screen — an outside tester), naming the organ the number's
        // prefix names, in the same words whether or not the number exists.
        const organ = await organOfNumber(request, str(body.trackingNo).slice(0, 60));
        const errors = e instanceof DomainError && e.code === E.queryFailed ? { queryCode: e.message } : fieldErrorsOf(e);
        return sendPage(reply, <StatusQueryPage info={info(request)} values={formValues(body)} errors={errors} organ={organ} incomplete={askedNothing(e)} />, e instanceof DomainError ? e.httpStatus : 400);
      }
    });

    /**
     * The organ a typed application number names by its prefix (whether or not the number exists), and the
     * page framed as its: the lost-code line gives its phone and address, the footer is its own.
     */
    const organOfNumber = async (request: FastifyRequest, trackingNo: string) => {
      const code = organCodeOfTrackingNo(trackingNo);
      const organ = code ? await findOrganByCode(deps.db, code) : null;
      if (!organ || organ.kind === 'unit') return null;
      await request.frameAsOrgan?.(organ.code);
      return organ;
    };

    /** The status as it is now, for the browser holding the page's cookie; null when that lapsed. */
    const statusOfPage = async (request: FastifyRequest, id: string) => {
      const credentials = pages.credentialsOf(request, id, deps.clock.now());
      return credentials ? checkStatus(deps, credentials.trackingNo, credentials.queryCode).catch(() => null) : null;
    };

    app.get<{ Params: { page: string } }>('/applications/status/result/:page', async (request, reply) => {
      const status = await statusOfPage(request, request.params.page);
      reply.header('Cache-Control', 'no-store');
      if (!status) return sendPage(reply, <StatusQueryPage info={info(request)} values={{}} errors={{}} lapsed />);
      // The case is its organ's: its footer and phone, not the whole site's.
      await request.frameAsOrgan?.(status.organCode);
      return sendPage(reply, <StatusPage info={info(request)} status={status} pageUrl={pages.pageUrl(request.params.page)} />);
    });

    app.get<{ Params: { page: string; letterId: string }; Querystring: { format?: string } }>('/applications/status/result/:page/letters/:letterId', async (request, reply) => {
      letterLimit.admit(request.ip, deps.clock.now());
      const status = await statusOfPage(request, request.params.page);
      const letter = status?.letters.find((l) => l.id === addressId(request.params.letterId));
      if (!letter) throw new DomainError(E.letterNotFound, '文书不存在或查询已过期，请重新查询办理进度', { httpStatus: 404 });
      return sendLetter(reply, letter, asLetterFormat(request.query.format), { href: pages.pageUrl(request.params.page), label: '返回办理进度' });
    });

    app.post<{ Params: { id: string } }>('/applications/status/letters/:id', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      letterLimit.admit(request.ip, deps.clock.now());
      const status = await checkStatus(deps, str(body.trackingNo), str(body.queryCode));
      const letter = status.letters.find((l) => l.id === addressId(request.params.id));
      if (!letter) throw new DomainError(E.letterNotFound, '文书不存在', { httpStatus: 404 });
      return sendLetter(reply, letter, asLetterFormat(body.format));
    });
  };
}
