import type { AppDeps } from '../../../platform/app-deps.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { appendCatalogAudit, listOrgans, organChain } from '../../catalog/index.ts';
import { mayKeepSupervision, type Actor } from '../../identity/index.ts';
import { CADENCE_LABELS } from '../domain/cadence.ts';
import { composeReminderMails, dueReminders, isEmailAddress, recipientOf, type Deadline } from '../domain/reminder-mails.ts';
import { claimReminderMail, releaseReminderMail, reminderAddresses, saveReminderAddress } from '../storage/inspection-repository.ts';
import { nodeCadences } from './node-cadences.ts';

/** The columns' next update deadlines (by cadence) of these organs, each with its responsible unit. */
export async function columnDeadlines(deps: AppDeps, organIds: number[]): Promise<Deadline[]> {
  const out: Deadline[] = [];
  const organs = new Map((await listOrgans(deps.db)).map((o) => [o.id, o]));
  for (const organId of organIds) {
    const organ = organs.get(organId);
    if (!organ) continue;
    for (const c of await nodeCadences(deps.db, organId, deps.clock.now())) {
      const f = c.freshness;
      if (f.state === 'empty' || !f.dueOn) continue;
      out.push({
        key: `node:${c.node.id}:${f.dueOn}`, organId, unitId: c.responsibleUnit?.id ?? null, dueOn: f.dueOn,
        what: `栏目“${c.node.name}”应更新（${CADENCE_LABELS[c.cadence]}，上次更新 ${f.lastUpdatedOn}）`,
        path: `/organs/${organ.code}/catalog/${c.node.id}`,
      });
    }
  }
  return out;
}

/**
 * Sends the reminders due today by e-mail (docs/rules/website-inspection.md, "Reminders"): each
 * deadline once ahead and once when passed, per recipient. A reminder is claimed before it is sent, so
 * several instances (or runs) never send it twice; one the mail server refused is released and goes
 * out at the next run.
 */
export async function sendReminderMails(deps: AppDeps, mailer: Mailer, deadlines: Deadline[], opts: { siteUrl: string | null; signal?: AbortSignal }) {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const [addresses, organs] = await Promise.all([reminderAddresses(deps.db), listOrgans(deps.db)]);
  const names = new Map(organs.map((o) => [o.id, o.name]));
  const addressOf = (organId: number) => addresses.get(organId) ?? null;
  const claimed = [];
  for (const r of dueReminders(deadlines, today)) {
    const to = recipientOf(r, addressOf);
    if (to && (await claimReminderMail(deps.db, r.reminderKey, to, now.toISOString()))) claimed.push(r);
  }
  let sent = 0;
  let failed = 0;
  const mails = composeReminderMails(claimed, { addressOf, nameOf: (id) => names.get(id) ?? '' }, { today, siteUrl: opts.siteUrl });
  for (const [i, mail] of mails.entries()) {
    if (opts.signal?.aborted) {
      // The server stops: the mails not sent yet are given back, so the next run (here or on another instance) sends them.
      const rest = mails.slice(i);
      for (const m of rest) for (const key of m.reminderKeys) await releaseReminderMail(deps.db, key, m.to);
      deps.logger.warn({ sent, left: rest.length }, '服务停止，未发送的提醒邮件留待下次运行');
      throw opts.signal.reason;
    }
    try {
      await mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
      sent++;
    } catch (e) {
      failed++;
      deps.logger.warn({ err: e, to: mail.to }, '提醒邮件发送失败，下次运行时重发');
      for (const key of mail.reminderKeys) await releaseReminderMail(deps.db, key, mail.to);
    }
  }
  return { sent, failed, reminders: claimed.length };
}

/** The 提醒邮箱 of an organ and of each of its units, for the page where the office keeps them. */
export async function reminderAddressesOf(deps: AppDeps, organIds: number[]): Promise<Map<number, string>> {
  const all = await reminderAddresses(deps.db);
  return new Map([...all].filter(([id]) => organIds.includes(id)));
}

/** Sets (or, with an empty address, removes) where an organ's or a unit's reminders go; its office keeps it. */
export async function setReminderAddress(deps: AppDeps, actor: Actor, organId: number, raw: string): Promise<void> {
  const email = raw.trim();
  if (email && !isEmailAddress(email)) throw new DomainError('ERR_SUPERVISION_EMAIL_INVALID', `“${email}”不是有效的电子邮件地址`, { field: `email_${organId}` });
  await deps.db.transaction().execute(async (trx) => {
    if (actor.kind === 'user' && !mayKeepSupervision(actor.principal, await organChain(trx, organId))) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以设置提醒邮箱', { httpStatus: 403 });
    }
    const at = deps.clock.now().toISOString();
    await saveReminderAddress(trx, organId, email || null, at);
    await appendCatalogAudit(trx, deps, actor, at, { action: 'reminder_address.set', entityType: 'organ', entityId: organId, organId, after: { email: email || null } });
  });
}
