import type { ComponentChildren } from 'preact';
import { Breadcrumb, CaseNumber, ErrorSummary, Field, LOOKUP_FAILED, LOOKUP_INCOMPLETE, SEP, TelLink, type FieldErrors } from '../../../../platform/views/components.tsx';
import { PrintLink } from '../../../../platform/views/print-link.tsx';
import { titleWithErrors } from '../../../../platform/views/form-errors.ts';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { ReadingPrefs } from '../../../../platform/views/prefs.ts';
import { organCrumbs, type Organ } from '../../../catalog/index.ts';
import { PUBLIC_STATE_LABELS } from '../../domain/application-states.ts';
import { chineseDate } from '../../domain/chinese-date.ts';
import { LETTER_KIND_LABELS } from '../../domain/letters/letter-kinds.ts';
import { plainOutcomeLabel } from '../../domain/outcomes.ts';
import type { PublicStatus } from '../../use-cases/check-status.ts';
import { ApplicantFieldsets } from '../applicant-fields.tsx';
import type { FormValues } from '../form-values.ts';
import { HONEYPOT_FIELD } from './form-guard.ts';
import { lostApplicationCodeText } from '../../domain/lost-query-code.ts';
import { lastDay, noLaterThan } from '../../domain/deadline-wording.ts';

export type PortalInfo = { prefs: ReadingPrefs; currentPath: string };


/** The online application form (条例第二十九条): no account, works without JavaScript. */
export function ApplyPage({ info, organ, values, errors, formToken }: { info: PortalInfo; organ: Organ; values: FormValues; errors: FieldErrors; formToken: string }) {
  return (
    <PortalLayout title={titleWithErrors(`在线申请政府信息公开 - ${organ.name}`, errors)} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <ErrorSummary errors={errors} focus />
      <Breadcrumb items={[...organCrumbs(organ), { label: '依申请公开', href: `/organs/${organ.code}/apply` }, { label: '在线申请' }]} />
      <h1>向{organ.name}申请政府信息公开</h1>
      <div class="notice notice-info" role="note">
        <p>无需注册。提交后您将获得<strong>申请编号</strong>和<strong>查询码</strong>，可凭此<a href="/applications/status">查询办理进度并下载答复文书</a>。</p>
        <p>网上提交的申请，以本机关工作人员与您双方确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条）；本机关自收到申请之日起20个工作日内答复（第三十三条）。</p>
      </div>
      <form method="post" action={`/organs/${organ.code}/apply`} novalidate>
        <input type="hidden" name="formToken" value={formToken} />
        <div class="honeypot" aria-hidden="true">
          <label for="f-website">网址（请勿填写）</label>
          <input type="text" id="f-website" name={HONEYPOT_FIELD} value="" tabIndex={-1} autocomplete="off" />
        </div>
        <ApplicantFieldsets values={values} errors={errors} />
        <p class="hint">您填写的个人信息仅用于办理本申请并依法保护。</p>
        <button type="submit" class="btn">提交申请</button>
      </form>
    </PortalLayout>
  );
}

/**
 * What to do about a lost 查询码 (lost-query-code.ts), with the organ's 咨询电话 and address when the page
 * knows the organ: on the receipt and on the status look-up, where the number's prefix names the organ
 * (never whether the number exists).
 */
export function LostApplicationCode({ organ, lead }: { organ: Pick<Organ, 'name' | 'consultPhone' | 'address'> | null; lead?: string }) {
  return (
    <p id="lost-code">
      {lostApplicationCodeText(organ?.name, lead)}
      {organ?.consultPhone && <>咨询电话：<TelLink phone={organ.consultPhone} />。</>}
      {organ?.address && <>地址：{organ.address}。</>}
    </p>
  );
}

/**
 * The receipt of an online application, with the 查询码 (shown only here, for an hour, in the browser
 * that applied). A lost code is reset by the organ on proof of identity (重新设置查询码,
 * docs/workflows/application-states.md); 查询办理进度 opens the lookup with the tracking number filled
 * in (the code never in an address); 打印本页 prints the receipt alone.
 */
export function SubmittedPage({ info, organ, trackingNo, queryCode, printView = false, again = false }: { info: PortalInfo; organ: Organ; trackingNo: string; queryCode: string; printView?: boolean; again?: boolean }) {
  const self = info.currentPath.split('?')[0];
  return (
    <PortalLayout title="申请已提交" prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} printView={printView}>
      <Breadcrumb items={[...organCrumbs(organ), { label: '依申请公开', href: `/organs/${organ.code}/apply` }, { label: '申请已提交' }]} />
      <h1>申请已提交</h1>
      <div class="notice notice-info" role="status">
        {again && !printView && <p id="submitted-before"><strong>您已提交过相同的申请，没有重复提交。</strong>以下是该申请的编号和查询码。</p>}
        <p>请记下或打印以下信息，凭此查询办理进度、下载答复文书。<strong>查询码只在提交申请的浏览器中显示，1小时后不再显示。</strong></p>
        <table class="meta-table" id="receipt">
          <tbody>
            <tr><th scope="row">受理机关</th><td>{organ.name}</td></tr>
            <tr><th scope="row">申请编号</th><td id="tracking-no"><CaseNumber no={trackingNo} /></td></tr>
            <tr><th scope="row">查询码</th><td id="query-code">{queryCode}</td></tr>
          </tbody>
        </table>
        <LostApplicationCode organ={organ} />
      </div>
      <p>本机关工作人员将通过您留下的联系方式与您确认收到申请。确认之日为收到申请之日，答复期限自次日起计算（《中华人民共和国政府信息公开条例》第三十一条、第三十三条）。</p>
      <PrintLink href={`${self}?print=1`} printView={printView} backHref={self} />
      {!printView && <p><a href={`/applications/status?trackingNo=${encodeURIComponent(trackingNo)}`}>查询办理进度</a>{SEP}<a href={`/organs/${organ.code}`}>返回{organ.name}</a></p>}
    </PortalLayout>
  );
}

/** The receipt address opened without the cookie of the browser that applied, or more than an hour later. */
export function NoReceiptPage({ info, organ }: { info: PortalInfo; organ: Organ }) {
  return (
    <PortalLayout title="申请提交结果" prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...organCrumbs(organ), { label: '依申请公开', href: `/organs/${organ.code}/apply` }, { label: '申请提交结果' }]} />
      <h1>申请提交结果</h1>
      <p>提交结果（申请编号和查询码）只在提交申请的浏览器中、提交后1小时内显示。申请已提交的，请凭记下的申请编号和查询码<a href="/applications/status">查询办理进度</a>。</p>
      <LostApplicationCode organ={organ} />
      <p><a href={`/organs/${organ.code}/apply`}>在线申请</a>{SEP}<a href={`/organs/${organ.code}`}>返回{organ.name}</a></p>
    </PortalLayout>
  );
}

/**
 * `lapsed`: a status page opened without its cookie (another browser, a restart, or more than 30 minutes on).
 * `organ`: the organ the typed number's prefix names, if any — for the lost-code line's phone and address.
 */
export function StatusQueryPage({ info, values, errors, lapsed = false, organ = null, incomplete = false }: { info: PortalInfo; values: FormValues; errors: FieldErrors; lapsed?: boolean; organ?: Organ | null; incomplete?: boolean }) {
  return (
    <PortalLayout title={titleWithErrors('依申请公开办理进度查询', errors)} prefs={info.prefs} currentPath={info.currentPath}>
      {/* A box left empty is asked for (nothing was looked up, so not 未查到; nothing submitted, so not 提交未成功). */}
      <ErrorSummary errors={errors} focus heading={incomplete ? LOOKUP_INCOMPLETE : LOOKUP_FAILED} />
      <Breadcrumb items={[{ label: '首页', href: '/' }, { label: '办理进度查询' }]} />
      <h1>依申请公开办理进度查询</h1>
      {lapsed && <div class="notice notice-info" role="status"><p>查询已过期，请重新输入申请编号和查询码。查询结果只在查询的浏览器中、查询后30分钟内可以再次打开。</p></div>}
      <form method="post" action="/applications/status">
        <Field name="trackingNo" label="申请编号" errors={errors} required>
          <input type="text" id="f-trackingNo" name="trackingNo" value={values.trackingNo ?? ''} autocomplete="off" required />
        </Field>
        <Field name="queryCode" label="查询码" errors={errors} required>
          <input type="text" id="f-queryCode" name="queryCode" value="" autocomplete="off" required />
        </Field>
        <button type="submit" class="btn">查询</button>
      </form>
      <LostApplicationCode organ={organ} />
    </PortalLayout>
  );
}

/** `pageUrl`: this page's own address (statusPages' pageUrl); the letters open under it with the same cookie. */
export function StatusPage({ info, status, pageUrl }: { info: PortalInfo; status: PublicStatus; pageUrl: string }) {
  const rows: [string, ComponentChildren][] = [
    ['申请编号', <CaseNumber no={status.trackingNo} />],
    ['受理机关', status.organName],
    ['申请内容', status.subject],
    ['提交日期', chineseDate(status.arrivedOn)],
    ['收到申请日期', status.receivedOn ? chineseDate(status.receivedOn) : '待确认'],
    ['办理状态', PUBLIC_STATE_LABELS[status.state]],
  ];
  if (status.dueOn && !status.repliedOn) rows.push(['答复期限', `${lastDay(chineseDate(status.dueOn))}${status.extended ? '（已依法延期）' : ''}${status.dueProvisional ? '（暂定）' : ''}`]);
  if (status.correctionDueOn) rows.push(['补正期限', chineseDate(status.correctionDueOn)]);
  if (status.feeDueOn) rows.push(['信息处理费', `${status.feeAmountYuan}元，请${noLaterThan(chineseDate(status.feeDueOn))}缴纳`]);
  if (status.outcome) rows.push(['办理结果', plainOutcomeLabel(status.outcome)]);
  if (status.repliedOn) rows.push(['答复日期', chineseDate(status.repliedOn)]);
  return (
    <PortalLayout title={`办理进度 ${status.trackingNo}`} prefs={info.prefs} currentPath={info.currentPath}>
      <Breadcrumb items={[{ label: '首页', href: '/' }, { label: '办理进度查询', href: '/applications/status' }, { label: <CaseNumber no={status.trackingNo} /> }]} />
      <h1>办理进度</h1>
      <table class="meta-table" id="status-table">
        <tbody>{rows.map(([k, val]) => <tr><th scope="row">{k}</th><td class={k === '申请内容' ? 'pre-wrap' : undefined}>{val}</td></tr>)}</tbody>
      </table>
      <h2>答复文书</h2>
      {status.letters.length === 0 ? <p>暂无文书。</p> : (
        // Cards on a phone (table.list.cards, each cell named by its data-label): in three columns at 320 px 字号 大 the
        // name shrank to a character a line and the date split (2026/年12月/6日). The date never breaks.
        <table class="list cards" id="letters">
          <thead><tr><th scope="col">文书</th><th scope="col">日期</th><th scope="col">下载</th></tr></thead>
          <tbody>
            {status.letters.map((l) => (
              <tr>
                <td data-label="文书">{LETTER_KIND_LABELS[l.kind]}</td>
                <td data-label="日期" class="nowrap">{chineseDate(l.issuedOn)}</td>
                <td data-label="下载">
                  {(['html', 'pdf', 'docx'] as const).map((format) => (
                    <><a class="btn btn-small" href={`${pageUrl}/letters/${l.id}?format=${format}`}>{format === 'html' ? '查看' : format.toUpperCase()}</a>{' '}</>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PortalLayout>
  );
}
