import type { ComponentChildren } from 'preact';
import { Breadcrumb, CaseNumber, ErrorSummary, Field, Joined, LOOKUP_FAILED, LOOKUP_INCOMPLETE, PagedList, Pagination, SEP, TelLink, type FieldErrors } from '../../../../platform/views/components.tsx';
import { PrintLink } from '../../../../platform/views/print-link.tsx';
import { titleWithErrors } from '../../../../platform/views/form-errors.ts';
import { MAX_LETTER_CHARS, MAX_LETTER_SUBJECT_CHARS } from '../../domain/letter-input.ts';
import { MIN_WRITTEN_CHARS, WRITTEN_CHARS_RULE } from '../../../../shared/written-text.ts';
import { MAX_RATING_COMMENT_CHARS } from '../../domain/decide-letter.ts';
import { PHONE_NUMBER_RULE } from '../../../../shared/phone-number.ts';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import type { ReadingPrefs } from '../../../../platform/views/prefs.ts';
import { chineseDate, HONEYPOT_FIELD, lastDay, noLaterThanTheDay } from '../../../applications/index.ts';
import { organCrumbs, type Organ } from '../../../catalog/index.ts';
import { LETTER_TYPE_LABELS, LETTER_TYPES, PUBLIC_LETTER_STATE_LABELS, RATING_LABELS, RATINGS, isLetterOpen } from '../../domain/letter.ts';
import type { PublicLetter } from '../../use-cases/check-letter.ts';
import type { PublishedLetter } from '../../use-cases/published-letters.ts';
import type { LetterSettings } from '../../storage/settings-repository.ts';
import { lostLetterCodeText } from '../../domain/lost-query-code.ts';

export type PortalInfo = { prefs: ReadingPrefs; currentPath: string };
type Values = Record<string, string>;

/** 首页 > 信息公开 > the organ's short name > 互动交流, as an item page's breadcrumb starts. */
const crumbs = (organ: Organ) => [...organCrumbs(organ), { label: '互动交流', href: `/organs/${organ.code}/letters` }];

/** 互动交流: the organ's mailbox with its published letters. */
export function LettersHomePage({ info, organ, list }: { info: PortalInfo; organ: Organ; list: { items: PublishedLetter[]; total: number; page: number; pageSize: number } }) {
  return (
    <PortalLayout title={`互动交流 - ${organ.name}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...organCrumbs(organ), { label: '互动交流' }]} />
      <h1 class="keep-words"><Joined parts={[organ.name, '部门信箱']} /></h1>
      <p><a class="btn" href={`/organs/${organ.code}/letters/new`}>我要写信</a>{SEP}<a href="/letters/status">查询来信办理情况</a>{SEP}<a href={`/organs/${organ.code}/consultations`}>意见征集</a></p>
      <h2>来信选登</h2>
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>暂无公开的来信。</p>}>
        {/* Cards on a phone (table.list.cards, each cell named by data-label), as the 建议提案 and 意见征集 lists. */}
        <table class="list cards" id="published-letters">
          <thead><tr><th scope="col">标题</th><th scope="col">类型</th><th scope="col">来信人</th><th scope="col">答复日期</th></tr></thead>
          <tbody>{list.items.map((l) => (
            <tr>
              <td><a href={`/organs/${organ.code}/letters/${l.id}`}>{l.subject}</a></td>
              <td class="nowrap" data-label="类型">{LETTER_TYPE_LABELS[l.type]}</td>
              <td data-label="来信人">{l.writer}</td>
              <td class="nowrap" data-label="答复日期">{chineseDate(l.repliedOn)}</td>
            </tr>
          ))}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(p) => `/organs/${organ.code}/letters?page=${p}`} />
    </PortalLayout>
  );
}

export function PublishedLetterPage({ info, organ, letter }: { info: PortalInfo; organ: Organ; letter: PublishedLetter }) {
  return (
    <PortalLayout title={`${letter.subject} - 来信选登`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...crumbs(organ), { label: letter.subject }]} />
      <h1>{letter.subject}</h1>
      <table class="meta-table"><tbody>
        <tr><th scope="row">类型</th><td>{LETTER_TYPE_LABELS[letter.type]}</td></tr>
        <tr><th scope="row">来信人</th><td id="writer">{letter.writer}</td></tr>
        <tr><th scope="row">来信日期</th><td>{chineseDate(letter.submittedOn)}</td></tr>
        <tr><th scope="row">答复日期</th><td>{chineseDate(letter.repliedOn)}</td></tr>
      </tbody></table>
      <h2>来信内容</h2>
      <p id="letter-content" class="pre-wrap">{letter.content}</p>
      <h2>答复内容</h2>
      <p id="reply-content" class="pre-wrap">{letter.replyText}</p>
    </PortalLayout>
  );
}

export function WriteLetterPage({ info, organ, values, errors, formToken, settings }: { info: PortalInfo; organ: Organ; values: Values; errors: FieldErrors; formToken: string; settings: LetterSettings }) {
  return (
    <PortalLayout title={titleWithErrors(`写信 - ${organ.name}`, errors)} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <ErrorSummary errors={errors} focus />
      <Breadcrumb items={[...crumbs(organ), { label: '我要写信' }]} />
      <h1>给{organ.name}写信</h1>
      <div class="notice notice-info" role="note">
        <p>无需注册。提交后您将获得<strong>信件编号</strong>和<strong>查询码</strong>，可凭此<a href="/letters/status">查询办理情况、阅读答复并评价</a>。</p>
        <p>答复期限（工作日，自收到之次日起算）：{LETTER_TYPES.map((t) => `${LETTER_TYPE_LABELS[t]}${settings.replyWorkingDays[t]}个`).join('，')}。信访事项、涉法涉诉事项请通过相应渠道反映。</p>
      </div>
      <form method="post" action={`/organs/${organ.code}/letters/new`} novalidate>
        <input type="hidden" name="formToken" value={formToken} />
        <div class="honeypot" aria-hidden="true">
          <label for="f-website">网址（请勿填写）</label>
          <input type="text" id="f-website" name={HONEYPOT_FIELD} value="" tabIndex={-1} autocomplete="off" />
        </div>
        <fieldset>
          <legend>来信类型<span class="required" aria-hidden="true">＊</span></legend>
          {errors.type && <p class="error-message" id="f-type-error">{errors.type}</p>}
          {LETTER_TYPES.map((t, i) => (
            <label class="inline"><input type="radio" name="type" value={t} checked={values.type === t} id={i === 0 ? 'f-type' : undefined} aria-invalid={errors.type ? 'true' : undefined} aria-describedby={i === 0 && errors.type ? 'f-type-error' : undefined} /> {LETTER_TYPE_LABELS[t]}</label>
          ))}
        </fieldset>
        {/* No field has a maxlength: a browser would cut a pasted text without a word. The hints state the limits and
            the server refuses an over-long text with the field's message, what was typed kept (letter-input.ts). */}
        <Field name="subject" label="标题" errors={errors} required hint={`不超过${MAX_LETTER_SUBJECT_CHARS}字`}>
          <input type="text" id="f-subject" name="subject" value={values.subject ?? ''} required />
        </Field>
        <Field name="content" label="来信内容" errors={errors} required hint={`请写明具体事项，至少${MIN_WRITTEN_CHARS}个字（${WRITTEN_CHARS_RULE}），不超过${MAX_LETTER_CHARS}字`}>
          <textarea id="f-content" name="content" rows={8} required>{values.content ?? ''}</textarea>
        </Field>
        <Field name="writerName" label="姓名" errors={errors} required>
          <input type="text" id="f-writerName" name="writerName" value={values.writerName ?? ''} autocomplete="name" required />
        </Field>
        {/*
          Two fields, at least one filled in (letter-input.ts): a phone keypad and the saved phone for
          联系电话, an e-mail keyboard and the saved address for 电子邮箱. One field for both could only
          have one keyboard — letters and @ for most writers, who give a phone number.
        */}
        <fieldset id="contact">
          <legend>联系方式<span class="required" aria-hidden="true">＊</span></legend>
          <p class="hint">联系电话和电子邮箱至少填写一项，仅用于答复时联系您，不会公开。</p>
          <Field name="phone" label="联系电话" errors={errors} hint={PHONE_NUMBER_RULE}>
            <input type="tel" id="f-phone" name="phone" value={values.phone ?? ''} inputMode="tel" autocomplete="tel" />
          </Field>
          <Field name="email" label="电子邮箱" errors={errors}>
            <input type="email" id="f-email" name="email" value={values.email ?? ''} inputMode="email" autocomplete="email" autocapitalize="off" spellcheck={false} />
          </Field>
        </fieldset>
        <p><label><input type="checkbox" name="publishConsent" value="yes" checked={values.publishConsent === 'yes'} /> 同意在答复后公开本信（姓名显示为“张**”形式，电话、身份证号等个人信息将被遮盖）</label></p>
        <button type="submit" class="btn">提交</button>
      </form>
    </PortalLayout>
  );
}

/**
 * What to do about a lost 查询码 (lost-query-code.ts), with the organ's 咨询电话 when the page knows the
 * organ: on the receipt and on the status look-up, where the number's prefix names the organ (never
 * whether the number exists).
 */
export function LostLetterCode({ organ, lead }: { organ: Pick<Organ, 'name' | 'consultPhone'> | null; lead?: string }) {
  return <p id="lost-code">{lostLetterCodeText(organ?.name, lead)}{organ?.consultPhone && <>咨询电话：<TelLink phone={organ.consultPhone} />。</>}</p>;
}

/**
 * The receipt of a letter, with the 查询码 (shown only here, for an hour, in the browser that wrote).
 * The code is never shown again; a writer who lost it asks the organ, which checks who asks and sets a
 * new one (重新设置查询码, reset-letter-query-code.ts) — the receipt says so, with the 咨询电话.
 * 查询办理情况 opens the lookup with the number filled in (never the code in an address); 打印本页
 * prints the receipt alone.
 */
export function LetterSubmittedPage({ info, organ, trackingNo, queryCode, printView = false, again = false }: { info: PortalInfo; organ: Organ; trackingNo: string | null; queryCode: string | null; printView?: boolean; again?: boolean }) {
  const self = info.currentPath.split('?')[0];
  return (
    <PortalLayout title="来信已提交" prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone} printView={printView && !!queryCode}>
      <Breadcrumb items={[...crumbs(organ), { label: '来信已提交' }]} />
      <h1>来信已提交</h1>
      {trackingNo && queryCode ? (
        <>
          <div class="notice notice-info" role="status">
            {again && !printView && <p id="submitted-before"><strong>您已提交过相同的来信，没有重复提交。</strong>以下是该来信的编号和查询码。</p>}
            <p>请记下或打印以下信息，凭此查询办理情况、阅读答复。<strong>查询码只在提交的浏览器中显示，1小时后不再显示。</strong></p>
            <table class="meta-table" id="receipt"><tbody>
              <tr><th scope="row">收信机关</th><td>{organ.name}</td></tr>
              <tr><th scope="row">信件编号</th><td id="tracking-no"><CaseNumber no={trackingNo} /></td></tr>
              <tr><th scope="row">查询码</th><td id="query-code">{queryCode}</td></tr>
            </tbody></table>
            <LostLetterCode organ={organ} />
          </div>
          <PrintLink href={`${self}?print=1`} printView={printView} backHref={self} />
        </>
      ) : (
        <>
          <p>提交结果（信件编号和查询码）只在提交来信的浏览器中、提交后1小时内显示。请凭记下的编号和查询码查询。</p>
          <LostLetterCode organ={organ} lead="查询码未记下或遗失的" />
        </>
      )}
      {!(printView && queryCode) && <p><a href={trackingNo && queryCode ? `/letters/status?trackingNo=${encodeURIComponent(trackingNo)}` : '/letters/status'}>查询办理情况</a>{SEP}<a href={`/organs/${organ.code}/letters`}>返回互动交流</a></p>}
    </PortalLayout>
  );
}

/**
 * `lapsed`: a status page opened without its cookie (another browser, or more than 30 minutes on).
 * `organ`: the organ the typed number's prefix names, if any — for the lost-code line's phone.
 */
export function LetterQueryPage({ info, values, errors, lapsed = false, organ = null, incomplete = false }: { info: PortalInfo; values: Values; errors: FieldErrors; lapsed?: boolean; organ?: Organ | null; incomplete?: boolean }) {
  return (
    <PortalLayout title={titleWithErrors('来信办理情况查询', errors)} prefs={info.prefs} currentPath={info.currentPath}>
      {/* A box left empty is asked for (nothing was looked up, so not 未查到; nothing submitted, so not 提交未成功). */}
      <ErrorSummary errors={errors} focus heading={incomplete ? LOOKUP_INCOMPLETE : LOOKUP_FAILED} />
      <Breadcrumb items={[{ label: '首页', href: '/' }, { label: '来信办理情况查询' }]} />
      <h1>来信办理情况查询</h1>
      {lapsed && <div class="notice notice-info" role="status"><p>查询已过期，请重新输入信件编号和查询码。查询结果只在查询的浏览器中、查询后30分钟内可以再次打开。</p></div>}
      <form method="post" action="/letters/status">
        <Field name="trackingNo" label="信件编号" errors={errors} required>
          <input type="text" id="f-trackingNo" name="trackingNo" value={values.trackingNo ?? ''} autocomplete="off" required />
        </Field>
        <Field name="queryCode" label="查询码" errors={errors} required>
          <input type="text" id="f-queryCode" name="queryCode" value="" autocomplete="off" required />
        </Field>
        <button type="submit" class="btn">查询</button>
      </form>
      <LostLetterCode organ={organ} />
    </PortalLayout>
  );
}

/**
 * `pageUrl`: the page's own address (a GET Back returns to); its rating form posts there and carries
 * no credentials. Without it (the older POST /letters/status/rate), the form carries them hidden.
 */
export function LetterStatusPage({ info, letter, queryCode, errors, values, pageUrl }: { info: PortalInfo; letter: PublicLetter; queryCode: string; errors: FieldErrors; values: Values; pageUrl?: string }) {
  const rows: [string, ComponentChildren][] = [
    ['信件编号', <CaseNumber no={letter.trackingNo} />], ['办理机关', letter.organName], ['类型', LETTER_TYPE_LABELS[letter.type]], ['标题', letter.subject],
    ['来信日期', chineseDate(letter.submittedOn)], ['办理状态', PUBLIC_LETTER_STATE_LABELS[letter.state]],
  ];
  // Its last day included, as an application's (overdue only after it: letters-repository.ts).
  if (isLetterOpen(letter.state)) rows.push(['答复期限', lastDay(chineseDate(letter.dueOn))]);
  if (letter.repliedOn && letter.state === 'replied') rows.push(['答复日期', chineseDate(letter.repliedOn)]);
  if (letter.notAcceptedReason && letter.state === 'not_accepted') rows.push(['不予受理理由', letter.notAcceptedReason]);
  if (letter.rating) rows.push(['评价', `${RATING_LABELS[letter.rating]}${letter.ratingDeemed ? '（期限内未评价，视为满意）' : ''}`]);
  return (
    <PortalLayout title={titleWithErrors(`来信办理情况 ${letter.trackingNo}`, errors)} prefs={info.prefs} currentPath={info.currentPath}>
      <ErrorSummary errors={errors} focus />
      <Breadcrumb items={[{ label: '首页', href: '/' }, { label: '来信办理情况查询', href: '/letters/status' }, { label: <CaseNumber no={letter.trackingNo} /> }]} />
      <h1>来信办理情况</h1>
      <table class="meta-table" id="letter-status"><tbody>{rows.map(([k, v]) => <tr><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody></table>
      {letter.transfers.length > 0 && (
        <>
          <h2>转办情况</h2>
          <ul id="transfers">{letter.transfers.map((t) => <li>{chineseDate(t.on)}，由{t.fromOrgan}转至{t.toOrgan}办理：{t.reason}</li>)}</ul>
        </>
      )}
      <section id="my-letter" aria-labelledby="my-letter-heading">
        <h2 id="my-letter-heading">来信内容</h2>
        <p><strong>{letter.subject}</strong></p>
        <p id="letter-content" class="pre-wrap">{letter.content}</p>
      </section>
      {letter.replyText && (<><h2>答复内容</h2><p id="reply-text" class="pre-wrap">{letter.replyText}</p></>)}
      {letter.mayRate && (
        <form method="post" action={pageUrl ? `${pageUrl}/rate` : '/letters/status/rate'}>
          <h2>评价答复</h2>
          {/* The window's last day is open to a rating (check-letter.ts: today <= rateByOn). */}
          <p class="hint">请{noLaterThanTheDay(chineseDate(letter.rateByOn))}评价；逾期未评价的视为满意。</p>
          {!pageUrl && <input type="hidden" name="trackingNo" value={letter.trackingNo} />}
          {!pageUrl && <input type="hidden" name="queryCode" value={queryCode} />}
          <fieldset>
            <legend>您对答复是否满意</legend>
            {errors.rating && <p class="error-message">{errors.rating}</p>}
            {RATINGS.map((r) => <label class="inline"><input type="radio" name="rating" value={r} checked={values.rating === r} /> {RATING_LABELS[r]}</label>)}
          </fieldset>
          <Field name="comment" label="评价意见" errors={errors} hint={`可不填，不超过${MAX_RATING_COMMENT_CHARS}字`}>
            <textarea id="f-comment" name="comment" rows={3}>{values.comment ?? ''}</textarea>
          </Field>
          <button type="submit" class="btn">提交评价</button>
        </form>
      )}
    </PortalLayout>
  );
}
