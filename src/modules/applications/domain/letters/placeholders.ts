import { DomainError, type ErrorReason } from '../../../../shared/domain-error.ts';
import { ApplicationErrorCode as E } from '../error-codes.ts';
import type { TemplateKind } from './letter-kinds.ts';
import { deadlinesSaidBefore, saidBeforeAdvice } from '../deadline-wording.ts';

const COMMON = ['申请人', '申请编号', '收到日期', '申请内容', '机关名称', '发文日期'] as const;

/** The placeholders each template may use; anything else in {{…}} is refused when the template is saved. */
export const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = {
  acknowledgement: [...COMMON, '收到规则', '答复期限', '查询方式'],
  discard_notice: [...COMMON, '不予登记理由'],
  withdrawal_notice: [...COMMON, '撤回日期'],
  reasons_request: [...COMMON, '说明事项'],
  delay_notice: [...COMMON, '延迟理由', '原答复期限', '延迟答复期限'],
  correction_notice: [...COMMON, '补正事项', '补正期限', '补正工作日数'],
  consultation_third_party: [...COMMON, '征求对象', '意见期限', '起算说明'],
  consultation_co_agency: [...COMMON, '征求对象', '意见期限', '起算说明'],
  disclosure_notice: [...COMMON, '第三方', '公开内容', '公开理由'],
  extension_notice: [...COMMON, '延长工作日数', '延期理由', '原答复期限', '延期后答复期限'],
  fee_notice: [...COMMON, '收费方式', '收费金额', '计费说明', '缴费期限', '缴费方式'],
  termination_notice: [...COMMON, '终止原因'],
  'reply.disclosed': [...COMMON, '办理结果', '法律依据', '答复内容'],
  'reply.partly_disclosed': [...COMMON, '办理结果', '法律依据', '答复内容', '提供形式', '不予公开理由', '不予公开类别', '不予公开依据'],
  'reply.withheld': [...COMMON, '办理结果', '法律依据', '答复内容'],
  'reply.unable': [...COMMON, '办理结果', '法律依据', '答复内容'],
  'reply.not_processed': [...COMMON, '办理结果', '法律依据', '答复内容'],
  'reply.other': [...COMMON, '办理结果', '法律依据', '答复内容'],
};

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
export const MAX_TEMPLATE_CHARS = 5000;

/** The names of the placeholders ({{名称}}) a template's text holds. */
export const placeholdersIn = (body: string): Set<string> => new Set([...body.matchAll(TOKEN)].map((m) => m[1]));

/**
 * Refuses a template whose title or body is empty or too long, that names an unknown placeholder, or
 * that gives a deadline as {{…期限}}前 (its last day is included: deadline-wording.ts). A template saved
 * before that rule is used as written until it is saved again; the templates page points it out.
 */
export function validateTemplate(kind: TemplateKind, title: string, body: string): void {
  const reasons: ErrorReason[] = [];
  const refuse = (field: string, message: string) => reasons.push({ code: E.templateInvalid, field, message });
  if (title.trim() === '') refuse('title', '请填写文书标题');
  if (title.length > 60) refuse('title', '文书标题不能超过60个字符');
  if (body.trim() === '') refuse('body', '请填写文书正文');
  if (body.length > MAX_TEMPLATE_CHARS) refuse('body', `文书正文不能超过${MAX_TEMPLATE_CHARS}个字符`);
  const allowed = PLACEHOLDERS[kind];
  const unknown = [...placeholdersIn(body)].filter((name) => !allowed.includes(name));
  if (unknown.length) refuse('body', `正文中的占位符{{${unknown.join('}}、{{')}}}不可用；可用的占位符：${allowed.map((n) => `{{${n}}}`).join('、')}`);
  const unbalanced = body.replace(TOKEN, '').match(/\{\{|\}\}/);
  if (unbalanced) refuse('body', '正文中有不完整的占位符（“{{”与“}}”应成对出现）');
  const before = deadlinesSaidBefore(body);
  if (before.length) refuse('body', `正文中${saidBeforeAdvice(before)}`);
  if (reasons.length) throw new DomainError(E.templateInvalid, reasons.map((r) => r.message).join('；'), { field: reasons[0].field, reasons });
}

/** Punctuation that ends a clause: a value ending so before the template's own punctuation would print both (核查。，). */
const CLOSING = /[。；，、！？.;,!?]+$/;
const PUNCTUATION_NEXT = /^[。；，、：！？.;,:!?）)]/;

/**
 * Replaces every {{名称}} by its value; a value missing at issue time becomes “（未填写）”. Where the
 * template goes on with punctuation of its own, the value's closing punctuation is dropped, as
 * officers end a typed reason with 。 by habit. A value of several lines starts its own paragraphs.
 */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(TOKEN, (_m, name: string, offset: number) => {
    const lines = (values[name] ?? '').split(/\r\n?|\n/).map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) lines.push('（未填写）');
    const next = body.slice(offset + _m.length);
    if (PUNCTUATION_NEXT.test(next)) lines[lines.length - 1] = lines[lines.length - 1].replace(CLOSING, '') || lines[lines.length - 1];
    // A value typed on several lines (一、… 二、…) is set as paragraphs of its own, starting after the
    // template's sentence; what the template says after it goes on from its last line.
    return lines.length > 1 ? `\n\n${lines.join('\n\n')}` : lines[0];
  });
}
