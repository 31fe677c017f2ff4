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
 * “申请公开2025年…” would read 您申请公开“申请公开2025年…”, so its leading 申请/请求/要求公开 is left out.
 */
export const subjectInProse = (subject: string) => quotedOnOneLine(subject.replace(/^(?:我|本人)?(?:申请|请求|要求)公开[：:]?\s*/, '') || subject);

/** A request typed on several lines, quoted in a sentence: its lines in order, a space between them, the quotation one paragraph. */
const quotedOnOneLine = (text: string) => text.split(/\r\n?|\n/).map((l) => l.trim()).filter(Boolean).join(' ');

export function buildLetter(kind: LetterKind, ctx: LetterContext): DocumentModel {
  const { app } = ctx;
  const withheld = app.outcome ? withheldPart(app.outcome, app.replyBasis) : null;
  const subject = app.documentNumber ? `${app.subject}（文号：${app.documentNumber}）` : app.subject;
  const values: Record<string, string> = {
    申请人: app.applicantName,
    申请编号: app.trackingNo,
    收到日期: chineseDate(app.receivedOn),
    申请内容: subjectInProse(subject),
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
  const body = fillTemplate(ctx.template.body, values)
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
    ...(statesCaseFields && stated('申请内容') ? [] : [{ label: '申请内容', value: subject }]),
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

const para = (text: string, indent: boolean): DocBlock => ({ kind: 'paragraph', text, indent });
