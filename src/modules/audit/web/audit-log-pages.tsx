import type { ComponentChildren } from 'preact';
import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import { ErrorSummary } from '../../../platform/views/components.tsx';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { ACTION_GROUPS, ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel, recordedTitle, targetHref } from '../domain/audit-actions.ts';
import { parseAuditFilter, type AuditFilterOrgan, type AuditFilterQuery } from '../domain/audit-filter.ts';
import { auditActorName, targetKey, type AuditEntry, type AuditTargetNames } from '../storage/audit-reading.ts';

/**
 * Who reads, as the reading pages need it: the frame's user, the CSRF token, organs' names by id, and the
 * organs whose entries they read (机关's choices; every organ for the system administrator).
 */
export type AuditReaderView = { user: AdminUser; csrf: string; organName: (id: number) => string | null; scopeNote: string | null; organs: AuditFilterOrgan[] };

/** The filter form's own fields, kept in the paging links (never `before`, which the links set). */
const FILTER_FIELDS = ['action', 'actor', 'type', 'target', 'organ', 'from', 'to'] as const;

export function auditListHref(q: AuditFilterQuery, before?: number): string {
  const params = new URLSearchParams();
  for (const f of FILTER_FIELDS) if (q[f]?.trim()) params.set(f, q[f]!.trim());
  if (before !== undefined) params.set('before', String(before));
  const s = params.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

/** The GET form: filtering needs no JavaScript. */
export function AuditFilterForm({ q, errors, organs }: { q: AuditFilterQuery; errors: Record<string, string>; organs: AuditFilterOrgan[] }) {
  const v = (f: keyof AuditFilterQuery) => (typeof q[f] === 'string' ? q[f]!.trim() : '');
  const err = (f: string) => errors[f] && <span class="error-message" id={`f-${f}-error`}>{errors[f]}</span>;
  const described = (f: string) => (errors[f] ? `f-${f}-error` : undefined);
  const known = Object.keys(ACTION_LABELS);
  const selected = v('action');
  return (
    <form method="get" action="/admin/audit" class="audit-filter" aria-label="筛选审计记录">
      <fieldset class="plain">
        <p class="field">
          <label for="f-action">操作</label>
          <select id="f-action" name="action" aria-describedby={described('action')} aria-invalid={errors.action ? 'true' : undefined}>
            <option value="">全部操作</option>
            {ACTION_GROUPS.map((g) => (
              <optgroup label={g.label}>
                <option value={`${g.code}.*`} selected={selected === `${g.code}.*`}>{`全部“${g.label}”`}</option>
                {known.filter((a) => a.startsWith(`${g.code}.`)).map((a) => <option value={a} selected={selected === a}>{ACTION_LABELS[a]}</option>)}
              </optgroup>
            ))}
            <optgroup label="其他">
              {known.filter((a) => !ACTION_GROUPS.some((g) => a.startsWith(`${g.code}.`))).map((a) => <option value={a} selected={selected === a}>{ACTION_LABELS[a]}</option>)}
            </optgroup>
          </select>
          {err('action')}
        </p>
        <p class="field">
          <label for="f-actor">操作人（姓名或账号）</label>
          <input id="f-actor" name="actor" value={v('actor')} maxLength={60} aria-describedby={described('actor')} aria-invalid={errors.actor ? 'true' : undefined} />
          {err('actor')}
        </p>
        <p class="field">
          <label for="f-type">对象类型</label>
          <select id="f-type" name="type" aria-describedby={described('type')} aria-invalid={errors.type ? 'true' : undefined}>
            <option value="">全部</option>
            {Object.entries(ENTITY_LABELS).map(([code, label]) => <option value={code} selected={v('type') === code}>{label}</option>)}
          </select>
          {err('type')}
        </p>
        <p class="field">
          <label for="f-target">对象编号</label>
          <input id="f-target" name="target" value={v('target')} maxLength={100} inputMode="numeric" aria-describedby={described('target') ?? 'f-target-hint'} aria-invalid={errors.target ? 'true' : undefined} />
          <span class="hint" id="f-target-hint">如信息的编号（信息页地址中的数字）</span>
          {err('target')}
        </p>
        {/* 机关: the entries recorded against one organ (the 机关 column); offered where the reader reads more than one. */}
        {(organs.length > 1 || errors.organ) && (
          <p class="field">
            <label for="f-organ">机关</label>
            <select id="f-organ" name="organ" aria-describedby={described('organ')} aria-invalid={errors.organ ? 'true' : undefined}>
              <option value="">全部</option>
              {organs.map((o) => <option value={o.code} selected={v('organ') === o.code}>{o.name}</option>)}
            </select>
            {err('organ')}
          </p>
        )}
        <p class="field">
          <label for="f-from">起始日期</label>
          <input id="f-from" name="from" type="date" value={v('from')} aria-describedby={described('from')} aria-invalid={errors.from ? 'true' : undefined} />
          {err('from')}
        </p>
        <p class="field">
          <label for="f-to">截止日期</label>
          <input id="f-to" name="to" type="date" value={v('to')} aria-describedby={described('to')} aria-invalid={errors.to ? 'true' : undefined} />
          {err('to')}
        </p>
        <p class="audit-filter-go"><button class="btn" type="submit">筛选</button> <a class="btn btn-secondary" href="/admin/audit">清除条件</a></p>
      </fieldset>
    </form>
  );
}

/** The entry's target: a link to its page where it has one, with what it is called now (else the title the entry records; a deleted one by its number). */
export function AuditTarget({ e, names }: { e: AuditEntry; names: AuditTargetNames }) {
  const title = names.get(targetKey(e.entityType, e.entityId)) ?? recordedTitle(e.before, e.after);
  const name = `${entityLabel(e.entityType)} ${e.entityId}`;
  const href = targetHref(e.entityType, e.entityId);
  const text = title ? `${name}：${title}` : name;
  return href ? <a href={href}>{text}</a> : <>{text}</>;
}

/** The organ an entry is recorded against, or — for none (sign-ins, accounts, tokens): one way on every row and page. */
export function organText(organId: number | null, organName: (id: number) => string | null): string {
  if (organId === null || !organId) return '—';
  return organName(organId)?.trim() || `机关 ${organId}`;
}

export function AuditEntriesTable({ entries, names, organName, caption }: { entries: AuditEntry[]; names: AuditTargetNames; organName: (id: number) => string | null; caption: string }) {
  return (
    <table class="list cards audit-entries">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">序号</th><th scope="col">时间（北京时间）</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">机关</th></tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td data-label="序号"><a href={`/admin/audit/${e.id}`} aria-label={`第 ${e.id} 条记录详情`}>{e.id}</a></td>
            <td data-label="时间" class="nowrap">{chinaTimeOf(e.occurredAt)}</td>
            <td data-label="操作人">{auditActorName(e, names)}</td>
            <td data-label="操作">{e.action in ACTION_LABELS ? ACTION_LABELS[e.action] : <code>{e.action}</code>}</td>
            <td data-label="对象"><AuditTarget e={e} names={names} /></td>
            <td data-label="机关">{organText(e.organId, organName)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditListPage({ view, q, errors, entries, names, more, head }: {
  view: AuditReaderView; q: AuditFilterQuery; errors: Record<string, string>; entries: AuditEntry[]; names: AuditTargetNames; more: boolean; head: ComponentChildren;
}) {
  const filtered = FILTER_FIELDS.some((f) => q[f]?.trim());
  const paged = typeof q.before === 'string' && q.before.trim() !== '';
  const last = entries[entries.length - 1];
  const ok = Object.keys(errors).length === 0;
  return (
    <AdminLayout title="审计日志" user={view.user} csrfToken={view.csrf}>
      <h1>审计日志</h1>
      {head && <p class="audit-head-jump"><a href="#chain-h">链头哈希与校验</a>在本页末尾。</p>}
      {view.scopeNote && <p>{view.scopeNote}</p>}
      {/* The page position has no field of its own: its message links nowhere. */}
      <ErrorSummary errors={Object.fromEntries(Object.entries(errors).map(([f, m]) => [f === 'before' ? '_form' : f, m]))} heading="筛选条件有误，请修改：" />
      {/* Folded once a filter is set (the results come first on a phone); open on the first visit and when a value is refused. */}
      <details class="audit-filter-fold" open={!filtered || !ok}>
        <summary>{filtered ? '筛选条件（已设置，点击修改）' : '筛选条件'}</summary>
        <AuditFilterForm q={q} errors={errors} organs={view.organs} />
      </details>
      {ok && <h2 id="audit-results-h">{entries.length === 0
        ? (filtered ? '没有符合条件的记录' : '尚无可查看的记录')
        : `${filtered ? '符合条件的记录' : '操作记录'}：本页 ${entries.length} 条${more ? '，另有更早的' : ''}`}</h2>}
      {ok && entries.length > 0 && <AuditEntriesTable entries={entries} names={names} organName={view.organName}
        caption={`${filtered ? '符合条件的' : ''}操作记录，最新的在前${paged ? `（接第 ${q.before!.trim()} 条之后）` : ''}；点序号查看详情`} />}
      {(paged || more) && (
        <nav class="pager" aria-label="翻页">
          {paged && <a href={auditListHref(q)}>最新记录</a>}
          {more && last && <a href={auditListHref(q, last.id)} rel="next">更早的记录</a>}
        </nav>
      )}
      {head}
    </AdminLayout>
  );
}

const json = (v: unknown) => (v === null || v === undefined ? '（无）' : JSON.stringify(v, null, 2));

export function AuditEntryPage({ view, e, names }: { view: AuditReaderView; e: AuditEntry; names: AuditTargetNames }) {
  return (
    <AdminLayout title={`审计记录第 ${e.id} 条`} user={view.user} csrfToken={view.csrf}>
      <p><a href="/admin/audit">返回审计日志</a></p>
      <h1>审计记录第 {e.id} 条：{actionLabel(e.action)}</h1>
      <table class="meta-table">
        <caption class="visually-hidden">记录内容</caption>
        <tbody>
          <tr><th scope="row">时间</th><td>{chinaTimeOf(e.occurredAt)}（北京时间；记录值 <code class="nowrap">{e.occurredAt}</code>）</td></tr>
          <tr><th scope="row">操作人</th><td>{auditActorName(e, names)}{e.actorUserId !== null && <>（用户编号 <a href={`/admin/users/${e.actorUserId}`}>{e.actorUserId}</a>）</>}</td></tr>
          <tr><th scope="row">操作</th><td>{actionLabel(e.action)}（<code>{e.action}</code>）</td></tr>
          <tr><th scope="row">对象</th><td><AuditTarget e={e} names={names} /></td></tr>
          <tr><th scope="row">机关</th><td>{organText(e.organId, view.organName)}</td></tr>
          <tr><th scope="row">前序哈希</th><td><code class="audit-hash">{e.prevHash}</code></td></tr>
          <tr><th scope="row">本条哈希</th><td><code class="audit-hash">{e.hash}</code></td></tr>
        </tbody>
      </table>
      <h2>变更前</h2>
      <pre class="audit-json">{json(e.before)}</pre>
      <h2>变更后</h2>
      <pre class="audit-json">{json(e.after)}</pre>
      {/* Only where the filter can take this target (an unknown kind, or an odd recorded id, would be refused). */}
      {parseAuditFilter({ type: e.entityType, target: e.entityId }).ok && <p><a href={auditListHref({ type: e.entityType, target: e.entityId })}>同一对象的全部记录</a></p>}
    </AdminLayout>
  );
}
