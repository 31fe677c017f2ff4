import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, PagedList, Pagination, type FieldErrors } from '../../../../platform/views/components.tsx';
import { chineseDate, DeadlineStanding } from '../../../applications/index.ts';
import type { Organ, StaffContext } from '../../../catalog/index.ts';
import { FOLLOW_UP_KINDS, FOLLOW_UP_LABELS, LETTER_STATE_LABELS, LETTER_TYPE_LABELS, LETTER_TYPES, RATING_LABELS, RATINGS, isLetterOpen, unitOpinionOverdue, unitOpinionUnread, type Letter } from '../../domain/letter.ts';
import { LETTER_TRANSITIONS, letterVerbsIn, type LetterVerb } from '../../domain/letter-verbs.ts';
import type { LetterCounts, LetterPage, LetterView, UnitLetterView } from '../../storage/letters-repository.ts';
import type { LetterSettings } from '../../storage/settings-repository.ts';
import type { LetterDetails } from '../../use-cases/letter-details.ts';
import type { LetterStatistics } from '../../use-cases/letter-statistics.ts';
import { LetterQueryCodeSection } from './letter-query-code-pages.tsx';


export const LETTER_VIEW_LABELS: Record<LetterView, string> = {
  open: '办理中', received: '待办理', unit_opinion_new: '承办单位新报送意见', overdue: '已逾期', due_soon: '即将到期', past_three_months: '超过三个月未答复', reply_review: '答复待审核', replied: '已答复', not_accepted: '不予受理', all: '全部',
};

/** What waits at an organ, for its name in the organ switch: 县住建局（6 件待办理，1 件已逾期）. */
function waitingNote(c: LetterCounts | undefined): string {
  const parts = [c?.received ? `${c.received} 件待办理` : '', c?.overdue ? `${c.overdue} 件已逾期` : ''].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** `work`, on the list: the letters waiting per organ, named in the switch so nobody has to guess where they are. */
function MailboxNav({ scope, organ, current, work }: { scope: StaffContext; organ: Organ; current: 'list' | 'stats' | 'settings'; work?: ReadonlyMap<number, LetterCounts> }) {
  return (
    <nav class="actions" aria-label="部门信箱">
      {scope.handles.length > 1 && (
        <form method="get" action="/admin/letters" class="inline-form">
          <label for="f-organ">机关：</label>
          <select id="f-organ" name="organ">{scope.handles.map((o) => <option value={o.code} selected={o.id === organ.id}>{o.name}{waitingNote(work?.get(o.id))}</option>)}</select>
          <button type="submit" class="btn btn-small">切换</button>
        </form>
      )}
      <a href={`/admin/letters?organ=${organ.code}`} aria-current={current === 'list' ? 'page' : undefined}>来信</a>
      <a href={`/admin/letters/statistics?organ=${organ.code}`} aria-current={current === 'stats' ? 'page' : undefined}>统计</a>
      {scope.canAdmin(organ.id) && <a href={`/admin/letters/settings?organ=${organ.code}`} aria-current={current === 'settings' ? 'page' : undefined}>设置</a>}
    </nav>
  );
}

/** A letter list's views (待办理, 已逾期 …), the current one marked. */
function ViewTabs<V extends string>({ labels, current, href }: { labels: Record<V, string>; current: V; href: (v: V) => string }) {
  return (
    <nav class="actions" aria-label="来信视图">
      {(Object.keys(labels) as V[]).map((v) => <a href={href(v)} aria-current={v === current ? 'page' : undefined} class={v === current ? 'btn btn-small' : undefined}>{labels[v]}</a>)}
    </nav>
  );
}

export function LetterListPage({ scope, organ, view, q, list, today, work }: {
  scope: StaffContext; organ: Organ; view: LetterView; q: string; list: LetterPage; today: string; work: ReadonlyMap<number, LetterCounts>;
}) {
  const href = (v: LetterView, page = 1) => `/admin/letters?${new URLSearchParams({ organ: organ.code, view: v, page: String(page), ...(q ? { q } : {}) })}`;
  return (
    <AdminLayout title="部门信箱" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>部门信箱 · {organ.name}</h1>
      <MailboxNav scope={scope} organ={organ} current="list" work={work} />
      <ViewTabs labels={LETTER_VIEW_LABELS} current={view} href={href} />
      {/* A plain GET: works without JavaScript. A number opens its letter; words search this view. */}
      <form method="get" action="/admin/letters" class="actions" role="search">
        <input type="hidden" name="organ" value={organ.code} />
        <input type="hidden" name="view" value={view} />
        <label for="f-q">搜索：</label>
        <input type="search" id="f-q" name="q" value={q} placeholder="来信编号、标题或来信人姓名" />
        <button type="submit" class="btn btn-small">搜索</button>
        {q && <a href={`/admin/letters?organ=${organ.code}&view=${view}`}>清除</a>}
      </form>
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>没有符合条件的来信。{q && view !== 'all' && <a href={href('all')}>在全部来信中搜索</a>}</p>}>
        {/* On a phone each letter is a card (table.list.cards, each cell named by data-label), as 交办来信 below. */}
        <table class="list cards" id="letter-list">
          <thead><tr><th scope="col">编号</th><th scope="col">类型</th><th scope="col">标题</th><th scope="col">状态</th><th scope="col">收到日期</th><th scope="col">答复期限</th><th scope="col">三个月期限</th><th scope="col">承办单位</th></tr></thead>
          <tbody>{list.items.map((l) => {
            const open = isLetterOpen(l.state);
            return (
              <tr>
                <td data-label="编号"><a href={`/admin/letters/${l.id}`}>{l.trackingNo}</a></td>
                <td data-label="类型">{LETTER_TYPE_LABELS[l.type]}</td>
                {/* The title links too: on a phone's card it is what one taps (found by an outside tester). */}
                <td data-label="标题"><a href={`/admin/letters/${l.id}`}>{l.subject}</a></td>
                <td data-label="状态">{LETTER_STATE_LABELS[l.state]}</td>
                <td data-label="收到日期">{l.receivedOn}</td>
                <td data-label="答复期限"><DeadlineStanding on={l.dueOn} today={today} open={open} /></td>
                <td data-label="三个月期限">{l.threeMonthOn}{open && l.threeMonthOn < today && <strong class="overdue">（已超过三个月）</strong>}</td>
                <td data-label="承办单位">{l.unitId === null ? '—' : <UnitAnswer letter={l} unitName={scope.organs.find((o) => o.id === l.unitId)?.name ?? ''} today={today} />}</td>
              </tr>
            );
          })}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(p) => href(view, p)} />
    </AdminLayout>
  );
}

/** The unit's 报送期限 still runs: the letter is open and the unit has not sent its note (unitOpinionOverdue once past it). */
const awaitingUnit = (l: Letter): boolean => isLetterOpen(l.state) && l.unitOpinionOn === null;

/** The unit a letter is handed to, and whether it has written its 办理意见 for the organ's handler yet. */
function UnitAnswer({ letter, unitName, today }: { letter: Letter; unitName: string; today: string }) {
  return (<>
    {unitName}{letter.unitOpinionOn ? `（${letter.unitOpinionOn}已报送办理意见）` : letter.unitReportByOn ? `（尚未报送办理意见，报送期限${letter.unitReportByOn}，含当日）` : '（尚未报送办理意见）'}
    {unitOpinionOverdue(letter, today) && <strong class="overdue-alert">（报送逾期）</strong>}
    {unitOpinionUnread(letter) && <strong class="unit-opinion-new">（新报送，待阅办）</strong>}
  </>);
}

export const UNIT_LETTER_VIEW_LABELS: Record<UnitLetterView, string> = { awaiting_opinion: '待报送办理意见', open: '办理中', all: '全部' };

/**
 * 交办给本单位的来信: what the organs handed to the person's units. The unit reads each letter and writes
 * its 办理意见 on the letter's page; the organ replies to the writer (条例第二十七条).
 */
export function UnitLetterListPage({ scope, view, list, today, unitCount }: { scope: StaffContext; view: UnitLetterView; list: LetterPage; today: string; unitCount: number }) {
  // Someone on one unit reads letters of one organ to one unit: the two columns would repeat the same names on every row.
  const several = unitCount > 1;
  const href = (v: UnitLetterView, page = 1) => `/admin/letters/units?view=${v}&page=${page}`;
  const name = (id: number | null) => scope.organs.find((o) => o.id === id)?.name ?? '';
  return (
    <AdminLayout title="交办给本单位的来信" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>交办给本单位的来信</h1>
      <p class="hint">部门信箱来信由所属机关答复来信人；交办给本单位的，请阅看来信并报送办理意见（承办情况），机关据此答复（《政府信息公开条例》第二十七条）。</p>
      <ViewTabs labels={UNIT_LETTER_VIEW_LABELS} current={view} href={href} />
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>没有符合条件的来信。</p>}>
        {/* On a phone each letter is a card (table.list.cards, each cell named by data-label), as the portal's letter lists. */}
        <table class="list cards" id="unit-letter-list">
          <thead><tr><th scope="col">编号</th><th scope="col">标题</th>{several && <><th scope="col">交办机关</th><th scope="col">承办单位</th></>}<th scope="col">状态</th><th scope="col">答复期限</th><th scope="col">报送期限</th><th scope="col">办理意见</th></tr></thead>
          <tbody>{list.items.map((l) => {
            const open = isLetterOpen(l.state);
            return (
              <tr>
                <td data-label="编号"><a href={`/admin/letters/${l.id}`}>{l.trackingNo}</a></td>
                <td data-label="标题"><a href={`/admin/letters/${l.id}`}>{l.subject}</a>{l.unitInstructions && <div class="hint unit-instructions">交办意见：{l.unitInstructions}</div>}</td>
                {several && <><td data-label="交办机关">{name(l.organId)}</td><td data-label="承办单位">{name(l.unitId)}</td></>}
                <td data-label="状态">{LETTER_STATE_LABELS[l.state]}</td>
                <td data-label="答复期限"><DeadlineStanding on={l.dueOn} today={today} open={open} /></td>
                <td data-label="报送期限">{l.unitReportByOn ? <DeadlineStanding on={l.unitReportByOn} today={today} open={awaitingUnit(l)} /> : '—'}</td>
                <td data-label="办理意见">{l.unitOpinionOn ? `${l.unitOpinionOn}已报送` : '尚未报送'}</td>
              </tr>
            );
          })}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(p) => href(view, p)} />
    </AdminLayout>
  );
}

export type VerbFailure = { verb: LetterVerb; errors: FieldErrors; values: Record<string, string> } | null;

function VerbForm({ letter, verb, d, csrf, failed }: { letter: Letter; verb: LetterVerb; d: LetterDetails; csrf: string; failed: VerbFailure }) {
  const errors = failed?.verb === verb ? failed.errors : {};
  const values = failed?.verb === verb ? failed.values : {};
  const fields = () => {
    switch (verb) {
      case 'assign':
        return (<>
          <Field name="unitId" label="承办单位" errors={errors} required><select id="f-unitId" name="unitId"><option value="">请选择</option>{d.units.map((u) => <option value={String(u.id)} selected={String(u.id) === values.unitId}>{u.name}</option>)}</select></Field>
          <Field name="instructions" label="交办意见" errors={errors} hint="请承办单位做什么（如：核实情况、提出处理意见），承办单位在来信页面和列表上看到。"><textarea id="f-instructions" name="instructions" rows={3}>{values.instructions ?? ''}</textarea></Field>
          <Field name="reportByOn" label="报送期限" errors={errors} hint={`承办单位报送办理意见的最后一天，不晚于答复期限${letter.dueOn}；可不填。`}><input type="date" id="f-reportByOn" name="reportByOn" max={letter.dueOn} value={values.reportByOn ?? ''} /></Field>
        </>);
      case 'transfer':
        return (<>
          <Field name="targetOrganId" label="转至机关" errors={errors} required><select id="f-targetOrganId" name="targetOrganId"><option value="">请选择</option>{d.otherOrgans.map((o) => <option value={String(o.id)} selected={String(o.id) === values.targetOrganId}>{o.name}</option>)}</select></Field>
          <Field name="reason" label="转办理由" errors={errors} required><textarea id="f-transfer-reason" name="reason" rows={2}>{values.reason ?? ''}</textarea></Field>
        </>);
      case 'reply': {
        const followUps = d.events.filter((e) => e.verb === 'recordFollowUp');
        const opinions = d.events.filter((e) => e.verb === 'recordUnitOpinion');
        return (<>
          {opinions.length > 0 && (
            <div class="notice notice-info" id="reply-unit-opinions"><p>承办单位报送的办理意见：</p>
              <ul>{opinions.map((e) => <li>{e.occurredOn} {String(e.data.unitName ?? '')}（{e.actorLabel}）：{e.note}</li>)}</ul>
            </div>
          )}
          {followUps.length > 0 && (
            <div class="notice notice-info" id="reply-follow-ups"><p>可在答复中引用的跟进记录：</p>
              <ul>{followUps.map((e) => <li>{String(e.data.on ?? '')} {FOLLOW_UP_LABELS[e.data.kind as keyof typeof FOLLOW_UP_LABELS] ?? ''}（{String(e.data.participants ?? '')}）：{e.note}</li>)}</ul>
            </div>
          )}
          <Field name="replyText" label="答复内容" errors={errors} required
            hint={letter.publishConsent ? '来信人同意公开：答复后来信和答复在网上公开，来信人姓名显示为“张**”式样，身份证号、手机号、银行卡号、电子邮箱、住址的楼栋门牌、来信人留的座机和QQ/微信号自动遮盖；答复中本机关的咨询电话照常显示，写到来信人电话时请注明“您的电话”等，以便遮盖。' : undefined}><textarea id="f-replyText" name="replyText" rows={8}>{values.replyText ?? letter.replyText ?? ''}</textarea></Field>
        </>);
      }
      case 'returnReply':
      case 'notAccept':
        return <Field name="reason" label={verb === 'notAccept' ? '不予受理理由（如：属于信访事项）' : '退回理由'} errors={errors} required><textarea id={`f-${verb}-reason`} name="reason" rows={2}>{values.reason ?? ''}</textarea></Field>;
      case 'withdrawPublication':
        return <Field name="reason" label="撤下公开的理由（记入办理记录和审计日志）" errors={errors} required
          hint="撤下后公众在网上看不到这件来信和答复，可随时重新公开。"><textarea id="f-withdrawPublication-reason" name="reason" rows={2}>{values.reason ?? ''}</textarea></Field>;
      case 'editPublicText':
        return (<>
          <p class="hint">在此删改公开版本（如他人姓名、以文字写出的住址）。来信原文保留不变；身份证号、电话、住址门牌等仍会自动遮盖。内容与原文相同即恢复原文。</p>
          <Field name="publicSubject" label="公开的标题" errors={errors} required><input type="text" id="f-publicSubject" name="publicSubject" value={values.publicSubject ?? letter.publicSubject ?? letter.subject} /></Field>
          <Field name="publicContent" label="公开的来信内容" errors={errors} required><textarea id="f-publicContent" name="publicContent" rows={8}>{values.publicContent ?? letter.publicContent ?? letter.content}</textarea></Field>
          {letter.replyText !== null && <Field name="publicReplyText" label="公开的答复内容" errors={errors} required hint="答复原文保留不变，只改网上公开的版本。"><textarea id="f-publicReplyText" name="publicReplyText" rows={6}>{values.publicReplyText ?? letter.publicReplyText ?? letter.replyText}</textarea></Field>}
          <Field name="reason" label="修改理由（记入办理记录和审计日志）" errors={errors} required><textarea id="f-editPublicText-reason" name="reason" rows={2}>{values.reason ?? ''}</textarea></Field>
        </>);
      case 'recordUnitOpinion':
        return <Field name="opinion" label="办理意见（承办情况）" errors={errors} required
          hint={`报送${d.organ.name}，记入办理记录和审计日志；由${d.organ.name}答复来信人，本单位不直接答复。`}><textarea id="f-opinion" name="opinion" rows={6}>{values.opinion ?? ''}</textarea></Field>;
      case 'recordFollowUp':
        return (<>
          <Field name="kind" label="跟进方式" errors={errors} required><select id="f-kind" name="kind">{FOLLOW_UP_KINDS.map((k) => <option value={k} selected={values.kind === k}>{FOLLOW_UP_LABELS[k]}</option>)}</select></Field>
          <Field name="on" label="日期" errors={errors} required><input type="date" id="f-on" name="on" value={values.on ?? ''} /></Field>
          <Field name="participants" label="参加人员" errors={errors} required><input type="text" id="f-participants" name="participants" value={values.participants ?? ''} /></Field>
          <Field name="notes" label="跟进情况" errors={errors} required><textarea id="f-notes" name="notes" rows={3}>{values.notes ?? ''}</textarea></Field>
        </>);
      default:
        return null;
    }
  };
  return (
    <form method="post" action={`/admin/letters/${letter.id}/${verb}`} class="verb-form" id={`verb-${verb}`}>
      <h3>{LETTER_TRANSITIONS[verb].label}</h3>
      <ErrorSummary errors={errors} />
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="version" value={String(letter.version)} />
      {fields()}
      <button type="submit" class="btn btn-small">{LETTER_TRANSITIONS[verb].label}</button>
      {verb === 'reply' && letter.publishConsent && (
        <button type="submit" class="btn btn-small btn-secondary" formaction={`/admin/letters/${letter.id}/reply-preview`}>预览公开版本（不发送）</button>
      )}
    </form>
  );
}

/** One photo at a time onto a follow-up record; the CSRF field comes before the file (docs/security.md). */
function PhotoForm({ letterId, eventId, csrf, failed }: { letterId: number; eventId: number; csrf: string; failed: VerbFailure }) {
  const errors = failed?.verb === 'attachPhoto' && failed.values.followUpEventId === String(eventId) ? failed.errors : {};
  return (
    <form method="post" action={`/admin/letters/${letterId}/follow-ups/${eventId}/photos`} enctype="multipart/form-data" class="inline-form" id={`photo-${eventId}`}>
      <input type="hidden" name="_csrf" value={csrf} />
      <ErrorSummary errors={errors} />
      <label for={`f-photo-${eventId}`}>照片（JPG、PNG，10 MB以内）</label>
      <input type="file" id={`f-photo-${eventId}`} name="file" accept=".jpg,.jpeg,.png" />
      <button type="submit" class="btn btn-small">上传照片</button>
    </form>
  );
}

/** `previewing`: the page answers 预览公开版本, with the typed reply kept in its form and shown masked in the public version. */
export function LetterPageView({ scope, d, today, failed, previewing = false, queryCodeFailed = null }: {
  scope: StaffContext; d: LetterDetails; today: string; failed: VerbFailure; previewing?: boolean;
  /** A refused 重新设置查询码: its reasons and what was typed. */
  queryCodeFailed?: { errors: FieldErrors; verifiedBy: string } | null;
}) {
  const l = d.letter;
  const open = isLetterOpen(l.state);
  // Offered as forms: the verbs this person can use; the others of the state show why not (as the review panel does).
  const verbs = d.verbs.filter((c) => c.refused.length === 0).map((c) => c.verb);
  const refused = d.verbs.filter((c) => c.refused.length > 0);
  return (
    <AdminLayout title={`来信 ${l.trackingNo}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>来信 {l.trackingNo}</h1>
      {d.access === 'unit' ? (<>
        <p><a href="/admin/letters/units">返回交办给本单位的来信</a></p>
        <p class="notice notice-info" id="unit-notice">这件来信由{d.organ.name}交办{d.organNames.get(l.unitId!)}办理。下属单位不直接答复来信人：请阅看来信，在下方报送办理意见（承办情况），由{d.organ.name}据此答复（《政府信息公开条例》第二十七条）。</p>
      </>) : <p><a href={`/admin/letters?organ=${d.organ.code}`}>返回{d.organ.name}部门信箱</a></p>}
      <table class="meta-table" id="letter-meta"><tbody>
        <tr><th scope="row">状态</th><td id="letter-state">{LETTER_STATE_LABELS[l.state]}</td></tr>
        <tr><th scope="row">类型</th><td>{LETTER_TYPE_LABELS[l.type]}</td></tr>
        <tr><th scope="row">标题</th><td>{l.subject}</td></tr>
        <tr><th scope="row">来信人</th><td>{l.writerName}（{l.contact}）{l.publishConsent ? '，同意公开' : '，不同意公开'}</td></tr>
        <tr><th scope="row">来信日期</th><td>{l.submittedOn}</td></tr>
        <tr><th scope="row">{d.access === 'unit' ? `${d.organ.name}收到日期` : '本机关收到日期'}</th><td>{l.receivedOn}{l.transferCount > 0 ? `（转办${l.transferCount}次）` : ''}</td></tr>
        <tr><th scope="row">答复期限</th><td id="due-on">{l.dueWorkingDays}个工作日，至<DeadlineStanding on={l.dueOn} today={today} open={open} /></td></tr>
        <tr><th scope="row">三个月期限</th><td>{l.threeMonthOn}{open && l.threeMonthOn < today && <strong class="overdue"> 已超过三个月未答复</strong>}</td></tr>
        {l.unitId && <tr><th scope="row">承办单位</th><td id="letter-unit"><UnitAnswer letter={l} unitName={d.organNames.get(l.unitId) ?? ''} today={today} /></td></tr>}
        {l.unitId && l.unitInstructions && <tr><th scope="row">交办意见</th><td class="pre-wrap" id="letter-unit-instructions">{l.unitInstructions}</td></tr>}
        {l.unitId && l.unitReportByOn && <tr><th scope="row">报送期限</th><td id="letter-unit-report-by"><DeadlineStanding on={l.unitReportByOn} today={today} open={awaitingUnit(l)} />{unitOpinionOverdue(l, today) && '，尚未报送办理意见'}</td></tr>}
        {l.repliedOn && <tr><th scope="row">答复日期</th><td>{l.repliedOn}</td></tr>}
        {l.rating && <tr><th scope="row">评价</th><td>{RATING_LABELS[l.rating]}{l.ratingComment ? `：${l.ratingComment}` : ''}</td></tr>}
        {l.notAcceptedReason && <tr><th scope="row">不予受理理由</th><td>{l.notAcceptedReason}</td></tr>}
      </tbody></table>
      <h2>来信内容</h2>
      <p class="pre-wrap">{l.content}</p>
      {l.replyText && (<><h2>答复内容{l.state === 'reply_review' ? '（待审核）' : ''}</h2><p class="pre-wrap" id="reply-text">{l.replyText}</p></>)}
      {d.publicVersion && (
        <section id="public-version" aria-labelledby="public-version-h" tabindex={previewing ? -1 : undefined} autofocus={previewing || undefined}>
          <h2 id="public-version-h">{previewing ? '预览：答复后网上公开的版本（尚未发送）' : l.publicationWithdrawnReason !== null ? '已撤下公开的版本（公众看不到）' : l.state === 'replied' ? '网上公开的版本' : '答复后网上公开的版本'}</h2>
          {l.publicationWithdrawnReason !== null && <p class="notice notice-info" id="publication-withdrawn">已撤下公开，理由：{l.publicationWithdrawnReason}</p>}
          {/* Say when the public sees it: a withdrawn letter is seen by nobody until it is republished. */}
          <p class="hint" id="public-version-hint">来信人同意公开。个人信息已遮盖，{l.publicationWithdrawnReason !== null ? '重新公开后公众将看到的内容如下' : l.state === 'replied' && !previewing ? '公众看到的内容如下' : '答复后公众将看到的内容如下'}{d.publicVersion.replyText ? '' : '；答复内容在起草答复后显示，填写答复时可点“预览公开版本”查看'}。</p>
          <table class="meta-table"><tbody>
            <tr><th scope="row">标题</th><td>{d.publicVersion.subject}</td></tr>
            <tr><th scope="row">来信人</th><td>{d.publicVersion.writer}</td></tr>
            <tr><th scope="row">来信内容</th><td class="pre-wrap">{d.publicVersion.content}</td></tr>
            {d.publicVersion.replyText && <tr><th scope="row">答复内容</th><td class="pre-wrap">{d.publicVersion.replyText}</td></tr>}
          </tbody></table>
        </section>
      )}
      <h2>办理记录</h2>
      <ol id="letter-history">{d.events.map((e) => (
        <li>{e.occurredOn} {d.organNames.get(e.organId)} {e.verb === 'submit' ? '收到来信' : `${e.actorLabel}：${e.verb === 'resetQueryCode' ? '重新设置查询码' : LETTER_TRANSITIONS[e.verb as LetterVerb]?.label ?? e.verb}`}
          {e.verb === 'recordFollowUp' ? `（${FOLLOW_UP_LABELS[e.data.kind as keyof typeof FOLLOW_UP_LABELS] ?? ''}，${String(e.data.on ?? '')}，${String(e.data.participants ?? '')}）` : ''}
          {e.verb === 'transfer' ? `至${String(e.data.toOrganName ?? '')}` : ''}{e.verb === 'recordUnitOpinion' ? `（${String(e.data.unitName ?? '')}）` : ''}
          {e.verb === 'assign' ? `至${String(e.data.unitName ?? '')}${e.data.reportByOn ? `，报送期限${String(e.data.reportByOn)}` : ''}` : ''}{e.verb === 'attachPhoto' ? '：' : e.note ? `：${e.verb === 'submit' ? e.note.replace(/^收到来信，/, '') : e.note}` : ''}
          {e.verb === 'attachPhoto' && <a href={`/admin/letters/${l.id}/photos/${e.id}`}>{String(e.data.fileName ?? '')}</a>}
          {e.verb === 'recordFollowUp' && d.access === 'handler' && letterVerbsIn(l.state).includes('attachPhoto') && <PhotoForm letterId={l.id} eventId={e.id} csrf={scope.csrf} failed={failed} />}</li>
      ))}</ol>
      {d.verbs.length > 0 && <h2>办理</h2>}
      {failed && !verbs.includes(failed.verb) && failed.verb !== 'attachPhoto' && !refused.some((c) => c.verb === failed.verb) && (
        <div class="error-summary" role="alert" id="verb-refused"><h2>未能“{LETTER_TRANSITIONS[failed.verb].label}”：</h2><ul>{Object.values(failed.errors).map((m) => <li>{m}</li>)}</ul></div>
      )}
      {refused.map((c) => (
        <div class="error-summary" role={failed?.verb === c.verb ? 'alert' : 'note'} id={`verb-${c.verb}-refused`}><h2>{failed?.verb === c.verb ? '未能' : '暂不能'}“{LETTER_TRANSITIONS[c.verb].label}”：</h2><ul>{c.refused.map((r) => <li>{r.message}</li>)}</ul></div>
      ))}
      {verbs.map((v) => <VerbForm letter={l} verb={v} d={d} csrf={scope.csrf} failed={failed} />)}
      {d.access === 'handler' && <LetterQueryCodeSection letterId={l.id} csrf={scope.csrf} errors={queryCodeFailed?.errors} value={queryCodeFailed?.verifiedBy} />}
    </AdminLayout>
  );
}

export function LetterSettingsPage({ scope, organ, settings, errors, values }: { scope: StaffContext; organ: Organ; settings: LetterSettings; errors: FieldErrors; values: Record<string, string> | null }) {
  return (
    <AdminLayout title="部门信箱设置" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>部门信箱设置 · {organ.name}</h1>
      <MailboxNav scope={scope} organ={organ} current="settings" />
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/letters/settings?organ=${organ.code}`}>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        {LETTER_TYPES.map((t) => (
          <Field name={`${t}Days`} label={`${LETTER_TYPE_LABELS[t]}答复期限（工作日）`} errors={errors} required>
            <input type="number" id={`f-${t}Days`} name={`${t}Days`} min={1} max={60} value={values?.[`${t}Days`] ?? String(settings.replyWorkingDays[t])} />
          </Field>
        ))}
        <p><label><input type="checkbox" name="replyReview" value="yes" checked={values ? values.replyReview === 'yes' : settings.replyReview} /> 答复须经起草人以外的另一名工作人员审核后发出</label></p>
        <p class="hint">新的期限适用于此后收到的来信，已收到来信的答复期限不变。</p>
        <button type="submit" class="btn">保存</button>
      </form>
    </AdminLayout>
  );
}

export function LetterStatisticsPage({ scope, organ, stats }: { scope: StaffContext; organ: Organ; stats: LetterStatistics }) {
  const q = `organ=${organ.code}&from=${stats.from}&to=${stats.to}`;
  return (
    <AdminLayout title="部门信箱统计" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>部门信箱统计 · {organ.name}</h1>
      <MailboxNav scope={scope} organ={organ} current="stats" />
      <form method="get" action="/admin/letters/statistics" class="actions">
        <input type="hidden" name="organ" value={organ.code} />
        <label for="f-from">自</label><input type="date" id="f-from" name="from" value={stats.from} />
        <label for="f-to">至</label><input type="date" id="f-to" name="to" value={stats.to} />
        <button type="submit" class="btn btn-small">统计</button>
        <a class="btn btn-small" href={`/admin/letters/statistics.xlsx?${q}`}>导出 XLSX</a>
      </form>
      <table class="meta-table" id="letter-stats"><tbody>
        {statisticsRows(stats).map(([k, v]) => <tr><th scope="row">{k}</th><td>{String(v)}</td></tr>)}
      </tbody></table>
      <p class="hint">统计{chineseDate(stats.from)}至{chineseDate(stats.to)}本机关收到（含转来）的来信；答复后{7}日内未评价的计为满意。</p>
    </AdminLayout>
  );
}

export const statisticsRows = (s: LetterStatistics): [string, string | number][] => [
  ['收到来信', s.received], ['已答复', s.replied], ['按期答复', s.repliedOnTime], ['不予受理', s.notAccepted], ['办理中', s.open],
  ['平均答复用时（工作日）', s.averageWorkingDays ?? '—'], ['超过三个月未答复', s.pastThreeMonths],
  ...RATINGS.map((r): [string, number] => [RATING_LABELS[r], s.ratings[r]]), ['待评价', s.unrated],
];
