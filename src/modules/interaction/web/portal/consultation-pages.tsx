import { Breadcrumb, ErrorSummary, Field, Joined, PagedList, Pagination, SEP, type FieldErrors } from '../../../../platform/views/components.tsx';
import { titleWithErrors } from '../../../../platform/views/form-errors.ts';
import { PortalLayout } from '../../../../platform/views/portal-layout.tsx';
import { HONEYPOT_FIELD } from '../../../applications/index.ts';
import { organCrumbs, withWholePhoneNumbers, type Organ } from '../../../catalog/index.ts';
import { escapeHtml } from '../../../../platform/documents/render-html.ts';
import { CONSULTATION_PHASE_LABELS, MAX_COMMENT_CHARS, type Consultation, type ConsultationPhase } from '../../domain/consultation.ts';
import { MIN_WRITTEN_CHARS, WRITTEN_CHARS_RULE } from '../../../../shared/written-text.ts';
import { bookTitle } from '../../../../shared/sentences.ts';
import type { PublicConsultation } from '../../use-cases/consultations.ts';
import type { PortalInfo } from './letter-pages.tsx';

/** 首页 > 信息公开 > the organ's short name > 互动交流 > 意见征集, as the letter pages' breadcrumb (letter-pages.tsx). */
const crumbs = (organ: Organ) => [
  ...organCrumbs(organ), { label: '互动交流', href: `/organs/${organ.code}/letters` }, { label: '意见征集', href: `/organs/${organ.code}/consultations` },
];

/** The text as typed, paragraph by paragraph (consultation texts are plain text, escaped as any text). */
const Paragraphs = ({ text }: { text: string }) => <>{text.split(/\n{1,}/).map((p) => p.trim()).filter(Boolean).map((p) => <p>{p}</p>)}</>;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** An item page of this site as the text names it (公告原文：/organs/qlx-zjj/items/4779): the notice a consultation was announced in. */
const ITEM_ADDRESS = /\/organs\/([a-z][a-z0-9-]*)\/items\/(\d+)/g;

/** The published items a consultation's text names by address, their titles by address (`/organs/x/items/5` → title). */
export type NamedItems = ReadonlyMap<string, string>;

/** The item ids the text names by address (the route looks up their titles). */
export const itemIdsNamedIn = (text: string): number[] => [...text.matchAll(ITEM_ADDRESS)].map((m) => Number(m[2]));


/**
 * 意见反馈方式 as typed, with what a reader on a phone taps: each e-mail address a `mailto:` link, each
 * telephone number kept whole and a `tel:` link as in item bodies (whole-phone-numbers.ts), and an item
 * page of this site (the 征求意见 notice) a link reading as the item's title — 公告原文：《关于公开征求…意见的公告》,
 * not the raw address an outside tester read; an address of no published item stays as typed, linked.
 * The text is escaped first; only the links are markup.
 */
const ContactParagraphs = ({ text, items }: { text: string; items: NamedItems }) => (
  <>{text.split(/\n{1,}/).map((p) => p.trim()).filter(Boolean).map((p) => (
    <p dangerouslySetInnerHTML={{ __html: withWholePhoneNumbers(escapeHtml(p).replace(EMAIL, (m) => `<a href="mailto:${m}">${m}</a>`).replace(ITEM_ADDRESS, (m, code: string, id: string) => {
      const path = `/organs/${code}/items/${Number(id)}`;
      const title = items.get(path);
      return title === undefined ? `<a href="${m}">${m}</a>` : `<a href="${path}">${escapeHtml(bookTitle(title))}</a>`;
    })) }} />
  ))}</>
);

/** 意见征集: the organ's drafts open for comments, open ones first by date, with their state. */
export function ConsultationsPage({ info, organ, list }: {
  info: PortalInfo; organ: Organ; list: { items: (Consultation & { phase: ConsultationPhase })[]; total: number; page: number; pageSize: number };
}) {
  return (
    <PortalLayout title={`意见征集 - ${organ.name}`} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <Breadcrumb items={[...crumbs(organ).slice(0, -1), { label: '意见征集' }]} />
      <h1 class="keep-words"><Joined parts={[organ.name, '意见征集']} /></h1>
      <PagedList page={list.page} pageSize={list.pageSize} total={list.total} empty={<p>暂无意见征集。</p>}>
        <table class="list cards">
          <thead><tr><th scope="col">标题</th><th scope="col">征集时间</th><th scope="col">状态</th></tr></thead>
          <tbody>{list.items.map((c) => (
            <tr key={c.id}>
              <td><a href={`/organs/${organ.code}/consultations/${c.id}`}>{c.title}</a></td>
              <td class="nowrap" data-label="征集时间">{c.startOn} 至 {c.endOn}</td>
              <td data-label="状态">{CONSULTATION_PHASE_LABELS[c.phase]}</td>
            </tr>
          ))}</tbody>
        </table>
      </PagedList>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} href={(p) => `/organs/${organ.code}/consultations?page=${p}`} />
    </PortalLayout>
  );
}

/**
 * One consultation: the draft's full text, how to comment, the comment form while it is open
 * (no account; moderated before anything is shown), the approved comments (personal data masked)
 * and, after closing, the feedback report.
 */
export function ConsultationPage({ info, organ, c, values, errors, formToken, thanked, files = [], namedItems = new Map() }: {
  info: PortalInfo; organ: Organ; c: PublicConsultation; values: Record<string, string>; errors: FieldErrors; formToken: string | null; thanked: false | 'new' | 'again';
  files?: { id: number; fileName: string; sizeBytes: number }[]; namedItems?: NamedItems;
}) {
  const base = `/organs/${organ.code}/consultations/${c.id}`;
  return (
    <PortalLayout title={titleWithErrors(`${c.title} - 意见征集`, errors)} prefs={info.prefs} currentPath={info.currentPath} consultPhone={organ.consultPhone}>
      <ErrorSummary errors={errors} focus />
      <Breadcrumb items={[...crumbs(organ), { label: '正文' }]} />
      <article aria-labelledby="c-title">
        <h1 id="c-title">{c.title}</h1>
        <p class="article-info"><span>征集时间：<span class="nowrap">{c.startOn} 至 {c.endOn}</span></span><span>状态：{CONSULTATION_PHASE_LABELS[c.phase]}</span></p>
        <div class="article-body"><Paragraphs text={c.body} /></div>
        {files.length > 0 && (
          <section class="attachments" aria-labelledby="files-h">
            <h2 id="files-h">征求意见稿下载</h2>
            <ul>{files.map((f) => <li><a href={`${base}/files/${f.id}/${encodeURIComponent(f.fileName)}`} download>{f.fileName}</a>（{Math.max(1, Math.round(f.sizeBytes / 1024))} KB）</li>)}</ul>
          </section>
        )}
        {/* A long e-mail address or web address breaks rather than pushing the page sideways on a phone (as .article-body). */}
        {c.howToComment && <section class="panel wrap-anywhere" aria-labelledby="how-h"><h2 id="how-h">意见反馈方式</h2><ContactParagraphs text={c.howToComment} items={namedItems} /></section>}
      </article>
      {thanked && <div class="flash" role="status" id="commented" tabIndex={-1}><p>{thanked === 'again' ? '您已提交过这条意见，没有重复提交。' : '您的意见已提交，谢谢。'}意见经审核后公开，涉及个人信息的内容不予公开。</p></div>}
      {c.phase === 'open' && formToken && (
        <section aria-labelledby="comment-h" class="panel">
          <h2 id="comment-h">发表意见</h2>
          <form method="post" action={base} novalidate>
            <input type="hidden" name="formToken" value={formToken} />
            <div class="honeypot" aria-hidden="true">
              <label for="f-website">网址（请勿填写）</label>
              <input type="text" id="f-website" name={HONEYPOT_FIELD} value="" tabIndex={-1} autocomplete="off" />
            </div>
            <Field name="authorName" label="署名（可不填）" errors={errors} hint="公开时只显示姓氏，如“张**”">
              <input id="f-authorName" name="authorName" value={values.authorName ?? ''} />
            </Field>
            <Field name="content" label="意见内容" errors={errors} required hint={`至少${MIN_WRITTEN_CHARS}个字（${WRITTEN_CHARS_RULE}），不超过${MAX_COMMENT_CHARS}字；请勿填写身份证号、电话等个人信息`}>
              <textarea id="f-content" name="content">{values.content ?? ''}</textarea>
            </Field>
            <button class="btn" type="submit">提交意见</button>
          </form>
        </section>
      )}
      {c.phase === 'upcoming' && <p class="notice">征集尚未开始，{c.startOn} 起可以发表意见。</p>}
      {c.feedbackPublishedOn && (
        <section aria-labelledby="fb-h" class="panel wrap-anywhere">
          <h2 id="fb-h">意见采纳情况</h2>
          <p>{c.feedbackPublishedOn} 公布：共收到意见 {c.feedbackReceived ?? 0} 条。</p>
          <h3>采纳的意见</h3>
          <Paragraphs text={c.feedbackAdopted || '无'} />
          <h3>未采纳的意见及理由</h3>
          <Paragraphs text={c.feedbackNotAdopted || '无'} />
        </section>
      )}
      <section aria-labelledby="comments-h">
        <h2 id="comments-h">公开的意见（{c.comments.length}）</h2>
        {c.comments.length === 0 ? <p>暂无公开的意见。</p> : (
          <ul class="comments wrap-anywhere">{c.comments.map((m) => <li key={m.id}><p class="count">{m.authorName}{SEP}{m.submittedOn}</p><Paragraphs text={m.content} /></li>)}</ul>
        )}
      </section>
    </PortalLayout>
  );
}
