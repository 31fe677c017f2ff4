import type { AppDeps } from '../../../platform/app-deps.ts';
import { addDays, chinaDateOf } from '../../../shared/iso-date.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { calendarInForce } from '../../calendar/index.ts';
import { findOrganByCode } from '../../catalog/index.ts';
import { DEFAULT_DUE_MONTHS, DEFAULT_PUBLISH_WORKING_DAYS, monthsAfter, type HandlingRole, type ProposalKind, type ProposalResult, type ProposalState } from '../domain/proposal.ts';
import { appendProposalEvent, insertProposal, proposalNumberTaken } from '../storage/proposals-repository.ts';

/** A demo record as src/demo describes it (the days things happened). */
export type DemoProposal = {
  organCode: string; kind: ProposalKind; number: string; title: string; submitters: string; session: string; year: number; receivedOn: string;
  role: HandlingRole; partnerOrgans: string;
  reply: { text: string; repliedOn: string; result: ProposalResult; satisfaction: 'satisfied' | null } | null;
  disclosure: { publishedOn: string } | { withheldOn: string; reason: string } | null;
};

const DEMO = '系统：演示数据';

/**
 * The demo region's 建议提案, written as they would stand had staff registered, replied and decided
 * each on the day given — only what happened by the clock's day — with their history on those days
 * and one audit entry for the lot. Default months and working days (no organ setting in the demo).
 * Does nothing when the first record is already there.
 */
export async function seedDemoProposals(deps: Pick<AppDeps, 'db' | 'dialect' | 'clock'>, list: DemoProposal[]): Promise<{ proposals: number }> {
  if (list.length === 0) return { proposals: 0 };
  return deps.db.transaction().execute(async (trx) => {
    const today = chinaDateOf(deps.clock.now());
    const calendar = await calendarInForce(trx);
    const organs = new Map<string, number>();
    for (const code of new Set(list.map((p) => p.organCode))) {
      const organ = await findOrganByCode(trx, code);
      if (!organ) throw new Error(`演示机关 ${code} 不存在：请先载入演示数据`);
      organs.set(code, organ.id);
    }
    const first = list[0];
    if (await proposalNumberTaken(trx, { organId: organs.get(first.organCode)!, kind: first.kind, year: first.year, number: first.number })) return { proposals: 0 };
    let written = 0;
    for (const d of list.filter((x) => x.receivedOn <= today)) {
      const organId = organs.get(d.organCode)!;
      const reply = d.reply && d.reply.repliedOn <= today ? d.reply : null;
      const disclosure = reply && d.disclosure && ('publishedOn' in d.disclosure ? d.disclosure.publishedOn : d.disclosure.withheldOn) <= today ? d.disclosure : null;
      const state: ProposalState = !reply ? 'registered' : !disclosure ? 'replied' : 'publishedOn' in disclosure ? 'published' : 'withheld';
      const at = (on: string) => `${on}T02:00:00.000Z`;
      const last = disclosure ? ('publishedOn' in disclosure ? disclosure.publishedOn : disclosure.withheldOn) : reply?.repliedOn ?? d.receivedOn;
      const p = await insertProposal(trx, {
        organ_id: organId, kind: d.kind, number: d.number, title: d.title, submitters: d.submitters, session: d.session, year: d.year, received_on: d.receivedOn,
        role: d.role, partner_organs: d.partnerOrgans, due_on: monthsAfter(d.receivedOn, DEFAULT_DUE_MONTHS), due_explicit: 0, state,
        reply_text: reply?.text ?? null, replied_on: reply?.repliedOn ?? null, result: reply?.result ?? null,
        publish_due_on: reply ? calendar.addWorkingDays(reply.repliedOn, DEFAULT_PUBLISH_WORKING_DAYS) : null,
        satisfaction: reply?.satisfaction ?? null, satisfaction_note: null, public_text: disclosure && 'publishedOn' in disclosure ? reply!.text : null,
        published_on: disclosure && 'publishedOn' in disclosure ? disclosure.publishedOn : null,
        withheld_reason: disclosure && 'reason' in disclosure ? disclosure.reason : null, cancel_reason: null,
        created_by: null, created_at: at(d.receivedOn), updated_at: at(last),
      });
      // The history on the days things happened, in date order; the deputy's form comes back some days after the reply.
      const steps: { verb: string; on: string; to?: ProposalState; note?: string; data?: Record<string, unknown> }[] = [{ verb: 'register', on: d.receivedOn, to: 'registered' }];
      if (reply) {
        steps.push({ verb: 'reply', on: reply.repliedOn, to: 'replied' });
        const rated = addDays(reply.repliedOn, 10) <= today ? addDays(reply.repliedOn, 10) : today;
        if (reply.satisfaction) steps.push({ verb: 'recordSatisfaction', on: rated, data: { satisfaction: reply.satisfaction } });
      }
      if (disclosure && 'publishedOn' in disclosure) steps.push({ verb: 'publish', on: disclosure.publishedOn, to: 'published' });
      if (disclosure && 'reason' in disclosure) steps.push({ verb: 'withhold', on: disclosure.withheldOn, to: 'withheld', note: disclosure.reason });
      let current: ProposalState | null = null;
      for (const step of steps.sort((x, y) => x.on.localeCompare(y.on))) {
        const to: ProposalState = step.to ?? current!;
        await appendProposalEvent(trx, {
          proposalId: p.id, organId, verb: step.verb, fromState: current, toState: to, occurredOn: step.on, occurredAt: at(step.on), actorUserId: null, actorLabel: DEMO,
          note: step.note ?? '', data: step.data ?? {},
        });
        current = to;
      }
      written += 1;
    }
    const organId = organs.values().next().value!;
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: deps.clock.now().toISOString(), actorUserId: null, actorLabel: DEMO, action: 'demo.proposals', entityType: 'region', entityId: first.organCode,
      organId, before: null, after: { proposals: written },
    });
    return { proposals: written };
  });
}
