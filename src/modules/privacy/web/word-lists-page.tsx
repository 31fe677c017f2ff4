import { AdminLayout, type AdminUser } from '../../../platform/views/admin-layout.tsx';
import type { Flash } from '../../../platform/views/flash.tsx';
import { ErrorSummary, Field, type FieldErrors } from '../../../platform/views/components.tsx';
import { chinaDateOf } from '../../../shared/iso-date.ts';

type Row = { id: number; name: string; organ_name: string | null; word_count: number; updated_at: string };

/** Sensitive-word lists: what the scanner checks besides personal data and secrecy markings. */
/**
 * `organs` and `mayRegion` are the scopes the person may save a list to (saveWordList's rule,
 * mayManageOrganSetting): their organs as an admin, 全区通用 as the system admin. With none, there is no
 * form to fill in only to be refused, but a sentence saying who maintains the lists.
 */
export function WordListsPage({ user, csrf, flash, lists, organs, mayRegion, values, errors, editingId }: {
  user: AdminUser; csrf: string; flash: Flash | null; lists: Row[]; organs: { code: string; name: string }[]; mayRegion: boolean;
  values: Record<string, string>; errors: FieldErrors; editingId: number | null;
}) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title="敏感词表" user={user} csrfToken={csrf} flash={flash}>
      <h1>敏感词表（错敏词）</h1>
      <p>报送和审核时，系统除检查身份证号、手机号、银行卡号、电子邮箱和密级标志外，还按以下词表检查正文和附件。“阻止”级词条须修改或由审核人说明理由后才能通过。</p>
      <table class="list">
        <thead><tr><th scope="col">词表</th><th scope="col">适用范围</th><th scope="col">词条数</th><th scope="col">更新时间</th><th scope="col"></th></tr></thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.id}><td>{l.name}</td><td>{l.organ_name ?? '全区通用'}</td><td>{l.word_count}</td><td>{chinaDateOf(new Date(l.updated_at))}</td><td><a href={`/admin/word-lists?edit=${l.id}`}>修改</a></td></tr>
          ))}
        </tbody>
      </table>
      {lists.length === 0 && <p>尚无词表。</p>}
      {!mayRegion && organs.length === 0 ? (
        <p class="notice notice-info" id="word-lists-maintainers">全区通用词表由系统管理员维护，各机关的词表由本机关的管理员维护；需要增改词条的，请与他们联系。</p>
      ) : <section class="panel" aria-labelledby="wl-h">
        <h2 id="wl-h">{editingId ? '修改词表' : '新建词表'}</h2>
        <ErrorSummary errors={errors} />
        <form method="post" action={editingId ? `/admin/word-lists/${editingId}` : '/admin/word-lists'} novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <Field name="name" label="词表名称" errors={errors} required><input id="f-name" name="name" value={v('name')} /></Field>
          <Field name="organCode" label="适用范围" errors={errors}>
            <select id="f-organCode" name="organCode">
              {mayRegion && <option value="">全区通用</option>}
              {organs.map((o) => <option value={o.code} selected={v('organCode') === o.code}>{o.name}</option>)}
            </select>
          </Field>
          <Field name="entriesText" label="词条" errors={errors} required hint="每行一个：词语[Tab]阻止或提示[Tab]说明[Tab]正确写法；# 开头的行为注释。例：中华人民共合国	阻止	错别字	中华人民共和国">
            <textarea id="f-entriesText" name="entriesText" class="body">{v('entriesText')}</textarea>
          </Field>
          <button class="btn" type="submit">保存词表</button>
        </form>
      </section>}
    </AdminLayout>
  );
}
