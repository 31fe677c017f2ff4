import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { fieldErrorsOf, setFlash } from '../../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../../platform/views/render.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../../shared/iso-date.ts';
import { actorOf } from '../../../identity/index.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';
import { isRecordCorrectionVerb, RECORD_CORRECTION_TRANSITIONS, type RecordCorrectionCommand, type RecordCorrectionVerb } from '../../domain/record-correction.ts';
import { findRecordCorrectionLetter } from '../../storage/record-corrections-repository.ts';
import { listRecordCorrectionsOf, performRecordCorrectionVerb, recordCorrectionDetails, registerRecordCorrection } from '../../use-cases/record-corrections.ts';
import { formValues, type FormValues } from '../form-values.ts';
import { asLetterFormat, sendLetter } from '../letter-download.ts';
import { RecordCorrectionPage, RecordCorrectionRegisterPage, RecordCorrectionsPage, type RecordCorrectionFormState } from './record-correction-pages.tsx';
import { staffContext } from '../../../catalog/index.ts';

const idParam = (raw: string) => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw new DomainError(E.recordCorrectionNotFound, '更正申请不存在', { httpStatus: 404 });
  return id;
};

/** What an outcome form sent, as the command decide reads. */
function commandFromForm(verb: RecordCorrectionVerb, v: FormValues): RecordCorrectionCommand {
  const decidedOn = (v.decidedOn ?? '').trim();
  switch (verb) {
    case 'correct': return { verb, decidedOn, correctedContent: v.correctedContent ?? '' };
    case 'decline': return { verb, decidedOn, reason: v.reason ?? '' };
    case 'transfer': return { verb, decidedOn, competentOrgan: v.competentOrgan ?? '' };
    case 'refer': return { verb, decidedOn, competentOrgan: v.competentOrgan ?? '', competentContact: v.competentContact ?? '' };
  }
}

/**
 * 条例第四十一条 correction requests in the applications back office: the organ's list, registration
 * (CSRF, one form token = one request), the request page with its outcome forms, the 告知书 download.
 * Registered inside the applications admin plugin, so its staff-only hook applies.
 */
export function recordCorrectionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => chinaDateOf(deps.clock.now());

  async function renderRequest(request: FastifyRequest, reply: FastifyReply, id: number, failed: RecordCorrectionFormState, status = 200) {
    const scope = await staffContext(deps, request, reply);
    const details = await recordCorrectionDetails(deps, actorOf(request, 'web'), id);
    return sendPage(reply, <RecordCorrectionPage scope={scope} details={details} today={today()} failed={failed} />, status);
  }

  app.get<{ Querystring: { organ?: string } }>('/admin/record-corrections', async (request, reply) => {
    const scope = await staffContext(deps, request, reply);
    const organ = await scope.organ(request.query.organ, 'handle');
    return sendPage(reply, <RecordCorrectionsPage scope={scope} organ={organ} items={await listRecordCorrectionsOf(deps, actorOf(request, 'web'), organ.id)} />);
  });

  app.get<{ Querystring: { organ?: string } }>('/admin/record-corrections/new', async (request, reply) => {
    const scope = await staffContext(deps, request, reply);
    const values = { receivedOn: today(), formToken: randomBytes(18).toString('base64url') };
    return sendPage(reply, <RecordCorrectionRegisterPage scope={scope} organ={await scope.organ(request.query.organ, 'handle')} values={values} errors={{}} />);
  });

  app.post<{ Querystring: { organ?: string } }>('/admin/record-corrections/new', async (request, reply) => {
    const scope = await staffContext(deps, request, reply);
    const organ = await scope.organ(request.query.organ, 'handle');
    const values = formValues(request.body);
    try {
      const { correction, created } = await registerRecordCorrection(deps, actorOf(request, 'web'), organ.id, request.body, { formToken: values.formToken ?? '' });
      setFlash(reply, created ? `已登记更正申请 ${correction.trackingNo}` : `该表单已登记为更正申请 ${correction.trackingNo}，未重复登记`);
      return reply.redirect(`/admin/record-corrections/${correction.id}`, 303);
    } catch (e) {
      return sendPage(reply, <RecordCorrectionRegisterPage scope={scope} organ={organ} values={values} errors={fieldErrorsOf(e)} />, 400);
    }
  });

  app.get<{ Params: { id: string } }>('/admin/record-corrections/:id', async (request, reply) => renderRequest(request, reply, idParam(request.params.id), null));

  app.post<{ Params: { id: string; verb: string } }>('/admin/record-corrections/:id/verbs/:verb', async (request, reply) => {
    const id = idParam(request.params.id);
    const verb = request.params.verb;
    if (!isRecordCorrectionVerb(verb)) throw new DomainError('ERR_NOT_FOUND', `操作“${verb}”不存在`, { httpStatus: 404 });
    const values = formValues(request.body);
    try {
      const version = /^\d+$/.test(values.version ?? '') ? Number(values.version) : undefined;
      await performRecordCorrectionVerb(deps, actorOf(request, 'web'), id, commandFromForm(verb, values), version);
      setFlash(reply, `已${RECORD_CORRECTION_TRANSITIONS[verb].label}，已生成告知书`);
      // To the top, where the flash is: the form posted to …#verb-VERB, and a redirect without a fragment would keep it (as a case's verbs).
      return reply.redirect(`/admin/record-corrections/${id}#main`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || e.httpStatus === 403 || e.httpStatus === 404) throw e;
      // A refusal the form cannot fix (decided already, edited meanwhile, no reconsideration body) is a message on the form.
      // The page is rendered, not redirected, and the form's address ends in #verb-VERB, so it opens at the form as typed.
      const errors = e.httpStatus === 409 ? { _form: e.message } : fieldErrorsOf(e);
      return renderRequest(request, reply, id, { verb, errors, values }, e.httpStatus);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { format?: string } }>('/admin/record-corrections/:id/letter', async (request, reply) => {
    const details = await recordCorrectionDetails(deps, actorOf(request, 'web'), idParam(request.params.id));
    const letter = await findRecordCorrectionLetter(deps.db, details.correction.id);
    if (!letter) throw new DomainError(E.letterNotFound, '该更正申请尚未作出处理，没有告知书', { httpStatus: 404 });
    return sendLetter(reply, { id: details.correction.id, document: letter.document }, asLetterFormat(request.query.format));
  });
}
