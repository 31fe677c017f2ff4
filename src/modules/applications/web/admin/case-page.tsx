import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, type FieldErrors } from '../../../../platform/views/components.tsx';
import { FlashAt, placeFlash, type Flash } from '../../../../platform/views/flash.tsx';
import { SERVICE_METHOD_LABELS, SERVICE_METHODS, serviceMethodFor } from '../../domain/remedy-periods.ts';
import { APPEAL_KIND_LABELS, APPEAL_KINDS, APPEAL_RESULT_LABELS, APPEAL_RESULTS, reconsiderationDeadline } from '../../domain/appeal.ts';
import { APPLICANT_TYPE_LABELS, ID_KIND_LABELS } from '../../domain/applicant-types.ts';
import { PAUSE_KIND_LABELS } from '../../domain/application.ts';
import { STATE_LABELS } from '../../domain/application-states.ts';
import { eventLabel } from '../../domain/event-labels.ts';
import { receiptWarnings, CHANNEL_LABELS, DELIVERY_METHOD_LABELS, PROVISION_FORM_LABELS } from '../../domain/channels.ts';
import { FEE_METHOD_LABELS } from '../../domain/fee-rules.ts';
import { LETTER_KIND_LABELS } from '../../domain/letters/letter-kinds.ts';
import { outcomeLabel } from '../../domain/outcomes.ts';
import type { CaseDetails } from '../../use-cases/case-details.ts';
import type { FormValues } from '../form-values.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import { CaseClock } from './case-clock.tsx';
import { APPEAL_FORM, appealPlace, CASE_APPEALS, CASE_LETTERS, CASE_PAGE_PLACES, CASE_PROACTIVE, CASE_QUERY_CODE, servicePlace } from './case-page-places.ts';
import { APPLICATION_VERIFICATION_HINT } from '../../domain/lost-query-code.ts';
import { VERIFIED_BY_MAX } from '../../../../shared/verified-by.ts';
import type { StaffContext } from '../../../catalog/index.ts';
import { prefixed, VerbForms, type VerbFormState } from './verb-forms.tsx';

const label = <T extends string>(labels: Record<T, string>, v: string) => (labels as Record<string, string>)[v] ?? v;

/** One case: its facts, the due date and its trace, the verbs it allows now, letters, timeline, appeals. */
/**
 * A refused form of the case's sections, shown again as typed with its reasons at that form: 登记复议或诉讼
 * (`APPEAL_FORM`), a letter's 送达 (`servicePlace`) or an appeal's 更新结果 (`appealPlace`). Each form posts to an
 * address ending in its id, so the browser opens the answer there (case-page-places.ts).
 */
export type SectionFormState = { place: string; errors: FieldErrors; values: FormValues } | null;

/** The field ids' prefix of each section form (`f-PREFIXfield`), for the error summary's links. */
const sectionPrefix = (place: string) => place === APPEAL_FORM ? 'appeal-' : place.replace(/^service-/, 'sv-').replace(/^appeal-/, 'ap-') + '-';

export function CasePage({ scope, details, today, failed, sectionFailed }: {
  scope: StaffContext; details: CaseDetails; today: string; failed: VerbFormState; sectionFailed: SectionFormState;
}) {
  const { application: a, organ } = details;
  const handler = details.staff.find((s) => s.userId === a.handlerUserId);
  const facts: [string, string][] = [
    ['申请编号', a.trackingNo],
    ['状态', STATE_LABELS[a.state]],
    ['提交方式', CHANNEL_LABELS[a.channel]],
    ['到达日期', a.arrivedOn],
    ...(a.confirmedOn ? [['与申请人确认日期', a.confirmedOn] as [string, string]] : []),
    ['收到申请日期', a.receivedOn ?? '待与申请人确认'],
    ...(a.receiptEvidence ? [['签收或确认记录', a.receiptEvidence] as [string, string]] : []),
    ['申请人', `${a.applicantName}（${APPLICANT_TYPE_LABELS[a.applicantType]}）`],
    ...(a.applicantIdKind ? [['身份证明', `${label(ID_KIND_LABELS, a.applicantIdKind)} ${a.applicantIdNumber}`] as [string, string]] : []),
    ['联系方式', [a.contactPerson, a.contactPhone, a.contactEmail, a.contactAddress, a.postalCode].filter(Boolean).join('，') || '—'],
    ['申请内容', a.subject],
    ...(a.documentNumber ? [['文号', a.documentNumber] as [string, string]] : []),
    ['提供形式', a.provisionForm ? label(PROVISION_FORM_LABELS, a.provisionForm) : '—'],
    ['获取方式', a.deliveryMethod ? label(DELIVERY_METHOD_LABELS, a.deliveryMethod) : '—'],
    ['承办人', handler ? handler.displayName : '未指定'],
    ...(a.correctionRequestedOn ? [['补正', `${a.correctionRequestedOn}告知，期限至${a.correctionDueOn}${a.correctedOn ? `，${a.correctedOn}收到补正` : ''}`] as [string, string]] : []),
    ...(a.extensionWorkingDays ? [['延期', `${a.extensionApprovedOn}批准延长${a.extensionWorkingDays}个工作日：${a.extensionReason}`] as [string, string]] : []),
    ...(a.feeMethod ? [['信息处理费', `${FEE_METHOD_LABELS[a.feeMethod]}，${a.feeAmountYuan}元，${a.feeNoticeSentOn}通知，缴费期限至${a.feeDueOn}${a.feePaidOn ? `，${a.feePaidOn}已缴` : ''}`] as [string, string]] : []),
    ...(a.outcome ? [['办理结果', outcomeLabel(a.outcome)] as [string, string], ['答复日期', a.repliedOn ?? ''] as [string, string]] : []),
    ...(a.assistedBy ? [['代为填写', `${a.assistedBy}（条例第四十三条）`] as [string, string]] : []),
    ...(a.delayedDueOn ? [['延迟答复', `申请人说明理由合理，答复期限延至${a.delayedDueOn}（条例第三十五条）`] as [string, string]] : []),
    ...(a.proactiveFlag ? [['建议转为主动公开', a.proactiveFlagReason] as [string, string]] : []),
    ...(a.imported ? [['来源', '历史台账导入'] as [string, string]] : []),
  ];
  const summaryErrors = { ...(failed ? prefixed(failed.verb, failed.errors) : {}), ...(sectionFailed ? Object.fromEntries(Object.entries(sectionFailed.errors).map(([k, m]) => [k === '_form' ? '_form' : `${sectionPrefix(sectionFailed.place)}${k}`, m])) : {}) };
  const failedAt = (place: string) => (sectionFailed?.place === place ? sectionFailed : null);
  // A 送达, an appeal or a refused 重新设置查询码 or 建议转为主动公开 is told under its section's heading, where its
  // redirect lands, not at the top (case-page-places.ts); a refused verb comes back rendered at its form.
  const flash = placeFlash(scope.flash, CASE_PAGE_PLACES);
  return (
    <AdminLayout title={`办件 ${a.trackingNo}`} user={scope.user} csrfToken={scope.csrf} flash={flash.top}>
      <h1>{a.trackingNo} <small>{STATE_LABELS[a.state]}</small></h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="case" isSystemAdmin={scope.user.isSystemAdmin} />
      <ErrorSummary errors={summaryErrors} />
      {receiptWarnings(a).map((w) => <p class="notice notice-warning" role="status">{w}</p>)}
      <CaseClock app={a} clock={details.clock} correctionNotice={details.correctionNotice} today={today} />
      <section aria-labelledby="h-facts">
        <h2 id="h-facts">申请信息</h2>
        <table class="meta-table" id="case-facts"><tbody>{facts.map(([k, v]) => <tr><th scope="row">{k}</th><td class="typed-text">{v}</td></tr>)}</tbody></table>
      </section>
      <section aria-labelledby="h-verbs">
        <h2 id="h-verbs">办理</h2>
        <VerbForms app={a} csrf={scope.csrf} today={today} staff={details.staff} failed={failed} isOfficeHead={details.actorIsOfficeHead} refusals={details.verbRefusals} />
      </section>
      {details.pauses.length > 0 && (
        <section aria-labelledby="h-pauses">
          <h2 id="h-pauses">不计入答复期限的期间</h2>
          <table class="list"><thead><tr><th scope="col">事由</th><th scope="col">对象</th><th scope="col">开始</th><th scope="col">结束</th></tr></thead>
            <tbody>{details.pauses.map((p) => <tr><td>{PAUSE_KIND_LABELS[p.kind]}</td><td>{p.party}</td><td>{p.startedOn}</td><td>{p.endedOn ?? `未结束（最迟${p.expectedEndOn}）`}</td></tr>)}</tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="h-letters">
        <h2 id={CASE_LETTERS}>文书</h2>
        <FlashAt flash={flash.at(CASE_LETTERS)} />
        {details.letters.length === 0 ? <p>尚未生成文书。</p> : (
          <table class="list" id="letters"><thead><tr><th scope="col">文书</th><th scope="col">文号</th><th scope="col">日期</th><th scope="col">申请人可下载</th><th scope="col">下载</th><th scope="col">送达</th></tr></thead>
            <tbody>{details.letters.map((l) => {
              const periods = details.remedyPeriods[l.id];
              return (
                <tr>
                  <td>{LETTER_KIND_LABELS[l.kind]}</td><td>{l.letterNo ?? '—'}</td><td>{l.issuedOn}</td><td>{l.forApplicant ? '是' : '否'}</td>
                  <td class="actions">{(['html', 'docx', 'pdf'] as const).map((f) => <a href={`/admin/applications/${a.id}/letters/${l.id}?format=${f}`}>{f === 'html' ? '查看' : f.toUpperCase()}</a>)}</td>
                  <td>
                    {l.servedOn ? <p>{l.servedOn}送达（{SERVICE_METHOD_LABELS[l.serviceMethod as keyof typeof SERVICE_METHOD_LABELS] ?? l.serviceMethod}，{l.serviceRef}）</p> : (
                      <ServiceForm caseId={a.id} letterId={l.id} csrf={scope.csrf} today={today} asked={serviceMethodFor(a.deliveryMethod)} failed={failedAt(servicePlace(l.id))} />
                    )}
                    {periods && <p class="hint">申请行政复议至{periods.reconsiderationBy}（行政复议法第二十条）{periods.lawsuitBy ? `；起诉至${periods.lawsuitBy}（行政诉讼法第四十六条）` : '；不予公开须先复议（行政复议法第二十三条）'}</p>}
                  </td>
                </tr>
              );
            })}</tbody>
          </table>
        )}
      </section>
      {!a.proactiveFlag && (
        <section aria-labelledby="h-proactive" id={CASE_PROACTIVE}>
          <h2 id="h-proactive">建议转为主动公开</h2>
          <FlashAt flash={flash.at(CASE_PROACTIVE)} />
          <form method="post" action={`/admin/applications/${a.id}/proactive`} class="inline-form">
            <input type="hidden" name="_csrf" value={scope.csrf} />
            <label for="f-proactive-reason">理由（涉及公众利益、多人申请等，条例第四十四条）</label>
            <input type="text" id="f-proactive-reason" name="reason" maxLength={500} />
            <button type="submit" class="btn btn-small">标记</button>
          </form>
        </section>
      )}
      <section aria-labelledby="h-query-code" id={CASE_QUERY_CODE}>
        <h2 id="h-query-code">重新设置查询码</h2>
        <FlashAt flash={flash.at(CASE_QUERY_CODE)} />
        <p class="hint">申请人遗失查询码时使用：核验申请人身份后设置新的查询码，原查询码作废，新查询码只显示一次。</p>
        <form method="post" action={`/admin/applications/${a.id}/query-code`} class="inline-form">
          <input type="hidden" name="_csrf" value={scope.csrf} />
          <label for="f-verifiedBy">核验方式（{APPLICATION_VERIFICATION_HINT}）</label>
          <input type="text" id="f-verifiedBy" name="verifiedBy" maxLength={VERIFIED_BY_MAX} />
          <button type="submit" class="btn btn-small">重新设置</button>
        </form>
      </section>
      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline">办理记录</h2>
        <ol class="timeline" id="timeline">{details.events.map((e) => <li><time datetime={e.occurredAt}>{e.occurredOn}</time> {eventLabel(e.verb)}（{e.actorLabel}）：{e.note}</li>)}</ol>
      </section>
      <AppealsSection details={details} csrf={scope.csrf} today={today} failed={failedAt(APPEAL_FORM)} decideFailed={failedAt} flash={flash.at(CASE_APPEALS)} />
    </AdminLayout>
  );
}

/** The errors of a refused section form, each at its place in the form. */
const FormErrors = ({ failed }: { failed: SectionFormState }) => (failed ? <>{Object.values(failed.errors).map((m) => <p class="error-message">{m}</p>)}</> : null);

/** A letter's 登记送达, starting on the way the applicant asked for (`asked`), shown again as typed when refused. */
function ServiceForm({ caseId, letterId, csrf, today, asked, failed }: { caseId: number; letterId: number; csrf: string; today: string; asked: string | null; failed: SectionFormState }) {
  const v = (k: string, d = '') => failed?.values[k] ?? d;
  return (
    <form method="post" action={`/admin/applications/${caseId}/letters/${letterId}/service#${servicePlace(letterId)}`} class="inline-form" id={servicePlace(letterId)}>
      <input type="hidden" name="_csrf" value={csrf} />
      <FormErrors failed={failed} />
      <label for={`f-sv-${letterId}-servedOn`}>送达日期</label>
      <input type="date" id={`f-sv-${letterId}-servedOn`} name="servedOn" value={v('servedOn', today)} />
      <label for={`f-sv-${letterId}-method`}>方式</label>
      <select id={`f-sv-${letterId}-method`} name="method">{SERVICE_METHODS.map((m) => <option value={m} selected={v('method', asked ?? '') === m}>{SERVICE_METHOD_LABELS[m]}</option>)}</select>
      <label for={`f-sv-${letterId}-ref`}>凭证</label>
      <input type="text" id={`f-sv-${letterId}-ref`} name="ref" value={v('ref')} maxLength={200} placeholder="签收人、EMS单号或发送时间" />
      <button type="submit" class="btn btn-small">登记送达</button>
    </form>
  );
}

function AppealsSection({ details, csrf, today, failed, decideFailed, flash }: { details: CaseDetails; csrf: string; today: string; failed: SectionFormState; decideFailed: (place: string) => SectionFormState; flash: Flash | null }) {
  const a = details.application;
  const v = (k: string, d = '') => failed?.values[k] ?? d;
  const err = (k: string) => failed?.errors[k] && <p class="error-message" id={`e-appeal-${k}`}>{failed.errors[k]}</p>;
  return (
    <section aria-labelledby="h-appeals" id={CASE_APPEALS}>
      <h2 id="h-appeals">行政复议和行政诉讼</h2>
      <FlashAt flash={flash} />
      {details.appeals.length === 0 ? <p>暂无记录。</p> : (
        <table class="list"><thead><tr><th scope="col">类型</th><th scope="col">机关或法院</th><th scope="col">案号</th><th scope="col">申请/起诉日期</th><th scope="col">结果</th><th scope="col">审结日期</th><th scope="col">更新结果</th></tr></thead>
          <tbody>{details.appeals.map((ap) => {
            const refused = decideFailed(appealPlace(ap.id));
            const dv = (k: string, d: string) => refused?.values[k] ?? d;
            return (
            <tr>
              <td>{APPEAL_KIND_LABELS[ap.kind]}</td><td>{ap.body}</td><td>{ap.caseNo}</td><td>{ap.filedOn}{ap.kind === 'reconsideration' && <><br /><small>{ap.acceptedOn ? `${ap.acceptedOn}受理，` : '未登记受理日期，'}复议决定期限至{reconsiderationDeadline(ap)}</small></>}</td><td>{APPEAL_RESULT_LABELS[ap.result]}</td><td>{ap.decidedOn ?? '—'}</td>
              <td>
                <form method="post" action={`/admin/appeals/${ap.id}/decide#${appealPlace(ap.id)}`} class="inline-form" id={appealPlace(ap.id)}>
                  <input type="hidden" name="_csrf" value={csrf} />
                  <FormErrors failed={refused} />
                  <label for={`f-ap-${ap.id}-result`}>结果</label>
                  <select id={`f-ap-${ap.id}-result`} name="result">{APPEAL_RESULTS.map((r) => <option value={r} selected={dv('result', ap.result) === r}>{APPEAL_RESULT_LABELS[r]}</option>)}</select>
                  <label for={`f-ap-${ap.id}-decidedOn`}>审结日期</label>
                  <input type="date" id={`f-ap-${ap.id}-decidedOn`} name="decidedOn" value={dv('decidedOn', ap.decidedOn ?? '')} />
                  {ap.kind === 'reconsideration' && <>
                    <label for={`f-ap-${ap.id}-acceptedOn`}>受理日期</label>
                    <input type="date" id={`f-ap-${ap.id}-acceptedOn`} name="acceptedOn" value={dv('acceptedOn', ap.acceptedOn ?? '')} />
                    <label for={`f-ap-${ap.id}-extensionDays`}>延长天数</label>
                    <input type="number" id={`f-ap-${ap.id}-extensionDays`} name="extensionDays" min={0} max={30} value={dv('extensionDays', String(ap.extensionDays))} />
                  </>}
                  <button type="submit" class="btn btn-small">保存</button>
                </form>
              </td>
            </tr>
            );
          })}</tbody>
        </table>
      )}
      <form method="post" action={`/admin/applications/${a.id}/appeals#${APPEAL_FORM}`} class="panel" id={APPEAL_FORM}>
        <h3>登记复议或诉讼</h3>
        <input type="hidden" name="_csrf" value={csrf} />
        {failed?.errors._form && <p class="error-message">{failed.errors._form}</p>}
        <div class="field"><label for="f-appeal-kind">类型</label>{err('kind')}
          <select id="f-appeal-kind" name="kind">{APPEAL_KINDS.map((k) => <option value={k} selected={v('kind') === k}>{APPEAL_KIND_LABELS[k]}</option>)}</select></div>
        <div class="field"><label for="f-appeal-body">复议机关或法院</label>{err('body')}<input type="text" id="f-appeal-body" name="body" value={v('body')} maxLength={100} /></div>
        <div class="field"><label for="f-appeal-caseNo">案号</label>{err('caseNo')}<input type="text" id="f-appeal-caseNo" name="caseNo" value={v('caseNo')} maxLength={100} /></div>
        <div class="field"><label for="f-appeal-filedOn">申请复议或起诉日期</label>{err('filedOn')}<input type="date" id="f-appeal-filedOn" name="filedOn" value={v('filedOn', today)} /></div>
        <div class="field"><label for="f-appeal-acceptedOn">复议受理日期（行政复议）</label>{err('acceptedOn')}<input type="date" id="f-appeal-acceptedOn" name="acceptedOn" value={v('acceptedOn')} aria-describedby="h-appeal-acceptedOn" /><p class="hint" id="h-appeal-acceptedOn">复议决定期限自受理之日起60日，可延长不超过30日（行政复议法第六十二条）</p></div>
        <div class="field"><label for="f-appeal-extensionDays">复议期限延长天数</label>{err('extensionDays')}<input type="number" id="f-appeal-extensionDays" name="extensionDays" min={0} max={30} value={v('extensionDays', '0')} /></div>
        <div class="field"><label for="f-appeal-result">结果</label>{err('result')}
          <select id="f-appeal-result" name="result">{APPEAL_RESULTS.map((r) => <option value={r} selected={v('result', 'pending') === r}>{APPEAL_RESULT_LABELS[r]}</option>)}</select></div>
        <div class="field"><label for="f-appeal-decidedOn">审结日期</label>{err('decidedOn')}<input type="date" id="f-appeal-decidedOn" name="decidedOn" value={v('decidedOn')} /></div>
        <button type="submit" class="btn">登记</button>
      </form>
    </section>
  );
}
