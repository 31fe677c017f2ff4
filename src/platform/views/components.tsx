import { cloneElement, isValidElement, type ComponentChildren, type VNode } from 'preact';

/**
 * The separator of words in a row (机关 · 政府信息公开, Atom · RSS): a no-break space before the dot keeps it with the
 * word before it, so a narrow screen breaks the row after the separator and a line never starts with one.
 */
export const SEP = '\u00a0· ';

/**
 * Words of a heading joined by separators (青岚县住房和城乡建设局 · 政府信息公开), for a .keep-words heading: each separator
 * is kept on one line with the character before it, so even where a word fills the line and must be broken, the
 * break comes before that character and the separator never starts a line.
 */
export function Joined({ parts }: { parts: string[] }) {
  return <>{parts.map((part, i) => {
    if (i === parts.length - 1) return part;
    const chars = [...part];
    return <>{chars.slice(0, -1).join('')}<span class="nowrap">{chars.slice(-1).join('')}{'\u00a0·'}</span>{' '}</>;
  })}</>;
}

/**
 * A number read out and copied whole — a 索引号 (11341529MB1D386259/2026-00012), a 申请编号 (QLX-ZRZYJ-2026-00001) or
 * 信件编号 — never broken inside a part, whatever the browser's own line breaking (Chromium breaks after any hyphen,
 * WebKit not before a digit, and a breadcrumb or a .wrap-anywhere box anywhere): each part ending in `breakAfter` is
 * one .nowrap span with a <wbr> after it, so a line too short for the whole number breaks only there.
 */
export function WholeParts({ text, breakAfter }: { text: string; breakAfter: '/' | '-' }) {
  const parts = text.split(breakAfter === '/' ? /(?<=\/)/ : /(?<=-)/);
  return <>{parts.map((part, i) => <>{i > 0 && <wbr />}<span class="nowrap">{part}</span></>)}</>;
}

/** A 申请编号 or 信件编号 (QLX-ZRZYJ-XX2026-00001): broken, where it must be, only after a hyphen. */
export const CaseNumber = ({ no }: { no: string }) => <WholeParts text={no} breakAfter="-" />;

export type Crumb = { label: ComponentChildren; href?: string };

export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav class="breadcrumb" aria-label="当前位置">
      <span class="breadcrumb-label">当前位置：</span>
      <ol>
        {items.map((c, i) => (
          <li key={i}>{c.href && i < items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The body of a paged list: `empty` (the list's own "nothing here" message) only when nothing matches at
 * all; nothing on a page past the end, where Pagination says so and links the last page (there are
 * matches, just not on that page); else the list itself.
 */
export function PagedList({ page, pageSize, total, empty, children }: { page: number; pageSize: number; total: number; empty: ComponentChildren; children: ComponentChildren }) {
  if (page > Math.max(1, Math.ceil(total / pageSize))) return null;
  return <>{total === 0 ? empty : children}</>;
}

/** `capped`: `total` is a cap of a longer list (a search's first 1,000 matches), said so — never 共 1000 条. */
export function Pagination({ page, pageSize, total, href, capped = false }: { page: number; pageSize: number; total: number; href: (page: number) => string; capped?: boolean }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const counted = capped ? `前 ${total.toLocaleString('zh-CN')} 条` : `共 ${total} 条`;
  if (capped && page > pages) {
    return (
      <p class="notice pager-beyond" role="status">
        没有第 {page} 页：结果超过 {total.toLocaleString('zh-CN')} 条，只显示前 {total.toLocaleString('zh-CN')} 条，只能翻到第 {pages} 页。
        <a href={href(pages)}>{`查看最后一页（第 ${pages} 页）`}</a>
      </p>
    );
  }
  // A page past the end (an old bookmark, a typed ?page=999): say so and offer the last page, never 第 999/2 页 over an empty list.
  if (page > pages) {
    return (
      <p class="notice pager-beyond" role="status">
        没有第 {page} 页：{total === 0 ? '列表中没有内容' : `共 ${total} 条，只有 ${pages} 页`}。
        <a href={href(pages)}>{total === 0 || pages === 1 ? '查看第 1 页' : `查看最后一页（第 ${pages} 页）`}</a>
      </p>
    );
  }
  if (pages <= 1) return <p class="pager-summary">{counted}</p>;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav class="pager" aria-label="分页">
      <span class="pager-summary">{counted}，第 {page}/{pages} 页</span>
      {page > 1 && <a href={href(page - 1)} rel="prev">上一页</a>}
      {shown.map((p, i) => (
        <>
          {i > 0 && shown[i - 1] !== p - 1 && <span class="pager-gap">…</span>}
          {p === page ? <span aria-current="page" class="pager-current">{p}</span> : <a href={href(p)}>{p}</a>}
        </>
      ))}
      {page < pages && <a href={href(page + 1)} rel="next">下一页</a>}
    </nav>
  );
}

export type FieldErrors = Record<string, string>;

/** The error summary's heading on a status look-up (申请、信件查询) that was refused: it submitted nothing. */
export const LOOKUP_FAILED = '未查到，请核对以下内容：';
/** A status look-up sent with a box empty: nothing was looked up (not 未查到) nor submitted (not 提交未成功). */
export const LOOKUP_INCOMPLETE = '请填写以下内容：';

/**
 * The errors of a refused form, each linked to its field, in the order the caller gives (inFormOrder: the
 * form's). It takes the focus when the page loads — a phone shows it, not the top of the page — on every
 * staff and public form (`focus={false}` only where something else must): `autofocus`, which some browsers
 * honour without script, and /assets/error-summary.js, loaded here, for those that do not (Safari on a phone).
 * `heading`: a look-up that found nothing says so (LOOKUP_FAILED), not that a submission failed.
 */
export function ErrorSummary({ errors, focus = true, heading = '提交未成功，请修改以下问题：' }: { errors: FieldErrors; focus?: boolean; heading?: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <>
      <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus={focus || undefined}>
        <h2>{heading}</h2>
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>{field === '_form' ? message : <a href={`#f-${field}`}>{message}</a>}</li>
          ))}
        </ul>
      </div>
      {focus && <script src="/assets/error-summary.js" defer />}
    </>
  );
}

/**
 * A labelled form row with its error next to the field. The label names the control by the control's
 * own id (`f-NAME` unless it has another: a page with several forms gives each its own), and the hint
 * and error take ids from it, so that every form on a page keeps its label and messages apart.
 * `errorLink`: shown after the error, within it (a link to the other item the refusal names).
 */
export function Field({ name, label, errors, hint, required, errorLink, children }: {
  name: string; label: string; errors: FieldErrors; hint?: string; required?: boolean; errorLink?: ComponentChildren; children: ComponentChildren;
}) {
  const error = errors[name];
  const ownId = isValidElement(children) ? (children.props as { id?: unknown }).id : undefined;
  const controlId = typeof ownId === 'string' && ownId ? ownId : `f-${name}`;
  const key = controlId.replace(/^f-/, '');
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={controlId}>
        {label}
        {required && <span class="required" aria-hidden="true">＊</span>}
      </label>
      {hint && <p class="hint" id={`h-${key}`}>{hint}</p>}
      {error && <p class="error-message" id={`e-${key}`}>{error}{errorLink ? <> {errorLink}</> : null}</p>}
      {isValidElement(children)
        ? cloneElement(children as VNode<Record<string, unknown>>, {
            'aria-invalid': error ? 'true' : undefined,
            'aria-describedby': [hint ? `h-${key}` : '', error ? `e-${key}` : ''].filter(Boolean).join(' ') || undefined,
            'aria-required': required ? 'true' : undefined,
          })
        : children}
    </div>
  );
}

export const RawHtml = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A telephone number a phone can dial with one tap (`tel:`), shown as written. Extensions (转 123)
 * and area-code separators are kept for reading; the link dials the digits before an extension.
 */
export function TelLink({ phone }: { phone: string }) {
  const dial = phone.split(/转|ext/i)[0].replace(/[^\d+]/g, '');
  return dial.length >= 5 ? <a href={`tel:${dial}`} class="nowrap">{phone}</a> : <span class="nowrap">{phone}</span>;
}

/**
 * How deep a catalog node sits, as the class that indents it (1.5em a level, site.css): the Content-Security-Policy
 * allows no inline style. Levels past the last class indent as the last (a catalog that deep is not expected).
 */
export const TREE_DEPTH_CLASSES = 10;
export const treeDepthClass = (depth: number): string => `tree-depth-${Math.max(0, Math.min(Math.floor(depth), TREE_DEPTH_CLASSES - 1))}`;
