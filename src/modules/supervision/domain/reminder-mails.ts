import { addDays, type IsoDate } from '../../../shared/iso-date.ts';

/**
 * A deadline someone must meet: a column to update, a submission task, an application or a letter to
 * answer. `key` names the thing and its deadline (e.g. `node:12:2026-03-06`); the unit is the one
 * responsible (null: the organ itself, its 政务公开办公室).
 */
export type Deadline = { key: string; organId: number; unitId: number | null; what: string; dueOn: IsoDate; path: string };

/** How many days ahead of a deadline its first reminder goes out. */
export const REMIND_DAYS_AHEAD = 3;

export type DueReminder = Deadline & { phase: 'soon' | 'late'; reminderKey: string };

/**
 * Which deadlines to remind of on `today`: each at most twice — once when it is at most
 * REMIND_DAYS_AHEAD days away (or today), once when it has passed. The reminder key carries the
 * phase, so each of the two is sent once per recipient however often the job runs.
 */
export function dueReminders(deadlines: Deadline[], today: IsoDate, daysAhead = REMIND_DAYS_AHEAD): DueReminder[] {
  const horizon = addDays(today, daysAhead);
  const out: DueReminder[] = [];
  for (const d of deadlines) {
    const phase = d.dueOn < today ? 'late' : d.dueOn <= horizon ? 'soon' : null;
    if (phase) out.push({ ...d, phase, reminderKey: `${d.key}:${phase}` });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.key < b.key ? -1 : 1));
}

export type ReminderMail = { to: string; subject: string; text: string; reminderKeys: string[] };

/** Who is reminded: the responsible unit's address, else its organ's (where the disclosure office reads); null = nobody. */
export function recipientOf(r: Deadline, addressOf: (organId: number) => string | null): string | null {
  return (r.unitId !== null ? addressOf(r.unitId) : null) ?? addressOf(r.organId);
}

/** One e-mail per recipient; deadlines with no address anywhere are left to 待办. Passed deadlines come first. */
export function composeReminderMails(
  due: DueReminder[],
  book: { addressOf: (organId: number) => string | null; nameOf: (organId: number) => string },
  opts: { today: IsoDate; siteUrl: string | null },
): ReminderMail[] {
  const byRecipient = new Map<string, DueReminder[]>();
  for (const r of due) {
    const to = recipientOf(r, book.addressOf);
    if (!to) continue;
    byRecipient.set(to, [...(byRecipient.get(to) ?? []), r]);
  }
  const line = (r: DueReminder) => `- ${r.what}（${r.phase === 'late' ? `已于 ${r.dueOn} 到期` : `${r.dueOn} 到期`}；${book.nameOf(r.unitId ?? r.organId)}）${opts.siteUrl ? `\n  ${opts.siteUrl}${r.path}` : ''}`;
  return [...byRecipient].map(([to, list]) => {
    const late = list.filter((r) => r.phase === 'late');
    const soon = list.filter((r) => r.phase === 'soon');
    const parts = [
      `以下事项需要您处理（${opts.today}，政务公开平台自动提醒）：`,
      ...(late.length ? ['', `已超过期限（${late.length} 项）：`, ...late.map(line)] : []),
      ...(soon.length ? ['', `${REMIND_DAYS_AHEAD} 天内到期（${soon.length} 项）：`, ...soon.map(line)] : []),
      '',
      '同样的事项也列在平台的“待办”中。本邮件由系统发送，请勿直接回复。',
    ];
    const subject = late.length ? `【政务公开提醒】${late.length} 项已超过期限${soon.length ? `，${soon.length} 项即将到期` : ''}` : `【政务公开提醒】${soon.length} 项即将到期`;
    return { to, subject, text: parts.join('\n'), reminderKeys: list.map((r) => r.reminderKey) };
  });
}

/** A plain e-mail address (what the 提醒邮箱 form accepts). */
export const isEmailAddress = (s: string): boolean => /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(s) && s.length <= 254;
