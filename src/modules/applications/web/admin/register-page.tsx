import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, RawHtml, type FieldErrors } from '../../../../platform/views/components.tsx';
import { LetterWithCode } from '../../../../platform/views/letter-with-code.tsx';
import { renderDocumentHtml, type DocumentModel } from '../../../../platform/documents/index.ts';
import { DOCUMENT_STYLESHEET } from '../../../../platform/views/stylesheets.ts';
import type { Organ } from '../../../catalog/index.ts';
import { STATE_LABELS } from '../../domain/application-states.ts';
import { CHANNEL_LABELS, CHANNEL_RULES, STAFF_CHANNELS } from '../../domain/channels.ts';
import { chineseDate } from '../../domain/chinese-date.ts';
import type { EarlierCase } from '../../domain/duplicate-applications.ts';
import { APPLICATION_FIELD_ORDER, ApplicantFieldsets } from '../applicant-fields.tsx';
import { inFormOrder } from '../../../../platform/views/form-errors.ts';
import type { FormValues } from '../form-values.ts';
import { ApplicationsNav } from './applications-nav.tsx';
import type { StaffContext } from '../../../catalog/index.ts';
import { CODE_REPLAY_MINUTES } from '../../use-cases/register-application.ts';

/**
 * The same applicant's open or recent cases asking for the same thing, linked, with the 仍然登记 box:
 * a warning, not a refusal — ticked, the form registers the application.
 */
function DuplicateWarning({ cases }: { cases: readonly EarlierCase[] }) {
  return (
    <div class="notice" role="alert" id="duplicate-warning" tabIndex={-1} aria-labelledby="duplicate-h">
      <h2 id="duplicate-h">可能重复登记</h2>
      <p>该申请人（姓名相同，证件号码或联系方式相同）已有内容相同或相近的申请，尚在办理或到达未满30日。请先打开核对，避免同一申请登记两次：</p>
      <ul>
        {cases.map((c) => (
          <li><a href={`/admin/applications/${c.id}`} target="_blank" rel="noopener">{c.trackingNo}（在新标签页打开）</a>　{chineseDate(c.arrivedOn)}到达，{STATE_LABELS[c.state]}：{c.subject}</li>
        ))}
      </ul>
      <p>同一申请人可以再次申请。确属另一次申请的（如申请人另行提出），勾选下面一项后再提交；同一份申请的重复登记，请不要提交。</p>
      <p>
        <input type="checkbox" id="f-duplicateConfirmed" name="duplicateConfirmed" value="on" />{' '}
        <label for="f-duplicateConfirmed">仍然登记：已核对以上办件，这是另一次申请</label>
      </p>
    </div>
  );
}

/** The registration form's fields in the order it shows them: the receipt, then the application's (the error summary follows it). */
const REGISTER_FIELD_ORDER = ['channel', 'arrivedOn', 'confirmedOn', 'receiptEvidence', 'assistedBy', ...APPLICATION_FIELD_ORDER] as const;

/** Staff register a written application; the receipt date follows the channel (条例第三十一条). */
export function RegisterPage({ scope, organ, values, errors, duplicates = [] }: {
  scope: StaffContext; organ: Organ; values: FormValues; errors: FieldErrors; duplicates?: readonly EarlierCase[];
}) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title="登记申请" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>登记政府信息公开申请 · {organ.name}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="new" isSystemAdmin={scope.user.isSystemAdmin} />
      <ErrorSummary errors={inFormOrder(errors, REGISTER_FIELD_ORDER)} />
      <form method="post" action={`/admin/applications/new?organ=${organ.code}`} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        {/* One form, one case: a double click or a re-sent form answers with the case already registered. */}
        <input type="hidden" name="formToken" value={v('formToken')} />
        {duplicates.length > 0 && <DuplicateWarning cases={duplicates} />}
        <fieldset>
          <legend>收到申请（条例第三十一条）</legend>
          <ul class="hint">{STAFF_CHANNELS.map((c) => <li>{CHANNEL_LABELS[c]}：{CHANNEL_RULES[c].rule}</li>)}</ul>
          <Field name="channel" label="提交方式" errors={errors} required>
            <select id="f-channel" name="channel" required>
              <option value="">请选择</option>
              {STAFF_CHANNELS.map((c) => <option value={c} selected={v('channel') === c}>{CHANNEL_LABELS[c]}</option>)}
            </select>
          </Field>
          <Field name="arrivedOn" label="到达日期" errors={errors} required hint="当面提交日、邮件签收日，或平信、传真、电子邮件、网上申请到达之日">
            <input type="date" id="f-arrivedOn" name="arrivedOn" value={v('arrivedOn')} required />
          </Field>
          <Field name="confirmedOn" label="双方确认日期" errors={errors} hint="传真、电子邮件、网上申请：已与申请人确认的填写；未确认的留空，登记后为“待确认收到”。平信：自到达之日起算，应于到达当日确认，确认日期晚于到达日期的将提示">
            <input type="date" id="f-confirmedOn" name="confirmedOn" value={v('confirmedOn')} />
          </Field>
          <Field name="receiptEvidence" label="签收或确认记录" errors={errors} hint="如邮件号与签收人、确认电话的时间与接听人">
            <input type="text" id="f-receiptEvidence" name="receiptEvidence" value={v('receiptEvidence')} maxLength={200} />
          </Field>
          <Field name="assistedBy" label="代为填写人" errors={errors} hint="申请人书写有困难、由工作人员代为填写的，写明代填人（条例第二十九条第一款、第四十三条）">
            <input type="text" id="f-assistedBy" name="assistedBy" value={v('assistedBy')} maxLength={100} />
          </Field>
        </fieldset>
        <ApplicantFieldsets values={values} errors={errors} />
        <button type="submit" class="btn">登记</button>
        {duplicates.length > 0 && <p class="hint">未勾选“仍然登记”时，提交后仍会提示可能重复登记。</p>}
      </form>
    </AdminLayout>
  );
}

/**
 * `onReceipt`: registered as received. `receipt`: then the 申请登记回执 with the code, to print now — the
 * only copy that carries it; the stored receipt (opened or reprinted later) says the code was given at
 * registration and never holds it (follow-up.ts).
 * The code shows again only within CODE_REPLAY_MINUTES of registration (a reload, the PDF or Word of
 * this answer), and the page says so rather than "only this once".
 */
export function RegisteredPage({ scope, organ, id, trackingNo, queryCode, onReceipt, receipt = null, formToken = '' }: { scope: StaffContext; organ: Organ; id: number; trackingNo: string; queryCode: string; onReceipt: boolean; receipt?: DocumentModel | null; formToken?: string }) {
  return (
    <AdminLayout title="已登记" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>已登记申请 {trackingNo}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="new" isSystemAdmin={scope.user.isSystemAdmin} />
      <div class="notice notice-info" role="status">
        {/* True to what the page does: a reload, a double click or the PDF/Word shows the code again for
            CODE_REPLAY_MINUTES (register-application.ts), then neither this page nor a reprint shows it. */}
        <p>请将申请编号和查询码告知申请人（{receipt
          ? `查询码印在下面这份申请登记回执上，请当场打印或交给申请人；${CODE_REPLAY_MINUTES}分钟后本页及重新打印的回执不再显示查询码`
          : `请当场告知申请人；${CODE_REPLAY_MINUTES}分钟后本页不再显示查询码${onReceipt ? '' : '，确认收到后生成的申请登记回执也不载明查询码'}`}，遗失可在办件页核验身份后重新设置），申请人可凭此在门户查询办理进度、下载答复文书。</p>
        <p>申请编号：<strong id="tracking-no">{trackingNo}</strong>　查询码：<strong id="query-code">{queryCode}</strong></p>
      </div>
      <p><a class="btn" href={`/admin/applications/${id}`}>打开办件</a></p>
      {receipt && (
        <LetterWithCode id="receipt-with-code" heading="申请登记回执（载明查询码）" what="回执" document={receipt}
          download={formToken ? { action: '/admin/applications/registered/receipt', csrf: scope.csrf, field: ['formToken', formToken] } : null} />
      )}
    </AdminLayout>
  );
}

/**
 * The registration form posted again later than CODE_REPLAY_MINUTES (register-application.ts): one
 * form, one case, so the case it made — but the code was shown once and is not shown again. The
 * stored receipt (without the code) and the way to a new code: 重新设置查询码 on the case page.
 */
export function RegisteredLaterPage({ scope, organ, id, trackingNo, storedReceipt }: { scope: StaffContext; organ: Organ; id: number; trackingNo: string; storedReceipt: DocumentModel | null }) {
  return (
    <AdminLayout title="已登记" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>已登记申请 {trackingNo}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="new" isSystemAdmin={scope.user.isSystemAdmin} />
      <div class="notice notice-info" role="status">
        <p>这份登记表已经登记为申请 {trackingNo}，没有再次登记。查询码只在登记后{CODE_REPLAY_MINUTES}分钟内显示，现已不再显示。</p>
        <p>申请人未收到或遗失查询码的，核验其身份后在办件页<a href={`/admin/applications/${id}#h-query-code`}>重新设置查询码</a>，原查询码作废，并将查询码重新设置告知交付或寄送申请人。</p>
      </div>
      <p><a class="btn" href={`/admin/applications/${id}`}>打开办件</a></p>
      {storedReceipt && (
        <section id="stored-receipt" aria-labelledby="stored-receipt-heading">
          <h2 id="stored-receipt-heading">申请登记回执（不载明查询码）</h2>
          <link rel="stylesheet" href={DOCUMENT_STYLESHEET} />
          <RawHtml html={renderDocumentHtml(storedReceipt)} />
        </section>
      )}
    </AdminLayout>
  );
}

/** A lost 查询码 set anew (reset-query-code.ts): shown this once, like the code at registration. */
export function QueryCodeResetPage({ scope, organ, id, trackingNo, queryCode, notice }: { scope: StaffContext; organ: Organ; id: number; trackingNo: string; queryCode: string; notice: DocumentModel }) {
  return (
    <AdminLayout title="已重新设置查询码" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>已重新设置查询码 {trackingNo}</h1>
      <ApplicationsNav organ={organ} organs={scope.handles} current="new" isSystemAdmin={scope.user.isSystemAdmin} />
      <div class="notice notice-info" role="status">
        <p>原查询码已作废。请将新的查询码告知申请人（只显示这一次，不会保存或再次显示）：当面交付或寄送下面的查询码重新设置告知，请现在打印。</p>
        <p>申请编号：<strong id="tracking-no">{trackingNo}</strong>　新查询码：<strong id="query-code">{queryCode}</strong></p>
      </div>
      <p><a class="btn" href={`/admin/applications/${id}`}>返回办件</a></p>
      {/* A 平信 applicant gets the code on paper (found by an outside tester): printed now, as the receipt at registration. */}
      <LetterWithCode id="reset-notice" heading="查询码重新设置告知（载明新查询码）" what="告知" document={notice}
        download={{ action: `/admin/applications/${id}/query-code/notice`, csrf: scope.csrf, field: ['queryCode', queryCode] }} />
    </AdminLayout>
  );
}
