import type { ComponentChildren } from 'preact';
import { deadlineStanding, lastDay } from '../domain/deadline-wording.ts';

/**
 * A deadline as staff read it on a list or a record page: its last day, 含当日, then 已逾期 once that
 * day has passed or 今日到期 on it — while the matter is still open (`open`). The applications'
 * work list shows its deadlines so, and (through the area's index.ts) the department mailbox and
 * 建议提案 pages too, so that a deadline reads the same everywhere (deadline-wording.ts).
 * `children` come between the date and the standing (the work list's （暂定）); `soon` adds
 * 即将到期 for a deadline within the organ's warning days that is not yet today's.
 */
export function DeadlineStanding({ on, today, open = true, soon = false, children }: {
  on: string; today: string; open?: boolean; soon?: boolean; children?: ComponentChildren;
}) {
  const standing = open ? deadlineStanding(on, today) ?? (soon ? '即将到期' : null) : null;
  return (
    <>
      {lastDay(on)}{children}
      {standing && <strong class={standing === '已逾期' ? 'overdue-alert' : 'status-draft'}>　{standing}</strong>}
    </>
  );
}
