import type { Insertable, Selectable, Updateable } from 'kysely';
import type { LettersTable } from '../../../platform/db/schema-areas/interaction.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Letter, LetterState, LetterType, Rating } from '../domain/letter.ts';
import type { Executor } from './executor.ts';
import { containsText } from '../../../platform/db/like.ts';

export const toLetter = (r: Selectable<LettersTable>): Letter => ({
  id: r.id, organId: r.organ_id, trackingNo: r.tracking_no, type: r.type as LetterType, subject: r.subject, content: r.content,
  writerName: r.writer_name, contact: r.contact, publishConsent: r.publish_consent === 1, state: r.state as LetterState, unitId: r.unit_id, unitOpinionOn: r.unit_opinion_on ?? null,
  unitInstructions: r.unit_instructions ?? null, unitReportByOn: r.unit_report_by_on ?? null, unitOpinionAt: r.unit_opinion_at ?? null, handlerActedAt: r.handler_acted_at ?? null,
  receivedOn: r.received_on, dueWorkingDays: r.due_working_days, dueOn: r.due_on, threeMonthOn: r.three_month_on, submittedOn: r.submitted_on,
  replyText: r.reply_text, replyDraftedBy: r.reply_drafted_by, repliedOn: r.replied_on, rateByOn: r.rate_by_on, rating: r.rating as Rating | null,
  ratingComment: r.rating_comment, notAcceptedReason: r.not_accepted_reason, publicationWithdrawnReason: r.publication_withdrawn_reason ?? null, publicSubject: r.public_subject ?? null, publicContent: r.public_content ?? null, publicReplyText: r.public_reply_text ?? null, transferCount: r.transfer_count, version: r.version,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function allocateLetterSerial(db: Executor, organId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('letter_serials')
    .values({ organ_id: organId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organ_id', 'year']).doUpdateSet((eb) => ({ last_serial: eb('letter_serials.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

export async function insertLetter(db: Executor, row: Insertable<LettersTable>): Promise<Letter> {
  return toLetter(await db.insertInto('letters').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function findLetter(db: Executor, id: number): Promise<Letter | null> {
  const r = await db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toLetter(r) : null;
}

export async function findLetterByTrackingNo(db: Executor, trackingNo: string): Promise<(Letter & { queryCodeHash: string }) | null> {
  const r = await db.selectFrom('letters').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
  return r ? { ...toLetter(r), queryCodeHash: r.query_code_hash } : null;
}

/** The id of the letter with this number if it is one of these organs' (the number's unique index). */
export async function findLetterIdByTrackingNo(db: Executor, organIds: number[], trackingNo: string): Promise<number | null> {
  if (organIds.length === 0) return null;
  const r = await db.selectFrom('letters').select('id').where('tracking_no', '=', trackingNo).where('organ_id', 'in', organIds).executeTakeFirst();
  return r?.id ?? null;
}

/** Writes the change only if nobody changed the letter since it was read; returns null when someone did. */
export async function updateLetter(db: Executor, before: Letter, changes: Updateable<LettersTable>, at: string): Promise<Letter | null> {
  const r = await db.updateTable('letters').set({ ...changes, version: before.version + 1, updated_at: at })
    .where('id', '=', before.id).where('version', '=', before.version).returningAll().executeTakeFirst();
  return r ? toLetter(r) : null;
}

/**
 * A new 查询码's hash (reset-letter-query-code.ts). Not a verb on the letter: its version stays, so a
 * reply or 交办 form opened before the reset is not refused as if someone had handled the letter.
 */
export async function setLetterQueryCodeHash(db: Executor, letterId: number, queryCodeHash: string): Promise<void> {
  await db.updateTable('letters').set({ query_code_hash: queryCodeHash }).where('id', '=', letterId).execute();
}

export const LETTER_VIEWS = ['open', 'received', 'unit_opinion_new', 'overdue', 'due_soon', 'past_three_months', 'reply_review', 'replied', 'not_accepted', 'all'] as const;
export type LetterView = (typeof LETTER_VIEWS)[number];

export type LetterPage = { items: Letter[]; total: number; page: number; pageSize: number };

const OPEN = ['received', 'assigned', 'reply_review'];

/**
 * A page of an organ's letters, soonest due first for open views; `dueSoonOn` is the last day counted as
 * due soon. `words`: each must occur in the subject or the writer's name (a substring, LIKE over the
 * organ's letters, which are few — docs/workflows/mailbox.md, 搜索).
 */
export async function pageLetters(
  db: Executor, organIds: number[], view: LetterView, opts: { today: IsoDate; dueSoonOn: IsoDate; page: number; pageSize: number; words?: string[] },
): Promise<LetterPage> {
  if (organIds.length === 0) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
  let q = db.selectFrom('letters').where('organ_id', 'in', organIds);
  for (const word of opts.words ?? []) q = q.where((eb) => eb.or([containsText('subject', word), containsText('writer_name', word)]));
  switch (view) {
    case 'open': q = q.where('state', 'in', OPEN); break;
    case 'received': q = q.where('state', '=', 'received'); break;
    // unitOpinionUnread in SQL: the unit's note came after the organ's staff last acted on the letter.
    case 'unit_opinion_new': q = q.where('state', 'in', OPEN).where('unit_opinion_at', 'is not', null)
      .where((eb) => eb.or([eb('handler_acted_at', 'is', null), eb('handler_acted_at', '<', eb.ref('unit_opinion_at'))])); break;
    case 'overdue': q = q.where('state', 'in', OPEN).where('due_on', '<', opts.today); break;
    case 'due_soon': q = q.where('state', 'in', OPEN).where('due_on', '>=', opts.today).where('due_on', '<=', opts.dueSoonOn); break;
    case 'past_three_months': q = q.where('state', 'in', OPEN).where('three_month_on', '<', opts.today); break;
    case 'reply_review': q = q.where('state', '=', 'reply_review'); break;
    case 'replied': q = q.where('state', '=', 'replied'); break;
    case 'not_accepted': q = q.where('state', '=', 'not_accepted'); break;
    case 'all': break;
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const open = !['replied', 'not_accepted', 'all'].includes(view);
  const rows = await (open ? q.orderBy('due_on', 'asc') : q.orderBy('created_at', 'desc')).orderBy('id', 'desc')
    .selectAll().limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute();
  return { items: rows.map(toLetter), total, page: opts.page, pageSize: opts.pageSize };
}

/**
 * unitOpinionNew: open letters whose unit sent a note the organ's staff have not acted on since (unitOpinionUnread).
 * received: new letters nobody has acted on yet (待办理). waiting: the open letters any of the others counts, each once.
 */
export type LetterCounts = { received: number; overdue: number; dueSoon: number; pastThreeMonths: number; replyReview: number; unitOpinionNew: number; waiting: number };

/** What 待办 shows per organ, counted in SQL on the stored dates. */
export async function countLetters(db: Executor, organIds: number[], today: IsoDate, dueSoonOn: IsoDate): Promise<Map<number, LetterCounts>> {
  const out = new Map<number, LetterCounts>();
  if (organIds.length === 0) return out;
  const rows = await db.selectFrom('letters').where('organ_id', 'in', organIds).where('state', 'in', OPEN)
    .select(['organ_id', 'state', 'due_on', 'three_month_on', 'unit_opinion_at', 'handler_acted_at']).execute();
  for (const r of rows) {
    const c = out.get(r.organ_id) ?? { received: 0, overdue: 0, dueSoon: 0, pastThreeMonths: 0, replyReview: 0, unitOpinionNew: 0, waiting: 0 };
    const unread = r.unit_opinion_at !== null && (r.handler_acted_at === null || r.handler_acted_at < r.unit_opinion_at);
    if (unread) c.unitOpinionNew += 1;
    if (r.state === 'received') c.received += 1;
    if (r.due_on < today) c.overdue += 1;
    else if (r.due_on <= dueSoonOn) c.dueSoon += 1;
    if (r.three_month_on < today) c.pastThreeMonths += 1;
    if (r.state === 'reply_review') c.replyReview += 1;
    if (unread || r.state !== 'assigned' || r.due_on <= dueSoonOn || r.three_month_on < today) c.waiting += 1;
    out.set(r.organ_id, c);
  }
  return out;
}

export const UNIT_LETTER_VIEWS = ['awaiting_opinion', 'open', 'all'] as const;
export type UnitLetterView = (typeof UNIT_LETTER_VIEWS)[number];

/**
 * Letters handed to (交办) the units, of organs the person does not handle themselves (their own
 * mailbox lists those): 'awaiting_opinion' the open ones the unit has not written its 办理意见 on yet,
 * soonest due first; 'open' all open ones; 'all' every one, newest first. The rule is letterAccess's 'unit'.
 */
export async function pageUnitLetters(
  db: Executor, unitIds: number[], handledOrganIds: number[], view: UnitLetterView, opts: { page: number; pageSize: number },
): Promise<LetterPage> {
  if (unitIds.length === 0) return { items: [], total: 0, page: opts.page, pageSize: opts.pageSize };
  let q = db.selectFrom('letters').where('unit_id', 'in', unitIds);
  if (handledOrganIds.length > 0) q = q.where('organ_id', 'not in', handledOrganIds);
  if (view === 'awaiting_opinion') q = q.where('state', 'in', OPEN).where('unit_opinion_on', 'is', null);
  if (view === 'open') q = q.where('state', 'in', OPEN);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await (view === 'all' ? q.orderBy('created_at', 'desc') : q.orderBy('due_on', 'asc')).orderBy('id', 'desc')
    .selectAll().limit(opts.pageSize).offset((opts.page - 1) * opts.pageSize).execute();
  return { items: rows.map(toLetter), total, page: opts.page, pageSize: opts.pageSize };
}

/** Per unit: its open letters (of organs the person does not handle) still waiting for its 办理意见, for 待办. */
export async function countUnitLettersAwaitingOpinion(db: Executor, unitIds: number[], handledOrganIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (unitIds.length === 0) return out;
  let q = db.selectFrom('letters').where('unit_id', 'in', unitIds).where('state', 'in', OPEN).where('unit_opinion_on', 'is', null);
  if (handledOrganIds.length > 0) q = q.where('organ_id', 'not in', handledOrganIds);
  const rows = await q.select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('unit_id').execute();
  for (const r of rows) if (r.unit_id !== null) out.set(r.unit_id, Number(r.n));
  return out;
}

/** Replied letters the writers allowed to publish and staff have not taken off (撤下公开), newest reply first. */
export async function pagePublishedLetters(db: Executor, organId: number, page: number, pageSize: number): Promise<LetterPage> {
  const q = db.selectFrom('letters').where('organ_id', '=', organId).where('state', '=', 'replied').where('publish_consent', '=', 1).where('publication_withdrawn_reason', 'is', null);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('replied_on', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items: rows.map(toLetter), total, page, pageSize };
}

/** Letters an organ received (or had transferred to it) in a period, for statistics. */
export async function lettersReceivedBetween(db: Executor, organId: number, from: IsoDate, to: IsoDate): Promise<Letter[]> {
  const rows = await db.selectFrom('letters').selectAll().where('organ_id', '=', organId)
    .where('received_on', '>=', from).where('received_on', '<=', to).orderBy('id').execute();
  return rows.map(toLetter);
}
