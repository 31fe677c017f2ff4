import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ProposalsTable } from '../../../platform/db/schema-areas/interaction.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Rating } from '../domain/letter.ts';
import {
  DEFAULT_PROPOSAL_SETTINGS, type HandlingRole, type Proposal, type ProposalKind, type ProposalResult, type ProposalSettings, type ProposalState,
} from '../domain/proposal.ts';
import type { Executor } from './executor.ts';

const toProposal = (r: Selectable<ProposalsTable>): Proposal => ({
  id: r.id, organId: r.organ_id, kind: r.kind as ProposalKind, number: r.number, title: r.title, submitters: r.submitters, session: r.session,
  year: Number(r.year), receivedOn: r.received_on, role: r.role as HandlingRole, partnerOrgans: r.partner_organs, dueOn: r.due_on,
  dueExplicit: r.due_explicit === 1, state: r.state as ProposalState, replyText: r.reply_text, repliedOn: r.replied_on,
  result: r.result as ProposalResult | null, publishDueOn: r.publish_due_on, satisfaction: r.satisfaction as Rating | null,
  satisfactionNote: r.satisfaction_note, publicText: r.public_text, publishedOn: r.published_on, withheldReason: r.withheld_reason,
  cancelReason: r.cancel_reason, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function insertProposal(db: Executor, row: Insertable<ProposalsTable>): Promise<Proposal> {
  return toProposal(await db.insertInto('proposals').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function findProposal(db: Executor, id: number): Promise<Proposal | null> {
  const r = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toProposal(r) : null;
}

/** Whether the organ already has this number for the kind and year (cancelled registrations aside). */
export async function proposalNumberTaken(db: Executor, k: { organId: number; kind: string; year: number; number: string; exceptId?: number }): Promise<boolean> {
  let q = db.selectFrom('proposals').select('id').where('organ_id', '=', k.organId).where('kind', '=', k.kind).where('year', '=', k.year)
    .where('number', '=', k.number).where('state', '<>', 'cancelled');
  if (k.exceptId !== undefined) q = q.where('id', '<>', k.exceptId);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

/** Writes the change only if nobody changed the record since it was read; null when someone did. */
export async function updateProposal(db: Executor, before: Proposal, changes: Updateable<ProposalsTable>, at: string): Promise<Proposal | null> {
  const r = await db.updateTable('proposals').set({ ...changes, version: before.version + 1, updated_at: at })
    .where('id', '=', before.id).where('version', '=', before.version).returningAll().executeTakeFirst();
  return r ? toProposal(r) : null;
}

/** The lists staff choose from: every state, and the open ones past or near their due date, and replies whose publication decision is late. */
export const PROPOSAL_VIEWS = ['all', 'registered', 'overdue', 'due_soon', 'replied', 'publish_late', 'published', 'withheld', 'cancelled'] as const;
export type ProposalView = (typeof PROPOSAL_VIEWS)[number];
export type ProposalFilter = { view: ProposalView; year?: number; kind?: ProposalKind };
export type ProposalPage = { items: Proposal[]; total: number; page: number; pageSize: number };

/** A page of an organ's records: open views soonest due first, the others newest received first. */
export async function pageProposals(
  db: Executor, organId: number, f: ProposalFilter, opts: { today: IsoDate; dueSoonOn: IsoDate; page: number; pageSize: number },
): Promise<ProposalPage> {
  let q = db.selectFrom('proposals').where('organ_id', '=', organId);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.kind) q = q.where('kind', '=', f.kind);
  switch (f.view) {
    case 'all': break;
    case 'overdue': q = q.where('state', '=', 'registered').where('due_on', '<', opts.today); break;
    case 'due_soon': q = q.where('state', '=', 'registered').where('due_on', '>=', opts.today).where('due_on', '<=', opts.dueSoonOn); break;
    case 'publish_late': q = q.where('state', '=', 'replied').where('publish_due_on', '<', opts.today); break;
    default: q = q.where('state', '=', f.view);
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const open = ['registered', 'overdue', 'due_soon'].includes(f.view);
  const rows = await (open ? q.orderBy('due_on', 'asc') : q.orderBy('received_on', 'desc')).orderBy('id', 'desc')
    .selectAll().limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute();
  return { items: rows.map(toProposal), total, page: opts.page, pageSize: opts.pageSize };
}

/** The years an organ has records of (published ones only for the portal), newest first. */
export async function proposalYears(db: Executor, organId: number, publishedOnly = false): Promise<number[]> {
  let q = db.selectFrom('proposals').select('year').distinct().where('organ_id', '=', organId);
  if (publishedOnly) q = q.where('state', '=', 'published');
  return (await q.orderBy('year', 'desc').execute()).map((r) => Number(r.year));
}

export type ProposalWorkCounts = { overdue: number; dueSoon: number; publishLate: number };

/** What 待办 shows per organ, counted on the stored dates. */
export async function countProposalWork(db: Executor, organIds: number[], today: IsoDate, dueSoonOn: IsoDate): Promise<Map<number, ProposalWorkCounts>> {
  const out = new Map<number, ProposalWorkCounts>();
  if (organIds.length === 0) return out;
  const rows = await db.selectFrom('proposals').select(['organ_id', 'state', 'due_on', 'publish_due_on'])
    .where('organ_id', 'in', organIds)
    .where((eb) => eb.or([
      eb.and([eb('state', '=', 'registered'), eb('due_on', '<=', dueSoonOn)]),
      eb.and([eb('state', '=', 'replied'), eb('publish_due_on', '<', today)]),
    ]))
    .execute();
  for (const r of rows) {
    const c = out.get(r.organ_id) ?? { overdue: 0, dueSoon: 0, publishLate: 0 };
    if (r.state === 'replied') c.publishLate += 1;
    else if (r.due_on < today) c.overdue += 1;
    else c.dueSoon += 1;
    out.set(r.organ_id, c);
  }
  return out;
}

/** A deadline of an open record, for the e-mailed reminders: its reply (registered) or the decision on publishing its result (replied). */
export type ProposalDeadlineRow = Pick<Proposal, 'id' | 'organId' | 'kind' | 'year' | 'number' | 'title'> & { deadline: 'reply' | 'publish'; dueOn: IsoDate };

/** The reply deadlines on or before `dueSoonOn` of records not yet answered, and the publication decisions due by then of answered ones. */
export async function proposalDeadlines(db: Executor, organIds: number[], dueSoonOn: IsoDate): Promise<ProposalDeadlineRow[]> {
  if (organIds.length === 0) return [];
  const rows = await db.selectFrom('proposals').select(['id', 'organ_id', 'kind', 'year', 'number', 'title', 'state', 'due_on', 'publish_due_on'])
    .where('organ_id', 'in', organIds)
    .where((eb) => eb.or([
      eb.and([eb('state', '=', 'registered'), eb('due_on', '<=', dueSoonOn)]),
      eb.and([eb('state', '=', 'replied'), eb('publish_due_on', '<=', dueSoonOn)]),
    ]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id, organId: r.organ_id, kind: r.kind as Proposal['kind'], year: Number(r.year), number: r.number, title: r.title,
    ...(r.state === 'replied' ? { deadline: 'publish' as const, dueOn: r.publish_due_on! } : { deadline: 'reply' as const, dueOn: r.due_on }),
  }));
}

/** Published results of an organ, newest publication first. */
export async function pagePublishedProposals(db: Executor, organId: number, f: { year?: number; kind?: ProposalKind }, page: number, pageSize: number): Promise<ProposalPage> {
  let q = db.selectFrom('proposals').where('organ_id', '=', organId).where('state', '=', 'published');
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('published_on', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(toProposal), total, page, pageSize };
}

export type ProposalYearRow = { organId: number; kind: ProposalKind; role: HandlingRole; state: ProposalState; repliedOn: IsoDate | null; publishedOn: IsoDate | null };

/** The records the organs received in a year (cancelled registrations aside), for the annual report's figures. */
export async function proposalsReceivedIn(db: Executor, organIds: number[], year: number): Promise<ProposalYearRow[]> {
  if (organIds.length === 0) return [];
  const rows = await db.selectFrom('proposals').select(['organ_id', 'kind', 'role', 'state', 'replied_on', 'published_on'])
    .where('organ_id', 'in', organIds).where('received_on', '>=', `${year}-01-01`).where('received_on', '<=', `${year}-12-31`)
    .where('state', '<>', 'cancelled').execute();
  return rows.map((r) => ({
    organId: r.organ_id, kind: r.kind as ProposalKind, role: r.role as HandlingRole, state: r.state as ProposalState, repliedOn: r.replied_on, publishedOn: r.published_on,
  }));
}

export type ProposalEvent = {
  id: number; proposalId: number; organId: number; verb: string; fromState: string | null; toState: string;
  occurredOn: string; occurredAt: string; actorUserId: number | null; actorLabel: string; note: string; data: Record<string, unknown>;
};

export async function appendProposalEvent(db: Executor, e: Omit<ProposalEvent, 'id'>): Promise<void> {
  await db.insertInto('proposal_events').values({
    proposal_id: e.proposalId, organ_id: e.organId, verb: e.verb, from_state: e.fromState, to_state: e.toState, occurred_on: e.occurredOn,
    occurred_at: e.occurredAt, actor_user_id: e.actorUserId, actor_label: e.actorLabel, note: e.note, data_json: JSON.stringify(e.data),
  }).execute();
}

export async function listProposalEvents(db: Executor, proposalId: number): Promise<ProposalEvent[]> {
  const rows = await db.selectFrom('proposal_events').selectAll().where('proposal_id', '=', proposalId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, proposalId: r.proposal_id, organId: r.organ_id, verb: r.verb, fromState: r.from_state, toState: r.to_state, occurredOn: r.occurred_on,
    occurredAt: r.occurred_at, actorUserId: r.actor_user_id, actorLabel: r.actor_label, note: r.note, data: r.data_json ? JSON.parse(r.data_json) : {},
  }));
}

export async function loadProposalSettings(db: Executor, organId: number): Promise<ProposalSettings> {
  const r = await db.selectFrom('proposal_settings').selectAll().where('organ_id', '=', organId).executeTakeFirst();
  return r ? { dueMonths: r.due_months, publishWorkingDays: r.publish_working_days } : { ...DEFAULT_PROPOSAL_SETTINGS };
}

export async function saveProposalSettings(db: Executor, organId: number, s: ProposalSettings, at: string): Promise<void> {
  const values = { due_months: s.dueMonths, publish_working_days: s.publishWorkingDays, updated_at: at };
  await db.insertInto('proposal_settings').values({ organ_id: organId, ...values }).onConflict((oc) => oc.column('organ_id').doUpdateSet(values)).execute();
}

/** A published result as the site search reads it: no texts (search-entries.ts). */
export type ProposalTitleRow = Pick<Proposal, 'id' | 'organId' | 'kind' | 'number' | 'title' | 'year' | 'repliedOn' | 'publishedOn'>;

/**
 * The site search's candidates: the published results of these organs (null: every organ), newest publication first,
 * at most `limit`; their titles only, matched in memory (a county publishes tens a year).
 */
export async function publishedProposalTitles(db: Executor, organIds: number[] | null, limit: number): Promise<ProposalTitleRow[]> {
  if (organIds && organIds.length === 0) return [];
  let q = db.selectFrom('proposals').select(['id', 'organ_id', 'kind', 'number', 'title', 'year', 'replied_on', 'published_on']).where('state', '=', 'published');
  if (organIds) q = q.where('organ_id', 'in', organIds);
  const rows = await q.orderBy('published_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, organId: r.organ_id, kind: r.kind as ProposalKind, number: r.number, title: r.title, year: Number(r.year), repliedOn: r.replied_on, publishedOn: r.published_on }));
}
