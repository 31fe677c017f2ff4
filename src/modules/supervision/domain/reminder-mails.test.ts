import { describe, expect, it } from 'vitest';
import { composeReminderMails, dueReminders, isEmailAddress, type Deadline } from './reminder-mails.ts';

const d = (key: string, dueOn: string, over: Partial<Deadline> = {}): Deadline => ({ key, organId: 1, unitId: null, what: key, dueOn, path: `/${key}`, ...over });

describe('which deadlines are reminded of, and to whom', () => {
  it('reminds from 3 days ahead (inclusive) and once more after the day has passed, never for far deadlines', () => {
    const due = dueReminders([d('a', '2026-03-06'), d('b', '2026-03-07'), d('c', '2026-03-02'), d('d', '2026-03-03')], '2026-03-03');
    expect(due.map((r) => r.reminderKey)).toEqual(['c:late', 'd:soon', 'a:soon']);
  });

  it('groups one mail per recipient, the unit before its organ, and leaves out deadlines nobody receives', () => {
    const book = { addressOf: (id: number) => ({ 1: 'office@x.cn', 2: 'unit@x.cn' } as Record<number, string>)[id] ?? null, nameOf: (id: number) => `机关${id}` };
    const due = dueReminders([d('n', '2026-03-04', { unitId: 2 }), d('m', '2026-03-01', { unitId: 3 }), d('o', '2026-03-05', { organId: 9 })], '2026-03-03');
    const mails = composeReminderMails(due, book, { today: '2026-03-03', siteUrl: 'https://gk.example.gov.cn' });
    expect(mails.map((m) => [m.to, m.subject, m.reminderKeys])).toEqual([
      ['office@x.cn', '【政务公开提醒】1 项已超过期限', ['m:late']],
      ['unit@x.cn', '【政务公开提醒】1 项即将到期', ['n:soon']],
    ]);
    expect(mails[0].text).toContain('- m（已于 2026-03-01 到期；机关3）\n  https://gk.example.gov.cn/m');
  });

  it('accepts plain addresses only', () => {
    expect(isEmailAddress('gkb@zjj.example.gov.cn')).toBe(true);
    for (const bad of ['gkb', 'a b@x.cn', 'a@x', '"x" <a@x.cn>', 'a@x.cn;b@x.cn']) expect(isEmailAddress(bad)).toBe(false);
  });
});
