import type { DeadlineResult } from '../../../calendar/index.ts';
import type { Application } from '../../domain/application.ts';
import type { ApplicationClock } from '../../domain/application-clock.ts';
import { noLaterThan, replyDeadline } from '../../domain/deadline-wording.ts';

/** The due date with the trace of how it was computed (docs/rules/working-days.md), and any warning about it. */
export function CaseClock({ app, clock, correctionNotice, today }: { app: Application; clock: ApplicationClock; correctionNotice: DeadlineResult | null; today: string }) {
  const closed = app.repliedOn !== null;
  return (
    <section aria-labelledby="h-clock" id="clock">
      <h2 id="h-clock">答复期限</h2>
      {clock.kind !== 'running' ? <p id="due-date">{clock.note}</p> : (
        <>
          <p id="due-date" class="due-date">
            {/* 暂定 as the work list, the receipt and the letters say it: the year's holiday notice is not loaded. */}
            <strong>{replyDeadline(clock.result.dueOn)}{clock.result.warnings.length > 0 && '（暂定）'}</strong>
            {app.extensionWorkingDays > 0 && `（原期限${clock.result.originalDueOn}，经批准延长${app.extensionWorkingDays}个工作日）`}
            {!closed && clock.result.dueOn < today && <strong class="overdue-alert">　已逾期</strong>}
            {closed && !app.imported && app.repliedOn! > clock.result.dueOn && <strong class="overdue-alert">　超期答复（{app.repliedOn}）</strong>}
            {app.imported && <span class="hint">　（历史台账导入：暂停、延期等情况未录入，期限仅供参考）</span>}
          </p>
          {clock.result.warnings.length > 0 && (
            <div class="notice" role="alert" id="due-warning">
              {clock.result.warnings.map((w) => <p><strong>期限为暂定：</strong>{w.message}</p>)}
            </div>
          )}
          {clock.pending.map((p) => <p class="hint">{p}</p>)}
          <details id="due-trace">
            <summary>期限计算过程（{clock.result.trace.length}步）</summary>
            <ol class="trace">{clock.result.trace.map((s) => <li class={`trace-${s.kind}`}>{s.note}</li>)}</ol>
          </details>
        </>
      )}
      {correctionNotice && app.correctionRequestedOn === null && !closed && (
        <p class="hint">如需补正，应{noLaterThan(correctionNotice.dueOn)}一次性告知申请人（收到申请之日起7个工作日内，条例第三十条）。</p>
      )}
    </section>
  );
}
