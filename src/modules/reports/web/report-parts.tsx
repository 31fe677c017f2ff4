import { DOCUMENT_CSS } from '../../../platform/documents/index.ts';
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
      <style dangerouslySetInnerHTML={{ __html: DOCUMENT_CSS }} />
      <RawHtml html={html} />
    </div>
  );
}

export const REPORT_CSS = `
.report-checks { list-style: none; padding: 0; }
.report-checks li { border-left: 4px solid #1d6b1d; padding: 6px 10px; margin-bottom: 6px; background: #f6fbf6; }
.report-checks li.check-failed { border-left-color: #b00; background: #fff4f4; }
.report-actions form { display: inline-block; margin: 0 8px 8px 0; vertical-align: top; }
.report-actions .refusals { font-size: .9em; color: #8a5a00; margin: 4px 0 0; }
.report-document { overflow-x: auto; padding: 12px 0; background: #eee; }
.report-figures input { width: 8em; }
@media print { .admin-nav, .report-staff-only { display: none !important; } .report-document { background: none; padding: 0; } .report-document .document { box-shadow: none; } }
`;
