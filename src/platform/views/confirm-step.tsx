import type { ComponentChildren } from 'preact';
import { AdminLayout, type AdminUser } from './admin-layout.tsx';

/** One thing the step acts on, as the page names it (持有人: 张三（zhang）). */
export type ConfirmFact = { label: string; value: ComponentChildren };

/**
 * Step two of a back-office action that cannot be undone or takes a person out of their work (停用账号,
 * 撤销 API 令牌, 撤回, 标记废止 — docs/security.md, docs/workflows/review-states.md): the title naming what
 * is acted on, the facts about it, then either the refusal (oneself, already done) with a way back and no
 * form, or what will happen and the one form that acts — a POST with the CSRF token, `confirm=1` and the
 * fields the first step sent, beside a link that cancels. Works without JavaScript. The page says which
 * facts and consequences; the markup is this one.
 */
export function ConfirmStep({ user, csrf, title, facts = [], children, refusal = null, consequences, action, hidden = {}, submit, back }: {
  user: AdminUser; csrf: string;
  /** The page's title and heading: the action and what it acts on. */
  title: string;
  /** What is acted on, as a list of label and value. */
  facts?: ConfirmFact[];
  /** What is acted on in the page's own words (a sentence with a link), after `facts`. */
  children?: ComponentChildren;
  /** Why the action cannot be taken: said instead of the consequences, and no form is offered. */
  refusal?: string | null;
  /** `lead` introduces the list (停用账号后：); `note` is a hint under it. */
  consequences: { lead: string; items: ComponentChildren[]; note?: string | null };
  /** Where the confirming POST goes. */
  action: string;
  /** What the first step sent, carried to the confirming POST unchanged, in this order. */
  hidden?: Record<string, string>;
  /** The button's words (确认停用账号). */
  submit: string;
  /** Where cancelling leads and what it is called there: 取消，返回{to} beside the button, 返回{to} after a refusal. */
  back: { href: string; to: string };
}) {
  return (
    <AdminLayout title={title} user={user} csrfToken={csrf} flash={null}>
      <h1>{title}</h1>
      {facts.length > 0 && (
        <dl>{facts.map((f) => <><dt>{f.label}</dt><dd>{f.value}</dd></>)}</dl>
      )}
      {children}
      {refusal ? (
        <>
          <div class="error-summary" role="alert"><p>{refusal}</p></div>
          <p><a href={back.href}>返回{back.to}</a></p>
        </>
      ) : (
        <>
          <p>{consequences.lead}</p>
          <ul>{consequences.items.map((c) => <li>{c}</li>)}</ul>
          {consequences.note && <p class="hint">{consequences.note}</p>}
          <form method="post" action={action}>
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="confirm" value="1" />
            {Object.entries(hidden).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
            <div class="actions">
              <button class="btn" type="submit">{submit}</button>
              <a href={back.href}>取消，返回{back.to}</a>
            </div>
          </form>
        </>
      )}
    </AdminLayout>
  );
}
