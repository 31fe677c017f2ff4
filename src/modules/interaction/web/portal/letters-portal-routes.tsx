import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, pageQueryParam } from '../../../../platform/views/admin-helpers.ts';
import { prefsFromCookies } from '../../../../platform/views/prefs.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { addressLimit, BLANK_FORM_CACHE, formGuard, MIN_FILL_SECONDS, refusedFormErrors, repeatGuard, statusPages, submissionKeyOf } from '../../../applications/index.ts';
import { findOrganByCode, organByCode, unitHandledBy, UnitGuidancePage, type Organ } from '../../../catalog/index.ts';
import { InteractionErrorCode as E } from '../../domain/error-codes.ts';
import { asPublicFormRefusal } from './public-form-refusal.ts';
import { letterInputSchema } from '../../domain/letter-input.ts';
import { inFormOrder } from '../../../../platform/views/form-errors.ts';
import { checkLetter, rateLetter } from '../../use-cases/check-letter.ts';
import { findPublishedLetter, listPublishedLetters } from '../../use-cases/published-letters.ts';
import { findLetterReceipt, organCodeOfLetterNo, submitLetter } from '../../use-cases/submit-letter.ts';
import { getLetterSettings } from '../../use-cases/manage-letter-settings.ts';
import { LetterQueryPage, LettersHomePage, LetterStatusPage, LetterSubmittedPage, PublishedLetterPage, WriteLetterPage, type PortalInfo } from './letter-pages.tsx';
import { addressId } from '../../../../shared/address-number.ts';

export type LettersPortalOptions = {
  /** Seconds a person needs at least to fill the form; faster posts are treated as robots. */
  minFillSeconds?: number;
  /** Accepted letters per client address and hour (refused posts do not count). */
  submitPerHour?: number;
  /** Status queries per client address and 10 minutes (every attempt counts). */
  queriesPer10Minutes?: number;
};

const info = (request: FastifyRequest): PortalInfo => ({ prefs: prefsFromCookies(request.cookies), currentPath: request.url });
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const valuesOf = (body: Record<string, unknown>): Record<string, string> => Object.fromEntries(Object.entries(body).filter(([k, v]) => typeof v === 'string' && k !== 'formToken' && k !== 'queryCode')) as Record<string, string>;
const RECEIPT_COOKIE_SECONDS = 3600;
const LETTER_FIELD_ORDER = ['type', 'subject', 'content', 'writerName', 'phone', 'email', 'publishConsent'];

/**
 * The public side of the department mailbox: the organ's 互动交流 page with published letters, the
 * letter form without an account (idempotent, POST → 303 → GET, only accepted letters count toward
 * the per-address limit, a refused post keeps what was typed — docs/workflows/mailbox.md), and the
 * status query where the writer reads the reply and rates it.
 */
export function lettersPortalRoutes(deps: AppDeps, opts: LettersPortalOptions = {}) {
  const guard = formGuard({ minFillSeconds: opts.minFillSeconds ?? MIN_FILL_SECONDS });
  // A letter's status page: a random address naming nothing, opened by a cookie limited to it (docs/workflows/mailbox.md).
  const pages = statusPages({ purpose: 'mailbox status pages', path: '/letters/status/result', cookie: 'gk_letter' });
  const max = opts.submitPerHour ?? 10;
  const submitLimit = addressLimit({
    max, windowMs: 3600_000,
    refusal: (when, window) => new DomainError(E.submitLimited, `同一网络地址${window}内最多提交${max}封来信。请于${when}后再提交，您填写的内容已保留`, { httpStatus: 429, field: '_form' }),
  });
  const qmax = opts.queriesPer10Minutes ?? 30;
  /** A look-up sent with a box empty: answered 请填写…, nothing looked up, not counted toward the look-up limit. */
  const askedNothing = (e: unknown) => e instanceof DomainError && e.code === E.invalidInput;
  const queryLimit = addressLimit({
    max: qmax, windowMs: 600_000,
    refusal: (when, window) => new DomainError('ERR_RATE_LIMITED', `查询过于频繁：同一网络地址${window}内最多查询${qmax}次。请于${when}后再查询`, { httpStatus: 429, field: '_form' }),
  });

  const organOr404 = (code: string) => organByCode(deps.db, code, { unitsRefused: '下属单位不单独设信箱，请写信给其所属机关' });

  /**
   * The organ a typed letter number names by its prefix (whether or not the number exists), and the page
   * framed as its: the lost-code line gives its phone, the footer is its own (as the status page's).
   */
  const organOfNumber = async (request: FastifyRequest, trackingNo: string) => {
    const code = organCodeOfLetterNo(trackingNo);
    const organ = code ? await findOrganByCode(deps.db, code) : null;
    if (!organ || organ.kind === 'unit') return null;
    await request.frameAsOrgan?.(organ.code);
    return organ;
  };

  /** The form has no single contact field: what is said of `contact` (neither given) is said at 联系电话, the first of the two. */
  const onFormFields = ({ contact, ...errors }: Record<string, string>) => (contact ? { ...errors, phone: errors.phone ?? contact } : errors);

  // Back, then 提交 again: the blank form is kept for Back, and the same letter sent again from this browser leads to its receipt (repeat-guard.ts).
  const repeats = repeatGuard({ cookie: 'gk_wrote' });

  const writeForm = async (request: FastifyRequest, reply: FastifyReply, organ: Organ, values: Record<string, string>, errors: Record<string, string>, status = 200, formToken = guard.issue(deps.clock.now())) =>
    sendPage(reply.header('Cache-Control', request.method === 'GET' ? BLANK_FORM_CACHE : 'no-store'), <WriteLetterPage info={info(request)} organ={organ} values={values} errors={inFormOrder(onFormFields(errors), LETTER_FIELD_ORDER)} formToken={formToken} settings={await getLetterSettings(deps, organ.id)} />, status);

  const toReceipt = (request: FastifyRequest, reply: FastifyReply, organ: Organ, token: string, again = false) => {
    const id = submissionKeyOf(token).slice(0, 24);
    const url = `/organs/${organ.code}/letters/submitted/${id}`;
    return reply
      .setCookie(`gk_letter_${id}`, token, { path: url, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: RECEIPT_COOKIE_SECONDS })
      .header('Cache-Control', 'no-store')
      .redirect(again ? `${url}?again=1` : url, 303);
  };

  return async function plugin(app: FastifyInstance) {
    app.get<{ Params: { code: string }; Querystring: { page?: string } }>('/organs/:code/letters', async (request, reply) => {
      const handled = await unitHandledBy(deps.db, request.params.code);
      if (handled) return sendPage(reply, <UnitGuidancePage info={info(request)} {...handled} service="mailbox" />);
      const organ = await organOr404(request.params.code);
      return sendPage(reply, <LettersHomePage info={info(request)} organ={organ} list={await listPublishedLetters(deps, organ.id, pageQueryParam(request.query.page))} />);
    });

    app.get<{ Params: { code: string } }>('/organs/:code/letters/new', async (request, reply) => {
      const handled = await unitHandledBy(deps.db, request.params.code);
      if (handled) return sendPage(reply, <UnitGuidancePage info={info(request)} {...handled} service="write" />);
      return writeForm(request, reply, await organOr404(request.params.code), {}, {});
    });

    app.post<{ Params: { code: string } }>('/organs/:code/letters/new', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const token = str(body.formToken);
      try {
        if (await findLetterReceipt(deps, token)) return toReceipt(request, reply, organ, token);
        const earlier = repeats.earlierToken(request, body);
        if (earlier && (await findLetterReceipt(deps, earlier))) return toReceipt(request, reply, organ, earlier, true);
        const now = deps.clock.now();
        try {
          guard.check(body, now);
        } catch (e) {
          throw asPublicFormRefusal(e, E);
        }
        await submitLimit.countAccepted(request.ip, now, (admit) => submitLetter(deps, organ.code, body, { formToken: token, admit }));
        repeats.remember(request, reply, `/organs/${organ.code}/letters/new`, body, token);
        return toReceipt(request, reply, organ, token);
      } catch (e) {
        // The guard's refusal comes with what is wrong in the fields; the form shown again keeps its serve time (form-guard.ts).
        // 提交过快 (or the trap's refusal) is said only of a form otherwise right (refusedFormErrors).
        const errors = refusedFormErrors(e, E, () => {
          const parsed = letterInputSchema.safeParse(body);
          return parsed.success ? {} : fieldErrorsOf(parsed.error);
        });
        return writeForm(request, reply, organ, valuesOf(body), errors, e instanceof DomainError ? e.httpStatus : 400, guard.retry(body, deps.clock.now()));
      }
    });

    app.get<{ Params: { code: string; key: string }; Querystring: { print?: string; again?: string } }>('/organs/:code/letters/submitted/:key', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const token = request.cookies[`gk_letter_${request.params.key}`] ?? '';
      const receipt = token && request.params.key.length === 24 && submissionKeyOf(token).startsWith(request.params.key) ? await findLetterReceipt(deps, token) : null;
      reply.header('Cache-Control', 'no-store');
      return sendPage(reply, <LetterSubmittedPage info={info(request)} organ={organ} trackingNo={receipt?.queryCode ? receipt.trackingNo : null} queryCode={receipt?.queryCode || null} printView={request.query.print === '1'} again={request.query.again === '1'} />);
    });

    app.get<{ Params: { code: string; id: string } }>('/organs/:code/letters/:id', async (request, reply) => {
      const organ = await organOr404(request.params.code);
      const id = addressId(request.params.id);
      if (!id) throw new DomainError(E.notFound, '来信不存在或未公开', { httpStatus: 404 });
      return sendPage(reply, <PublishedLetterPage info={info(request)} organ={organ} letter={await findPublishedLetter(deps, organ.id, id)} />);
    });

    // 查询办理情况 on the receipt fills in the tracking number (?trackingNo=); the code is never in an address.
    app.get<{ Querystring: { trackingNo?: string } }>('/letters/status', async (request, reply) => {
      const trackingNo = str(request.query.trackingNo).slice(0, 60);
      // Opened from an organ's receipt with its number: the organ's page (its footer and phone), as the status is.
      const organ = await organOfNumber(request, trackingNo);
      return sendPage(reply, <LetterQueryPage info={info(request)} values={{ trackingNo }} errors={{}} organ={organ} />);
    });

    app.post('/letters/status', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      reply.header('Cache-Control', 'no-store');
      try {
        const letter = await queryLimit.countLookUp(request.ip, deps.clock.now(), () => checkLetter(deps, str(body.trackingNo), str(body.queryCode)), askedNothing);
        // POST → 303 → GET, so that Back returns to the status (docs/workflows/public-forms.md).
        return pages.redirectToNewPage(request, reply, { trackingNo: letter.trackingNo, queryCode: str(body.queryCode).trim().toUpperCase() }, deps.clock.now());
      } catch (e) {
        // The short refusal in the summary and at the field; what to do about a lost code is said once, below
        // the form (its three copies filled a phone's screen — an outside tester), naming the organ the number's
        // prefix names, in the same words whether or not the number exists.
        const organ = await organOfNumber(request, str(body.trackingNo).slice(0, 60));
        const errors = e instanceof DomainError && e.code === E.queryFailed ? { queryCode: e.message } : fieldErrorsOf(e);
        return sendPage(reply, <LetterQueryPage info={info(request)} values={{ trackingNo: str(body.trackingNo) }} errors={errors} organ={organ} incomplete={askedNothing(e)} />, e instanceof DomainError ? e.httpStatus : 400);
      }
    });

    const credentialsOf = (request: FastifyRequest, id: string) => pages.credentialsOf(request, id, deps.clock.now());

    app.get<{ Params: { page: string } }>('/letters/status/result/:page', async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const c = credentialsOf(request, request.params.page);
      const letter = c ? await checkLetter(deps, c.trackingNo, c.queryCode).catch(() => null) : null;
      if (!c || !letter) return sendPage(reply, <LetterQueryPage info={info(request)} values={{}} errors={{}} lapsed />);
      // The letter is its organ's: its footer and phone, not the whole site's.
      await request.frameAsOrgan?.(letter.organCode);
      return sendPage(reply, <LetterStatusPage info={info(request)} letter={letter} queryCode={c.queryCode} errors={{}} values={{}} pageUrl={pages.pageUrl(request.params.page)} />);
    });

    // A rating from the page: back to the page (303), so a refresh never sends it again.
    app.post<{ Params: { page: string } }>('/letters/status/result/:page/rate', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      reply.header('Cache-Control', 'no-store');
      queryLimit.admit(request.ip, deps.clock.now());
      const page = pages.pageUrl(request.params.page);
      const c = credentialsOf(request, request.params.page);
      if (!c) return sendPage(reply, <LetterQueryPage info={info(request)} values={{}} errors={{}} lapsed />);
      try {
        await rateLetter(deps, c.trackingNo, c.queryCode, str(body.rating), str(body.comment));
        return reply.redirect(page, 303);
      } catch (e) {
        if (e instanceof DomainError && e.code === E.queryFailed) throw e;
        const letter = await checkLetter(deps, c.trackingNo, c.queryCode);
        await request.frameAsOrgan?.(letter.organCode);
        return sendPage(reply, <LetterStatusPage info={info(request)} letter={letter} queryCode={c.queryCode} errors={fieldErrorsOf(e)} values={valuesOf(body)} pageUrl={page} />, e instanceof DomainError ? e.httpStatus : 400);
      }
    });

    app.post('/letters/status/rate', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      reply.header('Cache-Control', 'no-store');
      queryLimit.admit(request.ip, deps.clock.now());
      const code = str(body.queryCode).trim().toUpperCase();
      try {
        const letter = await rateLetter(deps, str(body.trackingNo), code, str(body.rating), str(body.comment));
        return sendPage(reply, <LetterStatusPage info={info(request)} letter={letter} queryCode={code} errors={{}} values={{}} />);
      } catch (e) {
        if (e instanceof DomainError && e.code === E.queryFailed) throw e;
        const letter = await checkLetter(deps, str(body.trackingNo), code);
        return sendPage(reply, <LetterStatusPage info={info(request)} letter={letter} queryCode={code} errors={fieldErrorsOf(e)} values={valuesOf(body)} />, e instanceof DomainError ? e.httpStatus : 400);
      }
    });
  };
}
