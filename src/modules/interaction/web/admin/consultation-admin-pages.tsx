import { AdminLayout } from '../../../../platform/views/admin-layout.tsx';
import { FlashAt, placeFlash } from '../../../../platform/views/flash.tsx';
import { ErrorSummary, Field, PagedList, Pagination, type FieldErrors } from '../../../../platform/views/components.tsx';
import type { Organ } from '../../../catalog/index.ts';
import { COMMENT_STATE_LABELS, CONSULTATION_PHASE_LABELS, type Consultation, type ConsultationPhase } from '../../domain/consultation.ts';
import type { ConsultationComment, ConsultationFile } from '../../storage/consultations-repository.ts';
import type { StaffContext } from '../../../catalog/index.ts';

type Listed = Consultation & { phase: ConsultationPhase };

/** 意见征集 in the back office: the organ's consultations with their state and feedback due date. */
/** `waiting`: the feedback reports due per organ, named in the organ switch. */
export function ConsultationListPage({ scope, organ, list, waiting }: { scope: StaffContext; organ: Organ; list: { items: Listed[]; total: number; page: number; pageSize: number }; waiting?: ReadonlyMap<number, number> }) {
  return (
    <AdminLayout title={`意见征集：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>意见征集：{organ.name}</h1>
      {scope.handles.length > 1 && (
        <form method="get" action="/admin/consultations" class="actions">
          <label for="f-organ">机关</label>
          <select id="f-organ" name="organ">{scope.handles.map((o) => <option value={o.code} selected={o.id === organ.id}>{scope.switchName(o, waiting)}</option>)}</select>
          <button class="btn btn-secondary" type="submit">切换</button>
        </form>
      )}
      <p><a class="btn" href={`/admin/consultations/new?organ=${organ.code}`}>发起意见征集</a> · <a href={`/organs/${organ.code}/consultations`} target="_blank">在门户查看</a></p>
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>暂无意见征集。</p>}>
        <table class="list">
          <thead><tr><th scope="col">标题</th><th scope="col">征集时间</th><th scope="col">状态</th><th scope="col">反馈截止</th></tr></thead>
          <tbody>{list.items.map((c) => (
            <tr key={c.id}>
              <td><a href={`/admin/consultations/${c.id}`}>{c.title}</a></td>
              <td class="nowrap">{c.startOn} 至 {c.endOn}</td>
              <td class={c.phase === 'feedback_late' ? 'status-draft' : ''}>{CONSULTATION_PHASE_LABELS[c.phase]}</td>
              <td class="nowrap">{c.feedbackPublishedOn ? `已于 ${c.feedbackPublishedOn} 公布` : c.feedbackDueOn}</td>
            </tr>
          ))}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(p) => `/admin/consultations?organ=${organ.code}&page=${p}`} />
    </AdminLayout>
  );
}

/** Opening a draft for comments: title, full text, how to comment, the dates. */
export function NewConsultationPage({ scope, organ, values, errors }: { scope: StaffContext; organ: Organ; values: Record<string, string>; errors: FieldErrors }) {
  const v = (k: string) => values[k] ?? '';
  return (
    <AdminLayout title={`发起意见征集：${organ.name}`} user={scope.user} csrfToken={scope.csrf} flash={scope.flash}>
      <h1>发起意见征集：{organ.name}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/admin/consultations/new?organ=${organ.code}`} novalidate>
        <input type="hidden" name="_csrf" value={scope.csrf} />
        <Field name="title" label="标题" errors={errors} required hint="如 关于《青岚县老旧小区改造实施方案（征求意见稿）》公开征求意见的公告"><input id="f-title" name="title" value={v('title')} /></Field>
        <Field name="body" label="征求意见稿全文" errors={errors} required><textarea id="f-body" name="body" class="body">{v('body')}</textarea></Field>
        <Field name="howToComment" label="意见反馈方式" errors={errors} required hint="请写明公众提交意见的途径：除在本门户发表意见外，还可通过的电子邮箱、通信地址或电话"><textarea id="f-howToComment" name="howToComment">{v('howToComment')}</textarea></Field>
        <div class="columns-2">
          <Field name="startOn" label="开始日期" errors={errors} required><input id="f-startOn" name="startOn" type="date" value={v('startOn')} /></Field>
          <Field name="endOn" label="截止日期" errors={errors} required hint="征求意见时间一般不少于 30 日"><input id="f-endOn" name="endOn" type="date" value={v('endOn')} /></Field>
        </div>
        <div class="actions"><button class="btn" type="submit">发起</button><a href={`/admin/consultations?organ=${organ.code}`}>返回</a></div>
      </form>
    </AdminLayout>
  );
}

/** One consultation for staff: every comment with what the scanner found, moderation, and the feedback report. */
export function ConsultationAdminPage({ scope, c, comments, errors, files }: {
  scope: StaffContext; c: Listed; comments: ConsultationComment[]; errors: FieldErrors; files: ConsultationFile[];
}) {
  const hidden = <input type="hidden" name="_csrf" value={scope.csrf} />;
  const pending = comments.filter((m) => m.state === 'pending').length;
  // What a file, a moderation or the feedback did is told under the section its redirect lands at (#cf-h, #cm-h, #fb-h).
  const flash = placeFlash(scope.flash, ['cf-h', 'cm-h', 'fb-h']);
  return (
    <AdminLayout title={`意见征集：${c.title}`} user={scope.user} csrfToken={scope.csrf} flash={flash.top}>
      <h1>{c.title}</h1>
      <p>征集时间 <span class="nowrap">{c.startOn} 至 {c.endOn}</span> · 状态：<strong>{CONSULTATION_PHASE_LABELS[c.phase]}</strong> · 反馈截止 {c.feedbackDueOn}（截止后 15 个工作日）</p>
      <ErrorSummary errors={errors} />
      <section aria-labelledby="cf-h">
        <h2 id="cf-h">征求意见稿文件（{files.length}）</h2>
        <FlashAt flash={flash.at('cf-h')} />
        <p>PDF、Word（.docx）或 Excel（.xlsx），每个不超过 20 MB；上传时扫描个人信息和密级标志，公开页面提供下载。</p>
        {files.length > 0 && (
          <ul>
            {files.map((f) => (
              <li>
                <a href={`/admin/consultations/${c.id}/files/${f.id}`}>{f.fileName}</a>（{Math.max(1, Math.round(f.sizeBytes / 1024))} KB）
                <form method="post" action={`/admin/consultations/${c.id}/files/${f.id}/delete`} class="inline-form">{hidden}<button class="btn btn-small btn-secondary" type="submit" aria-label={`删除“${f.fileName}”`}>删除</button></form>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`/admin/consultations/${c.id}/files`} enctype="multipart/form-data">
          {hidden}
          <Field name="file" label="添加文件" errors={errors}><input type="file" id="f-file" name="file" accept=".pdf,.docx,.xlsx" /></Field>
          <button class="btn" type="submit">上传</button>
        </form>
      </section>
      <section aria-labelledby="cm-h">
        <h2 id="cm-h">收到的意见（{comments.length}，待审核 {pending}）</h2>
        <FlashAt flash={flash.at('cm-h')} />
        {comments.length === 0 ? <p>暂无。</p> : (
          <table class="list">
            <thead><tr><th scope="col">提交日期</th><th scope="col">署名</th><th scope="col">内容</th><th scope="col">状态</th><th scope="col">审核</th></tr></thead>
            <tbody>{comments.map((m) => (
              <tr key={m.id}>
                <td class="nowrap">{m.submittedOn}</td>
                <td>{m.authorName || '匿名'}</td>
                <td>{m.content}{m.flagged && <p class="status-draft">扫描发现疑似个人信息（公开时自动遮盖）</p>}</td>
                <td>{COMMENT_STATE_LABELS[m.state]}{m.rejectReason && `：${m.rejectReason}`}</td>
                <td>{m.state === 'pending' && (
                  <>
                    {/* Two forms: Enter in the reason submits the refusal, never the publication. */}
                    <form method="post" action={`/admin/consultation-comments/${m.id}/approve`}>
                      {hidden}
                      <button class="btn btn-small" type="submit">公开</button>
                    </form>
                    <form method="post" action={`/admin/consultation-comments/${m.id}/reject`}>
                      {hidden}
                      <label for={`f-reason-${m.id}`}>不予公开的理由</label>
                      <input id={`f-reason-${m.id}`} name="reason" />
                      <div class="actions">
                        <button class="btn btn-small btn-secondary" type="submit">不予公开</button>
                      </div>
                    </form>
                  </>
                )}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="fb-h" class="panel">
        <h2 id="fb-h">意见采纳情况（反馈）</h2>
        <FlashAt flash={flash.at('fb-h')} />
        {c.feedbackPublishedOn ? (
          <p>已于 {c.feedbackPublishedOn} 公布：共收到意见 {c.feedbackReceived} 条。</p>
        ) : c.phase === 'open' || c.phase === 'upcoming' ? <p>征集结束后公布意见采纳情况。</p> : (
          <form method="post" action={`/admin/consultations/${c.id}/feedback`} novalidate>
            {hidden}
            <input type="hidden" name="expectedVersion" value={String(c.version)} />
            <Field name="received" label="收到意见总数（含门户以外的途径）" errors={errors} required><input id="f-received" name="received" inputMode="numeric" value={String(comments.length)} /></Field>
            <Field name="adopted" label="采纳的意见" errors={errors}><textarea id="f-adopted" name="adopted"></textarea></Field>
            <Field name="notAdopted" label="未采纳的意见及理由" errors={errors}><textarea id="f-notAdopted" name="notAdopted"></textarea></Field>
            <button class="btn" type="submit">公布反馈</button>
          </form>
        )}
      </section>
      <p><a href="/admin/consultations">返回列表</a></p>
    </AdminLayout>
  );
}
