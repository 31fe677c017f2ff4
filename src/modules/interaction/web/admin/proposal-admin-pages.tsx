import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { ErrorSummary, Field, PagedList, Pagination, type FieldErrors } from '../../../../platform/views/components.tsx';
import { DeadlineStanding } from '../../../applications/index.ts';
import type { Organ, StaffContext } from '../../../catalog/index.ts';
import { RATING_LABELS, RATINGS } from '../../domain/letter.ts';
import {
  dueStatus, HANDLING_ROLE_LABELS, HANDLING_ROLES, PROPOSAL_KIND_LABELS, PROPOSAL_KINDS, PROPOSAL_RESULT_LABELS, PROPOSAL_RESULTS, PROPOSAL_STATE_LABELS,
  publishDecisionLate, type Proposal, type ProposalSettings,
} from '../../domain/proposal.ts';
import { PROPOSAL_TRANSITIONS, proposalVerbsIn, type ProposalVerb } from '../../domain/proposal-verbs.ts';
import { PROPOSAL_VIEWS, type ProposalFilter } from '../../storage/proposals-repository.ts';
import { proposalVerbLabel, type ProposalDetails, type ProposalList } from '../../use-cases/proposals.ts';
import { PROPOSAL_VIEW_LABELS, proposalFilterQuery } from '../proposal-filter.ts';

type Values = Record<string, string>;

/** `waiting`, on the list: the records 待办 reminds of per organ, named in the organ switch. */
function ProposalsNav({ scope, organ, current, waiting }: { scope: StaffContext; organ: Organ; current: 'list' | 'new' | 'settings'; waiting?: ReadonlyMap<number, number> }) {
  return (
    <nav class="actions" aria-label="建议提案办理">
      {scope.handles.length > 1 && (
        <form method="get" action="/admin/proposals" class="inline-form">
          <label for="f-organ">机关：</label>
          <select id="f-organ" name="organ">{scope.handles.map((o) => <option value={o.code} selected={o.id === organ.id}>{scope.switchName(o, waiting)}</option>)}</select>
          <button type="submit" class="btn btn-small">切换</button>
        </form>
      )}
      <a href={`/admin/proposals?organ=${organ.code}`} aria-current={current === 'list' ? 'page' : undefined}>建议提案</a>
      <a href={`/admin/proposals/new?organ=${organ.code}`} aria-current={current === 'new' ? 'page' : undefined}>登记建议提案</a>
      {scope.canAdmin(organ.id) && <a href={`/admin/proposals/settings?organ=${organ.code}`} aria-current={current === 'settings' ? 'page' : undefined}>设置</a>}
      <a href={`/organs/${organ.code}/proposals`}>门户上的办理结果</a>
    </nav>
  );
}

/** The due date with what it means today, as the applications' work list says it: 已逾期, 今日到期 or 即将到期 in words, not only in colour. */
function DueCell({ p, today, dueSoonOn }: { p: Proposal; today: string; dueSoonOn: string }) {
  return (
    <>
      <DeadlineStanding on={p.dueOn} today={today} open={p.state === 'registered'} soon={dueStatus(p, today, dueSoonOn) === 'due_soon'} />
      {p.repliedOn && p.repliedOn > p.dueOn && <span class="count">（逾期答复）</span>}
    </>
  );
}

export function ProposalListPage({ scope, organ, list, filter, waiting }: { scope: StaffContext; organ: Organ; list: ProposalList; filter: ProposalFilter; waiting?: ReadonlyMap<number, number> }) {
  const href = (page: number) => `/admin/proposals?organ=${organ.code}&${proposalFilterQuery(filter)}&page=${page}`;
  return (
    <AdminLayout title="建议提案办理" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>建议提案办理 · {organ.name}</h1>
      <ProposalsNav scope={scope} organ={organ} current="list" waiting={waiting} />
      <form method="get" action="/admin/proposals" class="actions" aria-label="筛选">
        <input type="hidden" name="organ" value={organ.code} />
        <label for="f-year">年度</label>
        <select id="f-year" name="year"><option value="">全部</option>{list.years.map((y) => <option value={String(y)} selected={filter.year === y}>{y}</option>)}</select>
        <label for="f-kind">类别</label>
        <select id="f-kind" name="kind"><option value="">全部</option>{PROPOSAL_KINDS.map((k) => <option value={k} selected={filter.kind === k}>{PROPOSAL_KIND_LABELS[k]}</option>)}</select>
        <label for="f-state">状态</label>
        <select id="f-state" name="state">{PROPOSAL_VIEWS.map((v) => <option value={v === 'all' ? '' : v} selected={filter.view === v}>{PROPOSAL_VIEW_LABELS[v]}</option>)}</select>
        <button type="submit" class="btn btn-small">筛选</button>
      </form>
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>没有符合条件的建议提案。</p>}>
        <table class="list" id="proposal-list">
          <thead><tr><th scope="col">编号</th><th scope="col">类别</th><th scope="col">标题</th><th scope="col">代表委员</th><th scope="col">承办</th><th scope="col">收到日期</th><th scope="col">答复期限</th><th scope="col">状态</th></tr></thead>
          <tbody>{list.items.map((p) => (
            <tr>
              <td class="nowrap"><a href={`/admin/proposals/${p.id}`}>{p.year}年{p.number}</a></td>
              <td>{PROPOSAL_KIND_LABELS[p.kind]}</td>
              <td>{p.title}</td>
              <td>{p.submitters}</td>
              <td>{HANDLING_ROLE_LABELS[p.role]}</td>
              <td class="nowrap">{p.receivedOn}</td>
              <td class="nowrap"><DueCell p={p} today={list.today} dueSoonOn={list.dueSoonOn} /></td>
              <td>{PROPOSAL_STATE_LABELS[p.state]}{publishDecisionLate(p, list.today) && <strong class="status-draft">（公开决定已逾期）</strong>}</td>
            </tr>
          ))}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={href} />
    </AdminLayout>
  );
}

/** A group of radio buttons with its legend and error, as the mailbox form writes one. */
function RadioGroup({ name, legend, options, label, value, errors, required = true }: {
  name: string; legend: string; options: readonly string[]; label: (o: string) => string; value: string; errors: FieldErrors; required?: boolean;
}) {
  return (
    <fieldset class={errors[name] ? 'field-error' : undefined} aria-describedby={errors[name] ? `e-${name}` : undefined}>
      <legend>{legend}{required && <span class="required" aria-hidden="true">＊</span>}</legend>
      {errors[name] && <p class="error-message" id={`e-${name}`}>{errors[name]}</p>}
      {options.map((o) => <label class="inline"><input type="radio" name={name} value={o} checked={value === o} /> {label(o)}</label>)}
    </fieldset>
  );
}

/** The registration fields, for registering and for correcting a registration. */
function RegistrationFields({ values, errors, settings }: { values: Values; errors: FieldErrors; settings: ProposalSettings }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <RadioGroup name="kind" legend="类别" options={PROPOSAL_KINDS} label={(k) => PROPOSAL_KIND_LABELS[k as keyof typeof PROPOSAL_KIND_LABELS]} value={v('kind')} errors={errors} />
      <div class="columns-2">
        <Field name="number" label="编号" errors={errors} required hint="如 第0123号（只填数字时自动写作“第…号”）"><input id="f-number" name="number" value={v('number')} maxLength={30} /></Field>
        <Field name="year" label="年度" errors={errors} hint="不填则取收到日期的年份"><input id="f-year" name="year" inputMode="numeric" value={v('year')} maxLength={4} /></Field>
      </div>
      <Field name="title" label="标题" errors={errors} required hint="如 关于加快城区老旧小区加装电梯的建议"><input id="f-title" name="title" value={v('title')} maxLength={200} /></Field>
      <Field name="submitters" label="代表或委员姓名" errors={errors} required hint="多人联名时用顿号分隔，如 王某、李某"><input id="f-submitters" name="submitters" value={v('submitters')} maxLength={200} /></Field>
      <Field name="session" label="届次会议" errors={errors} required hint="如 县十八届人大五次会议、县政协十二届五次会议"><input id="f-session" name="session" value={v('session')} maxLength={100} /></Field>
      <RadioGroup name="role" legend="承办方式" options={HANDLING_ROLES} label={(r) => HANDLING_ROLE_LABELS[r as keyof typeof HANDLING_ROLE_LABELS]} value={v('role')} errors={errors} />
      <Field name="partnerOrgans" label="主办或协办单位" errors={errors} hint="本机关协办时写主办单位，主办时写协办单位（可不填）"><input id="f-partnerOrgans" name="partnerOrgans" value={v('partnerOrgans')} maxLength={200} /></Field>
      <div class="columns-2">
        <Field name="receivedOn" label="收到（交办）日期" errors={errors} required><input id="f-receivedOn" name="receivedOn" type="date" value={v('receivedOn')} /></Field>
        <Field name="dueOn" label="答复期限" errors={errors} hint={`交办文件规定了期限时填写；不填则为收到日期后${settings.dueMonths}个月（本机关设置）`}><input id="f-dueOn" name="dueOn" type="date" value={v('dueOn')} /></Field>
      </div>
    </>
  );
}

export function NewProposalPage({ scope, organ, values, errors, settings }: { scope: StaffContext; organ: Organ; values: Values; errors: FieldErrors; settings: ProposalSettings }) {
  return (
    <AdminLayout title={`登记建议提案：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>登记建议提案 · {organ.name}</h1>
      <ProposalsNav scope={scope} organ={organ} current="new" />
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/proposals/new?organ=${organ.code}`} novalidate id="register-form">
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <RegistrationFields values={values} errors={errors} settings={settings} />
        <div class="actions"><button class="btn" type="submit">登记</button><a href={`/admin/proposals?organ=${organ.code}`}>返回</a></div>
      </form>
    </AdminLayout>
  );
}

export type ProposalVerbFailure = { verb: ProposalVerb; errors: FieldErrors; values: Values } | null;

const registrationValues = (p: Proposal): Values => ({
  kind: p.kind, number: p.number, year: String(p.year), title: p.title, submitters: p.submitters, session: p.session, role: p.role,
  partnerOrgans: p.partnerOrgans, receivedOn: p.receivedOn, dueOn: p.dueExplicit ? p.dueOn : '',
});

function VerbForm({ p, verb, csrf, failed, settings, today }: { p: Proposal; verb: ProposalVerb; csrf: string; failed: ProposalVerbFailure; settings: ProposalSettings; today: string }) {
  const errors = failed?.verb === verb ? failed.errors : {};
  const values = failed?.verb === verb ? failed.values : {};
  const label = PROPOSAL_TRANSITIONS[verb].label;
  const fields = () => {
    switch (verb) {
      case 'edit':
        return <RegistrationFields values={failed?.verb === 'edit' ? values : registrationValues(p)} errors={errors} settings={settings} />;
      case 'reply':
        return (<>
          <Field name="replyText" label="答复内容" errors={errors} required hint="答复代表或委员的复文全文"><textarea id="f-replyText" name="replyText" rows={8}>{values.replyText ?? ''}</textarea></Field>
          <Field name="repliedOn" label="答复日期" errors={errors} required><input type="date" id="f-repliedOn" name="repliedOn" value={values.repliedOn ?? today} /></Field>
          <RadioGroup name="result" legend="办理结果" options={PROPOSAL_RESULTS} label={(r) => PROPOSAL_RESULT_LABELS[r as keyof typeof PROPOSAL_RESULT_LABELS]} value={values.result ?? ''} errors={errors} />
        </>);
      case 'recordSatisfaction':
        return (<>
          <RadioGroup name="satisfaction" legend="代表委员满意度" options={RATINGS} label={(r) => RATING_LABELS[r as keyof typeof RATING_LABELS]} value={values.satisfaction ?? p.satisfaction ?? ''} errors={errors} />
          <Field name="satisfactionNote" label="代表委员意见（可不填）" errors={errors}><textarea id="f-satisfactionNote" name="satisfactionNote" rows={2}>{values.satisfactionNote ?? ''}</textarea></Field>
        </>);
      case 'publish':
        return <Field name="publicText" label="公开的答复内容" errors={errors} required hint="默认为答复全文，可删去不宜公开的部分；身份证号、手机号等个人信息公开时按隐私扫描的建议自动遮盖，含密级标志的不能公开"><textarea id="f-publicText" name="publicText" rows={8}>{values.publicText ?? p.publicText ?? p.replyText ?? ''}</textarea></Field>;
      case 'withhold':
        return <Field name="withheldReason" label="不予公开的理由" errors={errors} required hint="如 涉及国家秘密；办理复文涉及个人隐私"><textarea id="f-withheldReason" name="withheldReason" rows={2}>{values.withheldReason ?? ''}</textarea></Field>;
      case 'cancel':
        return <Field name="cancelReason" label="撤销登记的理由" errors={errors} required hint="如 重复登记；交办有误，已申请调整承办单位"><textarea id="f-cancelReason" name="cancelReason" rows={2}>{values.cancelReason ?? ''}</textarea></Field>;
    }
  };
  const form = (
    <form method="post" action={`/admin/proposals/${p.id}/${verb}`} class="verb-form" id={`verb-${verb}`} novalidate>
      {verb !== 'edit' && <h3>{label}</h3>}
      <ErrorSummary errors={errors} />
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="version" value={String(p.version)} />
      {fields()}
      <button type="submit" class="btn btn-small">{label}</button>
    </form>
  );
  // Correcting the registration is rare: folded away unless it was just refused.
  return verb === 'edit' ? <details open={failed?.verb === 'edit'}><summary>{label}</summary>{form}</details> : form;
}

export function ProposalPageView({ scope, d, failed }: { scope: StaffContext; d: ProposalDetails; failed: ProposalVerbFailure }) {
  const p = d.proposal;
  const verbs = proposalVerbsIn(p.state);
  const status = dueStatus(p, d.today, d.dueSoonOn);
  return (
    <AdminLayout title={`${p.year}年${p.number} ${p.title}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>{p.title}</h1>
      <p><a href={`/admin/proposals?organ=${d.organ.code}`}>返回{d.organ.name}建议提案</a></p>
      <table class="meta-table" id="proposal-meta"><tbody>
        <tr><th scope="row">状态</th><td id="proposal-state">{PROPOSAL_STATE_LABELS[p.state]}</td></tr>
        <tr><th scope="row">类别、编号</th><td>{PROPOSAL_KIND_LABELS[p.kind]} {p.year}年{p.number}</td></tr>
        <tr><th scope="row">代表委员</th><td>{p.submitters}</td></tr>
        <tr><th scope="row">届次会议</th><td>{p.session}</td></tr>
        <tr><th scope="row">承办方式</th><td>{HANDLING_ROLE_LABELS[p.role]}{p.partnerOrgans ? `（${p.role === 'co' ? '主办单位' : '协办单位'}：${p.partnerOrgans}）` : ''}</td></tr>
        <tr><th scope="row">收到日期</th><td>{p.receivedOn}</td></tr>
        <tr><th scope="row">答复期限</th><td id="due-on">
          {p.dueExplicit ? '交办文件规定' : `收到后${d.settings.dueMonths}个月`}，至<DeadlineStanding on={p.dueOn} today={d.today} open={p.state === 'registered'} soon={status === 'due_soon'} />
        </td></tr>
        {p.repliedOn && <tr><th scope="row">答复日期</th><td>{p.repliedOn}{p.repliedOn > p.dueOn && <strong class="status-draft"> 逾期答复</strong>}</td></tr>}
        {p.result && <tr><th scope="row">办理结果</th><td>{PROPOSAL_RESULT_LABELS[p.result]}</td></tr>}
        {p.satisfaction && <tr><th scope="row">满意度</th><td>{RATING_LABELS[p.satisfaction]}{p.satisfactionNote ? `：${p.satisfactionNote}` : ''}</td></tr>}
        {p.state === 'replied' && p.publishDueOn && <tr><th scope="row">公开决定期限</th><td>答复后{d.settings.publishWorkingDays}个工作日，至<DeadlineStanding on={p.publishDueOn} today={d.today} open={p.state === 'replied'} /></td></tr>}
        {p.publishedOn && <tr><th scope="row">公开日期</th><td>{p.publishedOn}（<a href={`/organs/${d.organ.code}/proposals/${p.id}`}>门户页面</a>）</td></tr>}
        {p.withheldReason && <tr><th scope="row">不予公开理由</th><td>{p.withheldReason}</td></tr>}
        {p.cancelReason && <tr><th scope="row">撤销理由</th><td>{p.cancelReason}</td></tr>}
      </tbody></table>
      {p.replyText && (<><h2>答复内容</h2><p class="pre-wrap" id="reply-text">{p.replyText}</p></>)}
      {p.publicText && p.publicText !== p.replyText && (<><h2>公开的答复内容</h2><p class="pre-wrap" id="public-text">{p.publicText}</p></>)}
      <h2>办理记录</h2>
      <ol id="proposal-history">{d.events.map((e) => (
        <li>{e.occurredOn} {e.actorLabel}：{proposalVerbLabel(e.verb)}
          {e.verb === 'recordSatisfaction' && e.data.satisfaction ? `（${RATING_LABELS[e.data.satisfaction as keyof typeof RATING_LABELS] ?? ''}）` : ''}{e.note ? `：${e.note}` : ''}</li>
      ))}</ol>
      {verbs.length > 0 && <h2>办理</h2>}
      {verbs.map((v) => <VerbForm p={p} verb={v} csrf={scope.csrf} failed={failed} settings={d.settings} today={d.today} />)}
    </AdminLayout>
  );
}

export function ProposalSettingsPage({ scope, organ, settings, errors, values }: { scope: StaffContext; organ: Organ; settings: ProposalSettings; errors: FieldErrors; values: Values | null }) {
  return (
    <AdminLayout title="建议提案设置" user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>建议提案设置 · {organ.name}</h1>
      <ProposalsNav scope={scope} organ={organ} current="settings" />
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/proposals/settings?organ=${organ.code}`} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <Field name="dueMonths" label="答复期限（收到后的月数）" errors={errors} required hint="默认 3 个月；交办文件另有规定的，登记时填写答复期限">
          <input type="number" id="f-dueMonths" name="dueMonths" min={1} max={12} value={values?.dueMonths ?? String(settings.dueMonths)} />
        </Field>
        <Field name="publishWorkingDays" label="公开期限（答复后的工作日数）" errors={errors} required hint="默认 20 个工作日，按工作日历计算">
          <input type="number" id="f-publishWorkingDays" name="publishWorkingDays" min={1} max={60} value={values?.publishWorkingDays ?? String(settings.publishWorkingDays)} />
        </Field>
        <p class="hint">新的设置适用于此后登记或答复的建议提案，已有的期限不变。</p>
        <button type="submit" class="btn">保存</button>
      </form>
    </AdminLayout>
  );
}
