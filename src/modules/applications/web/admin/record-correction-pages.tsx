import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { verbPlace } from './case-page-places.ts';
import { ErrorSummary, Field, type FieldErrors } from '../../../../platform/views/components.tsx';
import type { Organ } from '../../../catalog/index.ts';
import { APPLICANT_TYPE_LABELS, ID_KIND_LABELS } from '../../domain/applicant-types.ts';
import { CHANNEL_LABELS, DELIVERY_METHOD_LABELS, DELIVERY_METHODS, STAFF_CHANNELS } from '../../domain/channels.ts';
import {
  isAdverseRecordCorrection, RECORD_CORRECTION_STATE_LABELS, RECORD_CORRECTION_TRANSITIONS, recordCorrectionVerbsIn, type RecordCorrection, type RecordCorrectionVerb,
} from '../../domain/record-correction.ts';
import type { RecordCorrectionDetails } from '../../use-cases/record-corrections.ts';
import { ApplicantIdentityFieldset } from '../applicant-fields.tsx';
import type { FormValues } from '../form-values.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';

const label = (labels: Record<string, string>, v: string) => labels[v] ?? v;

/** An organ's 条例第四十一条 correction requests, newest first, with their state and receipt date. */
export function RecordCorrectionsPage({ scope, organ, items }: { scope: StaffContext; organ: Organ; items: RecordCorrection[] }) {
  return (
    <AdminLayout title="更正申请" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>更正申请（条例第四十一条） · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="corrections" isSystemAdmin={scope.user.isSystemAdmin} />
      <p class="hint">公民、法人或者其他组织有证据证明本机关提供的与其自身相关的政府信息记录不准确的，可以要求更正（条例第四十一条）。</p>
      <p><a class="btn" href={`/admin/record-corrections/new?organ=${organ.code}`}>登记更正申请</a></p>
      {items.length === 0 ? <p>暂无更正申请。</p> : (
        <table class="list" id="record-corrections">
          <thead><tr><th scope="col">编号</th><th scope="col">申请人</th><th scope="col">不准确的信息记录</th><th scope="col">状态</th><th scope="col">收到日期</th><th scope="col">处理日期</th></tr></thead>
          <tbody>{items.map((rc) => (
            <tr>
              <td><a href={`/admin/record-corrections/${rc.id}`}>{rc.trackingNo}</a></td>
              <td>{rc.applicantName}</td>
              <td>{rc.recordDescription.length > 40 ? `${rc.recordDescription.slice(0, 40)}…` : rc.recordDescription}</td>
              <td>{RECORD_CORRECTION_STATE_LABELS[rc.state]}</td>
              <td>{rc.receivedOn}</td>
              <td>{rc.decidedOn ?? '—'}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </AdminLayout>
  );
}

/** Staff register a correction request; a refused form comes back with what was typed and each field's error. */
export function RecordCorrectionRegisterPage({ scope, organ, values, errors }: { scope: StaffContext; organ: Organ; values: FormValues; errors: FieldErrors }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title="登记更正申请" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>登记更正申请（条例第四十一条） · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="corrections" isSystemAdmin={scope.user.isSystemAdmin} />
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/record-corrections/new?organ=${organ.code}`} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        {/* One form, one request: a double click or a re-sent form answers with the request already registered. */}
        <input type="hidden" name="formToken" value={v('formToken')} />
        <fieldset>
          <legend>收到更正申请</legend>
          <Field name="channel" label="提交方式" errors={errors} required>
            <select id="f-channel" name="channel" required>
              <option value="">请选择</option>
              {STAFF_CHANNELS.map((c) => <option value={c} selected={v('channel') === c}>{CHANNEL_LABELS[c]}</option>)}
            </select>
          </Field>
          <Field name="receivedOn" label="收到日期" errors={errors} required>
            <input type="date" id="f-receivedOn" name="receivedOn" value={v('receivedOn')} required />
          </Field>
        </fieldset>
        <ApplicantIdentityFieldset values={values} errors={errors} />
        <fieldset>
          <legend>要求更正的信息记录</legend>
          <Field name="applicationTrackingNo" label="原政府信息公开申请编号" errors={errors} hint="该信息是在本机关办理的依申请公开中提供的，填写原申请编号；不是的留空">
            <input type="text" id="f-applicationTrackingNo" name="applicationTrackingNo" value={v('applicationTrackingNo')} maxLength={40} />
          </Field>
          <Field name="recordDescription" label="不准确的信息记录" errors={errors} required hint="写明是哪一份信息中的哪一项记录，以及现在的记载">
            <textarea id="f-recordDescription" name="recordDescription" maxLength={2000} required>{v('recordDescription')}</textarea>
          </Field>
          <Field name="claimedCorrection" label="申请人认为正确的内容" errors={errors} required>
            <textarea id="f-claimedCorrection" name="claimedCorrection" maxLength={2000} required>{v('claimedCorrection')}</textarea>
          </Field>
          <Field name="evidence" label="申请人提供的证据" errors={errors} required hint="逐项写明证据材料，如户口簿复印件、判决书；条例第四十一条要求申请人有证据证明记录不准确">
            <textarea id="f-evidence" name="evidence" maxLength={2000} required>{v('evidence')}</textarea>
          </Field>
          <Field name="deliveryMethod" label="告知书送达方式" errors={errors} required>
            <select id="f-deliveryMethod" name="deliveryMethod" required>
              <option value="">请选择</option>
              {DELIVERY_METHODS.map((k) => <option value={k} selected={v('deliveryMethod') === k}>{DELIVERY_METHOD_LABELS[k]}</option>)}
            </select>
          </Field>
        </fieldset>
        <button type="submit" class="btn">登记</button>
      </form>
    </AdminLayout>
  );
}

export type RecordCorrectionFormState = { verb: RecordCorrectionVerb; errors: FieldErrors; values: FormValues } | null;

/** One request: what was asked, the outcome forms the table allows now, the 告知书 and the history. */
export function RecordCorrectionPage({ scope, details, today, failed }: { scope: StaffContext; details: RecordCorrectionDetails; today: string; failed: RecordCorrectionFormState }) {
  const { correction: rc, organ } = details;
  const facts: [string, string][] = [
    ['编号', rc.trackingNo],
    ['状态', RECORD_CORRECTION_STATE_LABELS[rc.state]],
    ['提交方式', label(CHANNEL_LABELS, rc.channel)],
    ['收到日期', rc.receivedOn],
    ['申请人', `${rc.applicantName}（${APPLICANT_TYPE_LABELS[rc.applicantType]}）`],
    ...(rc.applicantIdKind ? [['身份证明', `${label(ID_KIND_LABELS, rc.applicantIdKind)} ${rc.applicantIdNumber}`] as [string, string]] : []),
    ['联系方式', [rc.contactPerson, rc.contactPhone, rc.contactEmail, rc.contactAddress, rc.postalCode].filter(Boolean).join('，') || '—'],
    ['告知书送达方式', label(DELIVERY_METHOD_LABELS, rc.deliveryMethod)],
    ...(rc.applicationTrackingNo ? [['原申请编号', rc.applicationTrackingNo] as [string, string]] : []),
    ['不准确的信息记录', rc.recordDescription],
    ['申请人认为正确的内容', rc.claimedCorrection],
    ['证据', rc.evidence],
    ...(rc.decidedOn ? [['处理日期', rc.decidedOn] as [string, string]] : []),
    ...(rc.correctedContent ? [['更正内容', rc.correctedContent] as [string, string]] : []),
    ...(rc.decisionReason ? [['不予更正的理由', rc.decisionReason] as [string, string]] : []),
    ...(rc.competentOrgan ? [['有权更正的机关', rc.competentContact ? `${rc.competentOrgan}（${rc.competentContact}）` : rc.competentOrgan] as [string, string]] : []),
  ];
  const summary = failed ? Object.fromEntries(Object.entries(failed.errors).map(([k, m]) => [k === '_form' ? '_form' : `${failed.verb}-${k}`, m])) : {};
  return (
    <AdminLayout title={`更正申请 ${rc.trackingNo}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{rc.trackingNo} <small>{RECORD_CORRECTION_STATE_LABELS[rc.state]}</small></h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="corrections" isSystemAdmin={scope.user.isSystemAdmin} />
      <ErrorSummary errors={summary} />
      <section aria-labelledby="h-facts">
        <h2 id="h-facts">更正申请（条例第四十一条）</h2>
        <table class="meta-table" id="record-correction-facts"><tbody>{facts.map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody></table>
      </section>
      <section aria-labelledby="h-verbs">
        <h2 id="h-verbs">处理</h2>
        {recordCorrectionVerbsIn(rc.state).length === 0
          ? <p>本更正申请已处理完毕（{RECORD_CORRECTION_STATE_LABELS[rc.state]}）。</p>
          : <div class="verb-forms">{recordCorrectionVerbsIn(rc.state).map((verb) => <OutcomeForm rc={rc} verb={verb} csrf={scope.csrf} today={today} failed={failed?.verb === verb ? failed : null} />)}</div>}
      </section>
      <section aria-labelledby="h-letters">
        <h2 id="h-letters">告知书</h2>
        {rc.letterNo ? (
          <table class="list" id="letters"><thead><tr><th scope="col">文书</th><th scope="col">文号</th><th scope="col">日期</th><th scope="col">下载</th></tr></thead>
            <tbody><tr>
              <td>政府信息更正申请处理告知书{isAdverseRecordCorrection(rc.state) ? '（含救济途径）' : ''}</td><td>{rc.letterNo}</td><td>{rc.letterIssuedOn}</td>
              <td class="actions">{(['html', 'docx', 'pdf'] as const).map((f) => <a href={`/admin/record-corrections/${rc.id}/letter?format=${f}`}>{f === 'html' ? '查看' : f.toUpperCase()}</a>)}</td>
            </tr></tbody>
          </table>
        ) : <p>作出处理后生成告知书。</p>}
      </section>
      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline">办理记录</h2>
        <ol class="timeline" id="timeline">{details.events.map((e) => (
          <li><time datetime={e.occurredAt}>{e.occurredOn}</time> {e.verb in RECORD_CORRECTION_TRANSITIONS ? RECORD_CORRECTION_TRANSITIONS[e.verb as RecordCorrectionVerb].label : '登记'}（{e.actorLabel}）：{e.note}</li>
        ))}</ol>
      </section>
    </AdminLayout>
  );
}

function OutcomeForm({ rc, verb, csrf, today, failed }: { rc: RecordCorrection; verb: RecordCorrectionVerb; csrf: string; today: string; failed: RecordCorrectionFormState }) {
  const errors = Object.fromEntries(Object.entries(failed?.errors ?? {}).map(([k, m]) => [`${verb}-${k}`, m]));
  const v = (k: string, d = '') => failed?.values[k] ?? d;
  const id = (name: string) => `f-${verb}-${name}`;
  const text = (name: string, label: string, hint?: string, required = true, long = true) => (
    <Field name={`${verb}-${name}`} label={label} errors={errors} hint={hint} required={required}>
      {long ? <textarea id={id(name)} name={name} maxLength={2000}>{v(name)}</textarea> : <input type="text" id={id(name)} name={name} value={v(name)} maxLength={200} />}
    </Field>
  );
  const dateLabel = verb === 'correct' ? '更正日期' : verb === 'transfer' ? '转送日期' : '告知日期';
  return (
    <form method="post" action={`/admin/record-corrections/${rc.id}/verbs/${verb}#${verbPlace(verb)}`} class="panel" id={verbPlace(verb)} aria-labelledby={`h-verb-${verb}`} novalidate>
      <h3 id={`h-verb-${verb}`}>{RECORD_CORRECTION_TRANSITIONS[verb].label}</h3>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="version" value={String(rc.version)} />
      {failed?.errors._form && <p class="error-message" role="alert">{failed.errors._form}</p>}
      <Field name={`${verb}-decidedOn`} label={dateLabel} errors={errors} required hint="告知书以此日期出具">
        <input type="date" id={id('decidedOn')} name="decidedOn" value={v('decidedOn', today)} required />
      </Field>
      {verb === 'correct' && text('correctedContent', '更正内容', '写明更正前后的记载，将写入告知书')}
      {verb === 'decline' && text('reason', '不予更正的理由', '如经核实原记录准确、所提供的证据不足以证明记录不准确；告知书将载明救济途径')}
      {(verb === 'transfer' || verb === 'refer') && text('competentOrgan', '有权更正的行政机关', undefined, true, false)}
      {verb === 'refer' && text('competentContact', '该机关的联系方式', '知道的填写，如地址、电话', false, false)}
      <button type="submit" class="btn">{RECORD_CORRECTION_TRANSITIONS[verb].label}</button>
    </form>
  );
}
