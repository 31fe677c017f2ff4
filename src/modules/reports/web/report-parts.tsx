import { DOCUMENT_STYLESHEET, REPORT_STYLESHEET } from '../../../platform/views/stylesheets.ts';
import { RawHtml } from '../../../platform/views/components.tsx';
import type { Reminder } from '../domain/reminders.ts';
import type { CheckResult } from '../domain/report-types.ts';

/** The consistency checks as a list: each rule, whether it holds, and the cells that break it. */
export function ChecksList({ checks }: { checks: CheckResult[] }) {
  const failing = checks.filter((c) => !c.ok).length;
  return (
    <section aria-labelledby="h-checks" id="checks">
      <h2 id="h-checks">核对结果{failing ? `（${failing} 项未通过）` : '（全部通过）'}</h2>
      <ul class="report-checks">
        {checks.map((c) => (
          <li key={c.rule} class={c.ok ? 'check-ok' : 'check-failed'} data-ok={c.ok ? 'true' : 'false'}>
            <strong>{c.ok ? '✓ 通过' : '✗ 未通过'}</strong>　{c.title}
            <div class="hint">{c.detail}</div>
            {!c.ok && c.violations.some((v) => v.cells.length) && (
              <details open>
                <summary>涉及的单元格</summary>
                <ul>{[...new Set(c.violations.flatMap((v) => v.cells))].map((cell) => <li key={cell}>{cell}</li>)}</ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReminderNotice({ reminder }: { reminder: Reminder | null }) {
  if (!reminder) return null;
  return <p class={reminder.level === 'upcoming' ? 'notice notice-info' : 'notice'} role="status">{reminder.message}</p>;
}

/** A rendered document (renderDocumentHtml output, escaped there) with its print styles. */
export function DocumentView({ html }: { html: string }) {
  return (
    <div class="report-document">
      <link rel="stylesheet" href={DOCUMENT_STYLESHEET} />
      <RawHtml html={html} />
    </div>
  );
}

/** The report pages' own stylesheet (a link, in the page's body: the Content-Security-Policy allows no <style>). */
export const ReportStyles = () => <link rel="stylesheet" href={REPORT_STYLESHEET} />;
