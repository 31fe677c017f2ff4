import type { AppDeps } from '../platform/app-deps.ts';
import type { Mailer } from '../platform/mail/mailer.ts';
import { listDueSoonCases } from '../modules/applications/index.ts';
import { listOrgans } from '../modules/catalog/index.ts';
import { listLetters, listProposalDeadlines } from '../modules/interaction/index.ts';
import { openTasks } from '../modules/review/index.ts';
import { columnDeadlines, sendReminderMails, type Deadline } from '../modules/supervision/index.ts';

/**
 * Every deadline the platform knows, gathered from the areas that own them, for the e-mailed
 * reminders (the same things 待办 shows): columns to update (responsible unit), submission tasks
 * (the unit), applications, letters and 建议提案 to answer, and 建议提案 results to decide on (the organ),
 * and the 办理意见 a unit owes on a letter handed to it (the unit).
 */
export async function allDeadlines(deps: AppDeps): Promise<Deadline[]> {
  const organs = (await listOrgans(deps.db)).filter((o) => o.kind !== 'unit');
  const ids = organs.map((o) => o.id);
  const out: Deadline[] = await columnDeadlines(deps, ids);
  for (const t of await openTasks(deps.db, ids)) {
    out.push({
      key: `task:${t.id}:${t.next_due_on}`, organId: t.organ_id, unitId: t.unit_id === t.organ_id ? null : t.unit_id, dueOn: t.next_due_on,
      what: `报送任务“${t.title}”应报送`, path: `/admin/organs/${t.organ_code}/publications/new?task=${t.id}`,
    });
  }
  const cases = await listDueSoonCases(deps);
  for (const a of [...cases.overdue, ...cases.dueSoon]) {
    if (!a.dueOn) continue;
    out.push({ key: `application:${a.id}:${a.dueOn}`, organId: a.organId, unitId: null, dueOn: a.dueOn, what: `依申请公开 ${a.trackingNo}“${a.subject}”应答复`, path: `/admin/applications/${a.id}` });
  }
  for (const view of ['overdue', 'due_soon'] as const) {
    for (const l of (await listLetters(deps, ids, view, 1, 10_000)).items) {
      out.push({ key: `letter:${l.id}:${l.dueOn}`, organId: l.organId, unitId: null, dueOn: l.dueOn, what: `部门信箱来信 ${l.trackingNo}“${l.subject}”应答复`, path: `/admin/letters/${l.id}` });
      // Handed to a unit that has not written its 办理意见 yet: the unit is reminded too, so the organ can
      // answer in time (docs/workflows/mailbox.md, "Letters handed to a unit").
      if (l.unitId !== null && l.unitOpinionOn === null) {
        out.push({ key: `letter-unit:${l.id}:${l.unitId}:${l.dueOn}`, organId: l.organId, unitId: l.unitId, dueOn: l.dueOn, what: `交办本单位的部门信箱来信 ${l.trackingNo}“${l.subject}”待报送办理意见`, path: `/admin/letters/${l.id}` });
      }
    }
  }
  for (const p of await listProposalDeadlines(deps, ids)) {
    out.push({ key: `proposal-${p.deadline}:${p.id}:${p.dueOn}`, organId: p.organId, unitId: null, dueOn: p.dueOn, what: p.what, path: `/admin/proposals/${p.id}` });
  }
  // One deadline once, however many lists it is on.
  return [...new Map(out.map((d) => [d.key, d])).values()];
}

/** The background job's body: remind by e-mail of every deadline due soon or passed. */
export async function mailReminders(deps: AppDeps, mailer: Mailer, opts: { siteUrl: string | null; signal?: AbortSignal }) {
  return sendReminderMails(deps, mailer, await allDeadlines(deps), opts);
}
