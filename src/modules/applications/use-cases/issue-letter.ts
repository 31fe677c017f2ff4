import type { AppDeps } from '../../../platform/app-deps.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import { findOrganById, organChain } from '../../catalog/index.ts';
import type { Application } from '../domain/application.ts';
import type { Command } from '../domain/application-verbs.ts';
import { chineseDate } from '../domain/chinese-date.ts';
import { FEE_METHOD_LABELS, perApplicationFee, perPageFee } from '../domain/fee-rules.ts';
import { outcomeGroup } from '../domain/outcomes.ts';
import { buildLetter } from '../domain/letters/build-letter.ts';
import { isLetterForApplicant, LETTER_KIND_LABELS, replyTemplateKind, type LetterKind, type TemplateKind } from '../domain/letters/letter-kinds.ts';
import { answeringOrgan, reconsiderationBodyFor } from '../domain/letters/remedies.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { settingsFor } from '../storage/settings-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { allocateLetterSerial, insertLetter } from '../storage/letters-repository.ts';
import { receiptRule } from '../domain/channels.ts';
import { letterNumber } from '../domain/letters/letter-number.ts';
import { templateFor } from '../storage/templates-repository.ts';
import { followUpSentence, type QueryCodeGiven } from '../domain/letters/follow-up.ts';
import type { DocumentModel } from '../../../platform/documents/index.ts';
import { calendarFor } from './working-calendar.ts';
import { noLaterThan } from '../domain/deadline-wording.ts';

/** `codeGiven`: of a 申请登记回执, how the applicant was given the 查询码 (follow-up.ts). */
type LetterPlan = { kind: LetterKind; template: TemplateKind; values: Record<string, string>; codeGiven?: QueryCodeGiven };

/** Which letter a verb produces, with the values of its own placeholders; null when it produces none. */
function planLetter(command: Command, before: Application, after: Application, dated: (on: IsoDate | null) => string): LetterPlan | null {
  switch (command.verb) {
    case 'requestCorrection':
      return {
        kind: 'correction_notice', template: 'correction_notice',
        values: { 补正事项: command.points, 补正期限: dated(after.correctionDueOn), 补正工作日数: String(command.correctionWorkingDays) },
      };
    case 'startConsultation':
      // 条例第三十二条 (third party) and 第三十四条 (co-producing organ) are different letters.
      return {
        kind: 'consultation_letter', template: command.kind === 'third_party' ? 'consultation_third_party' : 'consultation_co_agency',
        values: {
          征求对象: command.party,
          起算说明: command.deliveredOn
            ? `自本函送达之日（${chineseDate(command.deliveredOn)}）的次日起计算`
            : `本机关以本函发出之日（${chineseDate(command.sentOn)}）为准，自次日起计算`,
        },
      };
    case 'requestReasons':
      return { kind: 'reasons_request', template: 'reasons_request', values: { 说明事项: command.points } };
    case 'setDelayedReply':
      return { kind: 'delay_notice', template: 'delay_notice', values: { 延迟理由: command.reason, 原答复期限: dated(before.dueOn), 延迟答复期限: dated(command.delayedDueOn) } };
    case 'withdraw':
      return { kind: 'withdrawal_notice', template: 'withdrawal_notice', values: { 撤回日期: chineseDate(command.withdrawnOn) } };
    case 'discard':
      return { kind: 'discard_notice', template: 'discard_notice', values: { 不予登记理由: command.reason } };
    case 'notifyThirdParty':
      return { kind: 'disclosure_notice', template: 'disclosure_notice', values: { 第三方: command.party, 公开内容: command.content, 公开理由: command.reason } };
    case 'extendDeadline':
      return {
        kind: 'extension_notice', template: 'extension_notice',
        values: {
          延长工作日数: String(command.workingDays), 延期理由: command.reason, 原答复期限: dated(before.dueOn), 延期后答复期限: dated(after.dueOn),
        },
      };
    case 'issueFeeNotice': {
      const fee = after.feeMethod === 'per_page' ? perPageFee(after.feeUnits!) : perApplicationFee(after.feeUnits!);
      return {
        kind: 'fee_notice', template: 'fee_notice',
        values: { 收费方式: FEE_METHOD_LABELS[after.feeMethod!], 收费金额: String(after.feeAmountYuan), 计费说明: fee.explanation, 缴费期限: dated(after.feeDueOn), 缴费方式: command.paymentMethod },
      };
    }
    case 'recordReply':
      return { kind: 'reply', template: replyTemplateKind(outcomeGroup(after.outcome!)), values: {} };
    case 'closeCorrectionOverdue':
      return {
        kind: 'termination_notice', template: 'termination_notice',
        values: { 终止原因: `本机关已于${chineseDate(before.correctionRequestedOn)}告知您补正申请，您未在补正期限（${noLaterThan(chineseDate(before.correctionDueOn))}）内补正。根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，` },
      };
    case 'closeFeeUnpaid':
      return {
        kind: 'termination_notice', template: 'termination_notice',
        values: { 终止原因: `本机关已于${chineseDate(before.feeNoticeSentOn)}向您发出收费通知，您未在缴费期限（${noLaterThan(chineseDate(before.feeDueOn))}）内缴纳信息处理费。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为放弃申请，` },
      };
    default:
      return null;
  }
}

/** Builds and stores the letter a verb produces (frozen as issued); returns its id, or null. */
export async function issueLetterFor(
  trx: Executor, deps: AppDeps, command: Command, before: Application, after: Application, consultationEndOn: IsoDate | null, issuedOn: IsoDate, userId: number | null, at: string,
): Promise<number | null> {
  const serviceMethod = command.verb === 'recordReply' && command.serviceMethod ? command.serviceMethod : after.deliveryMethod;
  const issued = await issueLetter(trx, after, (dated) => {
    // Confirmed later: a paper applicant was never given the code; an online one got it on the portal.
    const plan = command.verb === 'confirmReceipt' ? acknowledgementPlan(after, dated, after.source === 'portal' ? 'online' : 'not_given') : planLetter(command, before, after, dated);
    if (plan?.kind === 'consultation_letter' && consultationEndOn) plan.values['意见期限'] = dated(consultationEndOn);
    return plan;
  }, { issuedOn, userId, at, serviceMethod, statusUrl: statusUrlOf(deps) });
  return issued?.id ?? null;
}

/**
 * The 申请登记回执 of an application received at registration (at the counter, by signed post, or
 * confirmed on the form), the code given with it. The stored receipt never holds the code; the answer
 * prints `withQueryCode(document, code)` once (follow-up.ts).
 */
export async function issueAcknowledgement(trx: Executor, deps: AppDeps, app: Application, issuedOn: IsoDate, userId: number | null, at: string): Promise<{ id: number; document: DocumentModel } | null> {
  return issueLetter(trx, app, (dated) => acknowledgementPlan(app, dated, app.source === 'portal' ? 'online' : 'at_registration'), { issuedOn, userId, at, serviceMethod: app.deliveryMethod, statusUrl: statusUrlOf(deps) });
}

function acknowledgementPlan(app: Application, dated: (on: IsoDate | null) => string, codeGiven: QueryCodeGiven): LetterPlan {
  return {
    kind: 'acknowledgement', template: 'acknowledgement', codeGiven,
    values: { 收到规则: receiptRule(app.channel), 答复期限: dated(app.dueOn) },
  };
}

/** The portal's status query page, when the public address is configured. */
const statusUrlOf = (deps: AppDeps): string | null => (deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}/applications/status` : null);

/**
 * Builds a letter in the name of the answering organ (条例第二十七条), numbers it in that organ's
 * yearly series and stores it frozen as issued. `plan` gets a date formatter that marks 暂定 dates.
 */
async function issueLetter(
  trx: Executor, app: Application, plan: (dated: (on: IsoDate | null) => string) => LetterPlan | null,
  o: { issuedOn: IsoDate; userId: number | null; at: string; serviceMethod: string; statusUrl: string | null },
): Promise<{ id: number; document: DocumentModel } | null> {
  // A date in a year whose holiday notice is not loaded is counted on the statutory holidays alone: 暂定.
  const calendar = await calendarFor(trx);
  let provisional = false;
  const dated = (on: IsoDate | null) => {
    if (!on) return '';
    if (calendar.knowsYear(Number(on.slice(0, 4)))) return chineseDate(on);
    provisional = true;
    return `${chineseDate(on)}（暂定）`;
  };
  const p = plan(dated);
  if (!p) return null;
  const notes = provisional ? [PROVISIONAL_NOTE] : [];
  const { organ, reconsideration, nextLetterNo } = await letterheadFor(trx, app.organId);
  if (!reconsideration && hasRemedies(p.kind)) throw reconsiderationBodyMissing(organ.name);
  const letterNo = await nextLetterNo(o.issuedOn);
  const template = await templateFor(trx, organ.id, p.template);
  if (p.kind === 'acknowledgement') {
    p.values['查询方式'] = followUpSentence({ codeGiven: p.codeGiven ?? 'not_given', consultPhone: organ.consultPhone, statusUrl: o.statusUrl });
  }
  const document = buildLetter(p.kind, {
    app, organName: organ.name, reconsideration: reconsideration ?? { body: '', address: '', online: '' }, serviceMethod: o.serviceMethod,
    issuedOn: o.issuedOn, template, values: p.values, notes, letterNo,
  });
  const id = await insertLetter(trx, {
    applicationId: app.id, kind: p.kind, title: `${LETTER_KIND_LABELS[p.kind]}（${o.issuedOn}）`, issuedOn: o.issuedOn, document,
    forApplicant: isLetterForApplicant(p.kind), createdBy: o.userId, serviceMethod: o.serviceMethod, letterNo,
  }, o.at);
  return { id, document };
}
/**
 * Who signs a letter of a case at `organId` and what it names: the answering 行政机关 (条例第二十七条:
 * never an internal unit), its reconsideration body (null when none can be named) and the next number
 * in its letter series for the year (e.g. 岚建公开〔2026〕第12号). Shared by every letter of the area.
 */
export async function letterheadFor(trx: Executor, organId: number) {
  const fullChain = (await Promise.all((await organChain(trx, organId)).map((id) => findOrganById(trx, id)))).filter((x) => x !== null);
  const organ = answeringOrgan(fullChain);
  const chain = fullChain.slice(fullChain.indexOf(organ));
  const settings = await settingsFor(trx, organ.id);
  const reconsideration = reconsiderationBodyFor(chain, { body: settings.reconsiderationBody, address: settings.reconsiderationAddress, online: settings.reconsiderationOnline });
  const nextLetterNo = async (issuedOn: IsoDate): Promise<string> => {
    const year = Number(issuedOn.slice(0, 4));
    return letterNumber(settings.letterPrefix || `${organ.shortName || organ.name}依申请公开`, year, await allocateLetterSerial(trx, organ.id, year));
  };
  return { organ, reconsideration, nextLetterNo };
}

/** A letter stating the remedies cannot be issued without a named reconsideration body (行政复议法第二十条第三款). */
export const reconsiderationBodyMissing = (organName: string) =>
  new DomainError(E.reconsiderationBodyRequired, `答复文书须写明复议机关（行政复议法第二十条第三款）：请本机关管理员先在“依申请公开设置”中填写${organName}的复议机关名称、地址和网上申请渠道`, { httpStatus: 409 });

/** Letters that state the remedies (行政复议、行政诉讼) and so must name the reconsideration body. */
const hasRemedies = (kind: LetterKind) => kind === 'reply' || kind === 'termination_notice';

/** Why a date is marked 暂定 (docs/workflows/deadline-rules.md, rule 8). */
const PROVISIONAL_NOTE = '标注“暂定”的日期所在年度的国务院节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的法定节假日计算；该年度节假日安排公布后如有变化，以本机关另行告知的日期为准。';
