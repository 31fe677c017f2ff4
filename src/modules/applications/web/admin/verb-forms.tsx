import { Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import type { ErrorReason } from '../../../../shared/domain-error.ts';
import type { IsoDate } from '../../../../shared/iso-date.ts';
import type { Application } from '../../domain/application.ts';
import { TRANSITIONS, verbsIn, type Verb } from '../../domain/application-verbs.ts';
import { CONSULTATION_WORKING_DAYS, DEFAULT_CORRECTION_WORKING_DAYS } from '../../domain/decide.ts';
import { ApplicationErrorCode as E } from '../../domain/error-codes.ts';
import { FEE_METHOD_LABELS, FEE_PAYMENT_WORKING_DAYS } from '../../domain/fee-rules.ts';
import { OUTCOME_GROUP_LABELS, OUTCOME_INFO, OUTCOMES, outcomeGroup, RESERVED_OUTCOMES, type OutcomeGroup } from '../../domain/outcomes.ts';
import { BASIS_ITEMS, WITHHELD_GROUNDS, type BasisItem, type WithheldGround } from '../../domain/reply-basis.ts';
import { DELIVERY_METHOD_LABELS, DELIVERY_METHODS, PROVIDED_FORM_LABELS, PROVIDED_FORMS, PROVISION_FORM_LABELS } from '../../domain/channels.ts';
import type { StaffMember } from '../../storage/staff-repository.ts';
import type { FormValues } from '../form-values.ts';
import { verbPlace } from './case-page-places.ts';
import { noLaterThan, noLaterThanTheDay } from '../../domain/deadline-wording.ts';

export type VerbFormState = { verb: Verb; errors: FieldErrors; values: FormValues } | null;

const GROUPS: OutcomeGroup[] = ['disclosed', 'partly_disclosed', 'withheld', 'unable', 'not_processed', 'other'];

/** Counted from the lists, so the hint and the choices never disagree. */
const REPLY_OUTCOME_HINT = `按年度报告表三所列的${OUTCOMES.length}种办理结果选择一项（国办公开办函〔2021〕30号）；` +
  `${RESERVED_OUTCOMES.map((o) => `“${OUTCOME_INFO[o].label.split('、')[0]}”`).join('、')}由各自的操作登记，此处列出${OUTCOMES.length - RESERVED_OUTCOMES.length}种`;

/** A refusal that another verb of the same page removes: the page links that verb's form (its words stay decide's). */
const STEP_FIRST: Partial<Record<string, Verb>> = { [E.handlerRequired]: 'assignHandler' };

/** One small form per verb the table allows in the case's state; a refused form comes back with its errors. */
export function VerbForms({ app, csrf, today, staff, failed, isOfficeHead, refusals = {} }: {
  app: Application; csrf: string; today: IsoDate; staff: StaffMember[]; failed: VerbFormState; isOfficeHead: boolean;
  /** Verbs decide refuses today whatever is typed (refusalsBeforeInput): shown with the reasons, without a form. */
  refusals?: Partial<Record<Verb, ErrorReason[]>>;
}) {
  const verbs = verbsIn(app.state);
  if (verbs.length === 0) return <p>本申请已{app.state === 'discarded' ? '不予登记' : '归档'}，没有可办理的操作。</p>;
  return (
    <div class="verb-forms">
      {verbs.map((verb) => {
        const refused = refusals[verb];
        if (refused) {
          return (
            <section class="panel" id={verbPlace(verb)} aria-labelledby={`h-verb-${verb}`}>
              <h3 id={`h-verb-${verb}`}>{TRANSITIONS[verb].label}</h3>
              <p class="hint">暂不能办理：{refused.map((r) => r.message).join('；')}</p>
              {refused.flatMap((r) => STEP_FIRST[r.code] ?? []).filter((v, i, all) => all.indexOf(v) === i && verbs.includes(v)).map((first) => (
                <p><a href={`#${verbPlace(first)}`}>先{TRANSITIONS[first].label}</a></p>
              ))}
            </section>
          );
        }
        const errors = failed?.verb === verb ? failed.errors : {};
        const values = failed?.verb === verb ? failed.values : {};
        const v = (k: string, fallback = '') => values[k] ?? fallback;
        const date = (name: string, label: string, hint?: string) => (
          <Field name={`${verb}-${name}`} label={label} errors={prefixed(verb, errors)} hint={hint} required>
            <input type="date" id={`f-${verb}-${name}`} name={name} value={v(name, today)} required />
          </Field>
        );
        const text = (name: string, label: string, hint?: string, required = true) => (
          <Field name={`${verb}-${name}`} label={label} errors={prefixed(verb, errors)} hint={hint} required={required}>
            <input type="text" id={`f-${verb}-${name}`} name={name} value={v(name)} maxLength={500} />
          </Field>
        );
        const area = (name: string, label: string, hint?: string) => (
          <Field name={`${verb}-${name}`} label={label} errors={prefixed(verb, errors)} hint={hint} required>
            <textarea id={`f-${verb}-${name}`} name={name} maxLength={5000}>{v(name)}</textarea>
          </Field>
        );
        const general = errors._form;
        return (
          <form method="post" action={`/admin/applications/${app.id}/verbs/${verb}#${verbPlace(verb)}`} class="panel" id={verbPlace(verb)} aria-labelledby={`h-verb-${verb}`} novalidate>
            <h3 id={`h-verb-${verb}`}>{TRANSITIONS[verb].label}</h3>
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="version" value={String(app.version)} />
            {general && <p class="error-message" role="alert">{general}</p>}
            {verb === 'confirmReceipt' && <>{date('confirmedOn', '双方确认日期', '确认之日为收到申请之日（条例第三十一条）')}{text('evidence', '确认方式', '如：电话确认，接听人王某')}</>}
            {verb === 'discard' && text('reason', '不予登记的理由', '如：无法与申请人取得联系、明显的垃圾信息')}
            {verb === 'assignHandler' && (
              <Field name={`${verb}-handlerUserId`} label="承办人" errors={prefixed(verb, errors)} required>
                <select id={`f-${verb}-handlerUserId`} name="handlerUserId">
                  {staff.map((s) => <option value={String(s.userId)} selected={String(app.handlerUserId) === String(s.userId)}>{s.displayName}（{s.username}）</option>)}
                </select>
              </Field>
            )}
            {verb === 'requestCorrection' && (
              <>
                {date('requestedOn', '补正告知日期', app.correctionNoticeDueOn ? `应${noLaterThan(app.correctionNoticeDueOn)}一次性告知（条例第三十条）` : '应在收到申请后7个工作日内一次性告知（条例第三十条）')}
                <Field name={`${verb}-correctionWorkingDays`} label="补正期限（工作日）" errors={prefixed(verb, errors)} required>
                  <input type="number" id={`f-${verb}-correctionWorkingDays`} name="correctionWorkingDays" min={1} max={60} value={v('correctionWorkingDays', String(DEFAULT_CORRECTION_WORKING_DAYS))} />
                </Field>
                {area('points', '需要补正的事项', '一次性写明全部需要补正的事项')}
              </>
            )}
            {verb === 'receiveCorrection' && <>{date('correctedOn', '收到补正申请日期', '答复期限自次日起重新计算20个工作日')}{text('goodReason', '逾期补正的正当理由', '仅在补正期限届满后收到时填写', false)}</>}
            {verb === 'startConsultation' && (
              <>
                <Field name={`${verb}-kind`} label="征求对象类型" errors={prefixed(verb, errors)} required>
                  <select id={`f-${verb}-kind`} name="kind">
                    <option value="third_party" selected={v('kind') === 'third_party'}>第三方（条例第三十二条）</option>
                    <option value="co_agency" selected={v('kind') === 'co_agency'}>其他机关（条例第三十四条）</option>
                  </select>
                </Field>
                {text('party', '征求意见对象名称')}
                {date('sentOn', '征求意见函发出日期', `对方应在${CONSULTATION_WORKING_DAYS}个工作日内提出意见；征求意见时间不计入答复期限`)}
                <Field name={`${verb}-deliveredOn`} label="送达日期" errors={prefixed(verb, errors)} hint="已送达（如当面递交）的填写，15个工作日自送达次日起算；不填则自发出次日起算，函中写明">
                  <input type="date" id={`f-${verb}-deliveredOn`} name="deliveredOn" value={v('deliveredOn')} />
                </Field>
              </>
            )}
            {verb === 'notifyThirdParty' && (
              <>
                <p class="hint">第三方不同意公开，但不公开可能对公共利益造成重大影响、决定予以公开的，应将决定公开的内容和理由书面告知第三方（条例第三十二条）。</p>
                {text('party', '第三方名称')}
                {area('content', '决定公开的内容')}
                {area('reason', '决定公开的理由')}
                {date('sentOn', '告知书发出日期')}
              </>
            )}
            {verb === 'endConsultation' && <>{date('endedOn', '收到意见或期满日期')}{text('note', '意见摘要', undefined, false)}</>}
            {verb === 'extendDeadline' && (
              <>
                {!isOfficeHead && <p class="hint">延期须经政府信息公开工作机构负责人同意：请由本机关管理员办理。</p>}
                <Field name={`${verb}-workingDays`} label="延长工作日数" errors={prefixed(verb, errors)} required hint="最长20个工作日，只能延长一次（条例第三十三条第二款）">
                  <input type="number" id={`f-${verb}-workingDays`} name="workingDays" min={1} max={20} value={v('workingDays', '20')} />
                </Field>
                {/* The last day of the reply period is in it (条例第三十三条第二款): approval on that day is in time. */}
                {date('approvedOn', '批准日期', app.dueOn ? `应${noLaterThanTheDay(app.dueOn)}批准，即答复期限的最后一天` : '应在答复期限内批准')}
                {text('reason', '延期理由', '将写入延期答复告知书')}
              </>
            )}
            {verb === 'issueFeeNotice' && (
              <>
                <Field name={`${verb}-method`} label="收费方式" errors={prefixed(verb, errors)} required hint="按件：同一申请人一个自然月内第11件起收费；按量：每件申请第31页起收费（国办函〔2020〕109号）">
                  <select id={`f-${verb}-method`} name="method">
                    {(['per_page', 'per_application'] as const).map((m) => <option value={m} selected={v('method') === m}>{FEE_METHOD_LABELS[m]}</option>)}
                  </select>
                </Field>
                <Field name={`${verb}-pages`} label="页数（按量计收时填写）" errors={prefixed(verb, errors)}>
                  <input type="number" id={`f-${verb}-pages`} name="pages" min={1} value={v('pages')} />
                </Field>
                {text('paymentMethod', '缴费方式', '写入收费通知书：缴款账户或缴款码，或到本机关缴费的地点和时间')}
                {date('sentOn', '收费通知发出日期')}
                <Field name={`${verb}-noticeReceivedOn`} label="申请人收到通知日期" errors={prefixed(verb, errors)} hint={`缴费期限为收到通知次日起${FEE_PAYMENT_WORKING_DAYS}个工作日；不填则按发出当日`}>
                  <input type="date" id={`f-${verb}-noticeReceivedOn`} name="noticeReceivedOn" value={v('noticeReceivedOn')} />
                </Field>
              </>
            )}
            {verb === 'requestReasons' && <>{date('requestedOn', '告知日期')}{area('points', '申请数量、频次明显超过合理范围的情况', '将写入说明理由告知书（条例第三十五条）')}</>}
            {verb === 'setDelayedReply' && (
              <>
                {date('reasonsReceivedOn', '收到申请人说明理由的日期')}
                <Field name={`${verb}-delayedDueOn`} label="延迟答复期限" errors={prefixed(verb, errors)} required hint={`应晚于现答复期限${app.dueOn ?? ''}（条例第三十五条）`}>
                  <input type="date" id={`f-${verb}-delayedDueOn`} name="delayedDueOn" value={v('delayedDueOn')} required />
                </Field>
                {text('reason', '无法在规定期限内答复的理由')}
              </>
            )}
            {verb === 'withdraw' && <>{date('withdrawnOn', '撤回日期')}{text('note', '撤回方式', '如：申请人提交书面撤回申请；来电撤回并已记录')}</>}
            {verb === 'recordFeePayment' && date('paidOn', '缴费日期', `缴费期限至${app.feeDueOn ?? '—'}`)}
            {verb === 'closeCorrectionOverdue' && <p class="hint">补正期限至{app.correctionDueOn}；期限届满后可终止处理，结果计入“其他处理·逾期不补正”。</p>}
            {verb === 'closeFeeUnpaid' && <p class="hint">缴费期限至{app.feeDueOn}；期限届满后可终止处理，结果计入“其他处理·逾期未缴费”。</p>}
            {verb === 'recordReply' && (
              <>
                <Field name={`${verb}-outcome`} label="办理结果" errors={prefixed(verb, errors)} required hint={REPLY_OUTCOME_HINT}>
                  <select id={`f-${verb}-outcome`} name="outcome">
                    <option value="">请选择</option>
                    {GROUPS.map((g) => (
                      <optgroup label={OUTCOME_GROUP_LABELS[g]}>
                        {OUTCOMES.filter((o) => outcomeGroup(o) === g && !RESERVED_OUTCOMES.includes(o)).map((o) => (
                          <option value={o} selected={v('outcome') === o}>{OUTCOME_INFO[o].label}</option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </Field>
                <Field name={`${verb}-basisItem`} label="依据（予以公开、本机关不掌握时选择）" errors={prefixed(verb, errors)} hint="只引用适用的一项（条例第三十六条）">
                  <select id={`f-${verb}-basisItem`} name="basisItem">
                    <option value="">—</option>
                    {(Object.keys(BASIS_ITEMS) as BasisItem[]).map((k) => <option value={k} selected={v('basisItem') === k}>{OUTCOME_INFO[BASIS_ITEMS[k].outcome].label}：{BASIS_ITEMS[k].label}（{BASIS_ITEMS[k].cite}）</option>)}
                  </select>
                </Field>
                <Field name={`${verb}-withheldGround`} label="不予公开部分的理由类别（部分公开时必填）" errors={prefixed(verb, errors)} hint="条例第三十七条：对不予公开的部分说明理由和依据">
                  <select id={`f-${verb}-withheldGround`} name="withheldGround">
                    <option value="">—</option>
                    {(Object.keys(WITHHELD_GROUNDS) as WithheldGround[]).map((g) => <option value={g} selected={v('withheldGround') === g}>{WITHHELD_GROUNDS[g].label}（条例{WITHHELD_GROUNDS[g].cite}）</option>)}
                  </select>
                </Field>
                {text('withheldReason', '不予公开的部分及具体理由（部分公开时必填）', undefined, false)}
                {text('responsibleOrgan', '负责公开该信息的机关名称（条例第三十六条第（五）项）', undefined, false)}
                {text('responsibleContact', '该机关的联系方式', undefined, false)}
                {text('responsibleUnknown', '无法确定负责机关的理由', '确实无法确定负责公开的机关时填写，代替名称和联系方式', false)}
                <Field name={`${verb}-providedForm`} label="实际提供形式（予以公开、部分公开时必填）" errors={prefixed(verb, errors)} hint={`申请人要求：${PROVISION_FORM_LABELS[app.provisionForm as keyof typeof PROVISION_FORM_LABELS] ?? '未注明'}（条例第四十条）`}>
                  <select id={`f-${verb}-providedForm`} name="providedForm">
                    <option value="">—</option>
                    {PROVIDED_FORMS.map((f) => <option value={f} selected={v('providedForm') === f}>{PROVIDED_FORM_LABELS[f]}</option>)}
                  </select>
                </Field>
                {text('providedFormReason', '与要求的形式不同的理由', '如按要求的形式提供可能危及政府信息载体安全或者公开成本过高（条例第四十条）', false)}
                <Field name={`${verb}-serviceMethod`} label="答复告知书的送达方式" errors={prefixed(verb, errors)} required hint="以电子邮件或网上送达的，告知书同时告知网上申请行政复议的渠道（行政复议法第二十二条第二款）">
                  <select id={`f-${verb}-serviceMethod`} name="serviceMethod">
                    {DELIVERY_METHODS.map((m) => <option value={m} selected={v('serviceMethod', app.deliveryMethod) === m}>{DELIVERY_METHOD_LABELS[m]}</option>)}
                  </select>
                </Field>
                {date('repliedOn', '答复日期')}
                {area('text', '答复内容', '公开的信息或获取方式、时间、地点；不予公开、无法提供、不予处理的具体理由')}
              </>
            )}
            <button type="submit" class="btn">{TRANSITIONS[verb].label}</button>
          </form>
        );
      })}
    </div>
  );
}

/** Errors are keyed `verb-field` on the page so the summary links reach the right form. */
export function prefixed(verb: Verb, errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, msg] of Object.entries(errors)) out[k === '_form' ? '_form' : `${verb}-${k}`] = msg;
  return out;
}
