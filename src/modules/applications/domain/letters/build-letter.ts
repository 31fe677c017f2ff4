import type { DocBlock, DocumentModel } from '../../../../platform/documents/document-model.ts';
import type { IsoDate } from '../../../../shared/iso-date.ts';
import { APPLICANT_TYPE_LABELS } from '../applicant-types.ts';
import type { Application } from '../application.ts';
import { chineseDate } from '../chinese-date.ts';
import { isProvidedForm, PROVIDED_FORM_LABELS } from '../channels.ts';
import { OUTCOME_INFO, plainOutcomeLabel } from '../outcomes.ts';
import type { LetterTemplate } from './default-templates.ts';
import { isLetterToOthers, LETTER_KIND_LABELS, type LetterKind } from './letter-kinds.ts';
import { fillTemplate, placeholdersIn } from './placeholders.ts';
import { isServedOnline, remedyParagraphs, type ReconsiderationBody } from './remedies.ts';
import { basisFields, legalBasis, withheldPart } from '../reply-basis.ts';

export type LetterContext = {
  app: Application;
  /** The 行政机关 that answers and signs: never an internal unit (条例第二十七条). */
  organName: string;
  /** 复议机关, named with its address and online channel (行政复议法第二十条第三款、第二十四条). */
  reconsideration: ReconsiderationBody;
  /** How this letter is served (post, email, online, pickup, fax); the online-reconsideration sentence follows it. */
  serviceMethod: string;
  issuedOn: IsoDate;
  template: LetterTemplate;
  /** Values of the kind's own placeholders (补正事项, 收费金额 …). */
  values: Record<string, string>;
  /**
   * Notes the letter adds whatever the wording (e.g. why a date is 暂定): printed as 附注, in
   * parentheses on the line under the date, indented two characters (GB/T 9704-2012 7.3.6).
   */
  notes?: string[];
  /** The letter's own number (岚建公开〔2026〕第12号), printed under the title. */
  letterNo?: string;
};

/**
 * A letter of a case as a DocumentModel (rendered to HTML, DOCX and PDF by platform/documents).
 * The template gives the prose; the case fields, the outcome with its legal basis and the remedies
 * are always added here (docs/rules/appeals.md, what a 告知书 must state).
 */
/**
 * The request as the letter's prose quotes it (您申请公开“…”, 申请公开的信息为：…): a request written as
 * “申请公开2025年…” or “请公开…” would read 您申请公开“申请公开2025年…”, so its leading 申请/请求/要求/请公开
 * is left out; and its closing 。, ； or . is the request's own sentence end, not the quotation's, so it
 * is left out too (您申请公开“…验收报告。”的申请 — found on an online application's receipt).
 */
export const subjectInProse = (subject: string) => {
  const quoted = quotedOnOneLine(subject.replace(/^(?:我|本人)?(?:申请|请求|要求|请)公开[：:]?\s*/, '') || subject);
  return quoted.replace(/[\s。；;．.]+$/, '') || quoted;
};

/** A request typed on several lines, quoted in a sentence: its lines in order, a space between them, the quotation one paragraph. */
const quotedOnOneLine = (text: string) => text.split(/\r\n?|\n/).map((l) => l.trim()).filter(Boolean).join(' ');

/**
 * The longest request the 申请登记回执 quotes in full, in characters with its 文号: the receipt keeps to
 * one A4 page (22–27 lines), and its longest other content — an ordinary letter's 收到规则, the 暂定
 * note, the status page's address and a 咨询电话 — leaves about 64 characters for the quotation.
 */
export const RECEIPT_QUOTE_MAX = 60;
/** What a longer request's quotation keeps (its beginning, then ……, then its 文号), before （详见申请表）. */
const RECEIPT_ABRIDGED_MAX = 52;
/** Said after an abridged quotation: the full request is on the application form the organ keeps. */
export const SEE_APPLICATION_FORM = '（详见申请表）';
/** A 文号 longer than this is left to the application form with the rest. */
const DOCUMENT_NUMBER_KEPT_MAX = 24;

/**
 * The request as the 申请登记回执 quotes it: in full up to RECEIPT_QUOTE_MAX characters (文号 included),
 * else its beginning, ……, and its 文号 (`abridged`: the receipt then adds （详见申请表） after the quotation).
 * Found by an outside tester: a 130-character request with a 文号 put the 查询码 and the 落款 on a second page.
 */
export function receiptQuotation(subject: string, documentNumber: string | null): { text: string; abridged: boolean } {
  const suffix = documentNumber ? `（文号：${documentNumber}）` : '';
  const full = `${subjectInProse(subject)}${suffix}`;
  if (Array.from(full).length <= RECEIPT_QUOTE_MAX) return { text: full, abridged: false };
  const kept = Array.from(suffix).length <= DOCUMENT_NUMBER_KEPT_MAX ? suffix : '';
  const head = Array.from(subjectInProse(subject)).slice(0, RECEIPT_ABRIDGED_MAX - 2 - Array.from(kept).length).join('').replace(/[\s，,、；;：:。．.]+$/, '');
  return { text: `${head}……${kept}`, abridged: true };
}

export function buildLetter(kind: LetterKind, ctx: LetterContext): DocumentModel {
  const { app } = ctx;
  const withheld = app.outcome ? withheldPart(app.outcome, app.replyBasis) : null;
  const subject = app.documentNumber ? `${app.subject}（文号：${app.documentNumber}）` : app.subject;
  // The receipt keeps to one page: a long request is quoted by its beginning, the rest left to the form.
  const quotation = kind === 'acknowledgement' ? receiptQuotation(app.subject, app.documentNumber)
    : { text: app.documentNumber ? `${subjectInProse(app.subject)}（文号：${app.documentNumber}）` : subjectInProse(app.subject), abridged: false };
  const values: Record<string, string> = {
    申请人: app.applicantName,
    申请编号: app.trackingNo,
    收到日期: chineseDate(app.receivedOn),
    申请内容: quotation.text,
    机关名称: ctx.organName,
    发文日期: chineseDate(ctx.issuedOn),
    ...(app.outcome ? { 办理结果: OUTCOME_INFO[app.outcome].label, 法律依据: legalBasis(app.outcome, app.replyBasis), 答复内容: app.replyText } : {}),
    ...(isProvidedForm(app.providedForm) ? { 提供形式: PROVIDED_FORM_LABELS[app.providedForm] } : {}),
    ...(withheld ? { 不予公开理由: withheld.reason, 不予公开类别: withheld.ground, 不予公开依据: withheld.cite } : {}),
    ...ctx.values,
  };
  /** Whether the template's prose states a value itself ({{名称}}): its field is then not printed a second time. */
  const inProse = placeholdersIn(ctx.template.body);
  const stated = (...names: string[]) => names.every((n) => inProse.has(n));
  const addressee = isLetterToOthers(kind) ? [] : [para(`${app.applicantName}：`, false)];
  const filled = fillTemplate(ctx.template.body, values);
  const body = (quotation.abridged ? seeApplicationForm(filled, quotation.text) : filled)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => para(p, true));

  // The 申请登记回执 keeps to one A4 page (GB/T 9704: 22 lines), and a 答复告知书 to as few as it can,
  // so neither lists what it already says: the case fields its prose states through a placeholder, and
  // the applicant, whom the salutation names. A letter reworded without one of them still gets it as a field.
  const statesCaseFields = kind === 'acknowledgement' || kind === 'reply';
  const fields: { label: string; value: string }[] = [
    ...(statesCaseFields && stated('申请编号') ? [] : [{ label: '申请编号', value: app.trackingNo }]),
    ...(statesCaseFields && stated('收到日期') ? [] : [{ label: '收到申请日期', value: chineseDate(app.receivedOn) }]),
    ...(!isLetterToOthers(kind) && !statesCaseFields ? [{ label: '申请人', value: `${app.applicantName}（${APPLICANT_TYPE_LABELS[app.applicantType]}）` }] : []),
    ...(statesCaseFields && stated('申请内容') ? [] : [{ label: '申请内容', value: quotation.abridged ? `${quotation.text}${SEE_APPLICATION_FORM}` : subject }]),
  ];
  if (kind === 'reply' && app.outcome) {
    // A 部分公开 template that states the withheld part's reason and article (条例第三十七条) in its prose
    // does not list them again; one reworded without them still gets them as fields.
    const basis = basisFields(app.outcome, app.replyBasis).filter((f) => !(withheld && f.label.startsWith('不予公开部分的') && stated('不予公开理由', '不予公开依据')));
    // A 部分公开 letter states its basis as 第三十七条 and the withheld part's article (法律依据 is the two).
    const basisStated = stated('法律依据') || (withheld !== null && stated('不予公开依据') && ctx.template.body.includes('第三十七条'));
    if (!stated('办理结果')) fields.push({ label: '办理结果', value: plainOutcomeLabel(app.outcome) });
    if (!basisStated) fields.push({ label: '法律依据', value: legalBasis(app.outcome, app.replyBasis) });
    fields.push(...basis);
    if (isProvidedForm(app.providedForm)) {
      const differs = app.providedFormReason ? `（与您要求的形式不同，理由：${app.providedFormReason}；《中华人民共和国政府信息公开条例》第四十条）` : '';
      if (differs || !stated('提供形式')) fields.push({ label: '提供形式', value: `${PROVIDED_FORM_LABELS[app.providedForm]}${differs}` });
    }
  }

  const remedies: DocBlock[] =
    kind === 'reply' || kind === 'termination_notice'
      ? [
          // A heading of the letter's own (黑体 in Word, bold in the PDF), not a line set like the prose.
          { kind: 'heading', level: 1, text: '救济途径' },
          ...remedyParagraphs(app.outcome, ctx.reconsideration, isServedOnline(ctx.serviceMethod)).map((p) => para(p, true)),
        ]
      : [];

  return {
    title: `${ctx.template.title}（${app.trackingNo}）`,
    pageSize: 'A4',
    orientation: 'portrait',
    // The receipt keeps to one sheet however it is printed: the PDF, the browser's print and Word.
    ...(kind === 'acknowledgement' ? { oneSheet: true } : {}),
    blocks: [
      { kind: 'title', text: ctx.template.title },
      { kind: 'subtitle', text: ctx.letterNo ?? `${LETTER_KIND_LABELS[kind]} 编号：${app.trackingNo}` },
      ...addressee,
      ...body,
      ...(fields.length ? [{ kind: 'fields' as const, items: fields }] : []),
      ...remedies,
      { kind: 'signature', lines: [ctx.organName, '（印章）', chineseDate(ctx.issuedOn)] },
      ...(ctx.notes ?? []).map((n) => para(`（${n}）`, true)),
    ],
  };
}

/** （详见申请表） after the first quotation of an abridged request: after its closing quote mark when the prose quotes it. */
function seeApplicationForm(prose: string, quoted: string): string {
  const at = prose.indexOf(quoted);
  if (at < 0) return prose;
  const end = at + quoted.length + (/^[”"」』]/.test(prose.slice(at + quoted.length)) ? 1 : 0);
  return `${prose.slice(0, end)}${SEE_APPLICATION_FORM}${prose.slice(end)}`;
}

const para = (text: string, indent: boolean): DocBlock => ({ kind: 'paragraph', text, indent });
