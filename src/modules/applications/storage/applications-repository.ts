import type { Expression, ExpressionBuilder, Insertable, SqlBool, Updateable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { ApplicationsTable } from '../../../platform/db/schema-areas/applications.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Application } from '../domain/application.ts';
import { OPEN_STATES, type ApplicationState } from '../domain/application-states.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { toApplication, type DueColumns } from './application-row.ts';
import type { Executor } from './executor.ts';
import { containsText } from '../../../platform/db/like.ts';

export async function insertApplication(db: Executor, values: Insertable<ApplicationsTable>): Promise<Application> {
  const row = await db.insertInto('applications').values(values).returningAll().executeTakeFirstOrThrow();
  return toApplication(row);
}

export async function findApplication(db: Executor, id: number): Promise<Application | null> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApplication(row) : null;
}

export async function findApplicationByTrackingNo(db: Executor, trackingNo: string): Promise<(Application & { queryCodeHash: string | null }) | null> {
  const row = await db.selectFrom('applications').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirst();
  return row ? { ...toApplication(row), queryCodeHash: row.query_code_hash } : null;
}

export async function requireApplication(db: Executor, id: number): Promise<Application> {
  const app = await findApplication(db, id);
  if (!app) throw new DomainError(E.notFound, '申请不存在', { httpStatus: 404 });
  return app;
}

/** Writes the changes only if nobody changed the case since it was read (optimistic `version`). */
export async function updateApplication(db: Executor, app: Application, set: Updateable<ApplicationsTable>, at: string): Promise<Application> {
  const row = await db
    .updateTable('applications')
    .set({ ...set, version: app.version + 1, updated_at: at })
    .where('id', '=', app.id)
    .where('version', '=', app.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new DomainError(E.versionConflict, '该申请已被他人修改，请刷新页面后重试', { httpStatus: 409 });
  return toApplication(row);
}

/** The next serial of an organ's tracking numbers in a year (atomic on both databases). */
export async function allocateTrackingSerial(db: Executor, organId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('application_serials')
    .values({ organ_id: organId, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organ_id', 'year']).doUpdateSet((eb) => ({ last_serial: eb('application_serials.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

export async function trackingNoExists(db: Executor, trackingNos: string[]): Promise<Set<string>> {
  if (trackingNos.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < trackingNos.length; i += 500) {
    const rows = await db.selectFrom('applications').select('tracking_no').where('tracking_no', 'in', trackingNos.slice(i, i + 500)).execute();
    for (const r of rows) found.add(r.tracking_no);
  }
  return found;
}

/**
 * This application's place among the same applicant's applications received by the organ in the
 * same calendar month (按件计收, 国办函〔2020〕109号第四条); ties on the day are ordered by id.
 */
export async function applicantOrdinalInMonth(db: Executor, app: Application): Promise<number | null> {
  if (!app.receivedOn) return null;
  const month = app.receivedOn.slice(0, 7);
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'received_on'])
    .where('organ_id', '=', app.organId)
    .where('applicant_key', '=', app.applicantKey)
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`)
    .where('state', '!=', 'discarded')
    .execute();
  const before = rows.filter((r) => r.received_on! < app.receivedOn! || (r.received_on === app.receivedOn && r.id <= app.id));
  return before.length;
}

export type WorkListFilter = {
  organIds: number[];
  view: 'open' | 'due_soon' | 'overdue' | 'awaiting_confirmation' | 'unconfirmed_aged' | 'proactive' | 'closed' | 'all';
  today: IsoDate;
  /** For due_soon: the last due date included (today + N working days). */
  dueBy?: IsoDate;
  /** For unconfirmed_aged: the last arrival date that counts as aged. */
  arrivedBy?: IsoDate;
  q?: string;
  limit?: number;
  offset?: number;
};

type View = WorkListFilter['view'];
type Bounds = Pick<WorkListFilter, 'today' | 'dueBy' | 'arrivedBy'>;

/**
 * Which cases a work-list view holds, as one SQL condition on the stored dates: the list and the
 * counts of 待办 and 工作台 use the same condition, so they always agree.
 */
function inView(eb: ExpressionBuilder<Database, 'applications'>, view: Exclude<View, 'all'>, f: Bounds): Expression<SqlBool> {
  const running: ApplicationState[] = OPEN_STATES.filter((s) => s !== 'awaiting_correction');
  switch (view) {
    case 'open':
      return eb('state', 'in', [...OPEN_STATES]);
    case 'due_soon':
      return eb.and([eb('state', 'in', running), eb('due_on', '>=', f.today), eb('due_on', '<=', f.dueBy ?? f.today)]);
    case 'overdue':
      return eb.or([
        eb.and([eb('state', 'in', running), eb('due_on', '<', f.today)]),
        eb.and([eb('state', '=', 'awaiting_correction'), eb('correction_due_on', '<', f.today)]),
        eb.and([eb('state', '=', 'awaiting_fee'), eb('fee_due_on', '<', f.today)]),
      ]);
    case 'awaiting_confirmation':
      return eb('state', '=', 'awaiting_confirmation');
    case 'unconfirmed_aged':
      return eb.and([eb('state', '=', 'awaiting_confirmation'), eb('arrived_on', '<=', f.arrivedBy ?? f.today)]);
    case 'proactive':
      return eb('proactive_flag', '=', 1);
    case 'closed':
      return eb('state', 'in', ['replied', 'archived']);
  }
}

export type CountedView = 'awaiting_confirmation' | 'unconfirmed_aged' | 'due_soon' | 'overdue';
const COUNTED_VIEWS: CountedView[] = ['awaiting_confirmation', 'unconfirmed_aged', 'due_soon', 'overdue'];

/** How many open cases each organ has in each view that needs the staff's attention, in one query. */
export async function countWorkByOrgan(db: Executor, organIds: number[], f: Bounds): Promise<Map<number, Record<CountedView, number>>> {
  const out = new Map<number, Record<CountedView, number>>();
  if (organIds.length === 0) return out;
  const rows = await db
    .selectFrom('applications')
    .select((eb) => [
      'organ_id',
      ...COUNTED_VIEWS.map((v) => eb.fn.sum<number>(eb.case().when(inView(eb, v, f)).then(1).else(0).end()).as(v)),
    ])
    .where('organ_id', 'in', organIds)
    .where('state', 'in', ['awaiting_confirmation', ...OPEN_STATES])
    .groupBy('organ_id')
    .execute();
  for (const r of rows) {
    const row = r as unknown as Record<CountedView, unknown> & { organ_id: number };
    out.set(row.organ_id, Object.fromEntries(COUNTED_VIEWS.map((v) => [v, Number(row[v] ?? 0)])) as Record<CountedView, number>);
  }
  return out;
}

/** The staff work list; due-soon and overdue are SQL comparisons on the stored due dates. */
export async function listApplications(db: Executor, f: WorkListFilter): Promise<{ items: Application[]; total: number }> {
  if (f.organIds.length === 0) return { items: [], total: 0 };
  let q = db.selectFrom('applications').where('organ_id', 'in', f.organIds);
  const view = f.view;
  if (view !== 'all') q = q.where((eb) => inView(eb, view, f));
  if (f.q?.trim()) {
    const text = f.q.trim();
    q = q.where((eb) => eb.or([containsText('tracking_no', text), containsText('applicant_name', text), containsText('subject', text)]));
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy((eb) => eb.case().when('due_on', 'is', null).then(1).else(0).end())
    .orderBy('due_on')
    .orderBy('id', 'desc')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  return { items: rows.map(toApplication), total };
}

/** Open cases whose correction or fee window ended before today (closeLapsedCases works through them). */
export async function listLapseCandidates(db: Executor, today: IsoDate): Promise<Application[]> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'awaiting_correction'), eb('correction_due_on', '<', today)]),
        eb.and([eb('state', '=', 'awaiting_fee'), eb('fee_due_on', '<', today)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map(toApplication);
}

/** Received, not yet closed cases (their due dates are recomputed when the calendar changes). */
export async function listRunningApplications(db: Executor): Promise<Application[]> {
  const rows = await db.selectFrom('applications').selectAll().where('state', 'in', [...OPEN_STATES]).orderBy('id').execute();
  return rows.map(toApplication);
}

/**
 * The organ's cases that may be an applicant's earlier application (duplicate-applications.ts): those
 * under the same name or the same applicant key (ID, or name and phone), still open or awaiting
 * confirmation, or arrived on or after `since`. The domain decides which are the same request.
 */
export async function listApplicantCases(db: Executor, organId: number, who: { name: string; applicantKey: string }, since: IsoDate): Promise<Application[]> {
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('organ_id', '=', organId)
    .where((eb) => eb.or([eb('applicant_name', '=', who.name.trim()), eb('applicant_key', '=', who.applicantKey)]))
    .where((eb) => eb.or([eb('state', 'in', [...OPEN_STATES, 'awaiting_confirmation']), eb('arrived_on', '>=', since)]))
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(toApplication);
}

/**
 * How many other cases of the organ disclosed (in whole or part) the same information, by the same
 * subject text (条例第四十四条: information disclosed on application to several applicants).
 */
export async function sameSubjectDisclosures(db: Executor, app: Application): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organ_id', '=', app.organId)
    .where('id', '!=', app.id)
    .where('subject', '=', app.subject.trim())
    .where('outcome', 'in', ['disclosed', 'partly_disclosed'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Applications received in a year (receipt date in the year), per channel and outcome (null while open). */
export async function channelOutcomeCounts(db: Executor, organIds: number[], year: number): Promise<{ channel: string; outcome: string | null; count: number }[]> {
  if (organIds.length === 0) return [];
  const rows = await db
    .selectFrom('applications')
    .select(['channel', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', organIds)
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .groupBy(['channel', 'outcome'])
    .execute();
  return rows.map((r) => ({ channel: r.channel, outcome: r.outcome, count: Number(r.n) }));
}

/** Stores a case's recomputed due-date columns (the version is not bumped: derived data); returns nothing. */
export async function setDueColumns(db: Executor, id: number, due: DueColumns): Promise<void> {
  await db.updateTable('applications').set(due).where('id', '=', id).execute();
}

/** An organ's applications with these tracking numbers: id, tracking number, arrival date and outcome. */
export async function organApplicationsByTrackingNo(db: Executor, organId: number, trackingNos: string[]) {
  return db.selectFrom('applications').select(['id', 'tracking_no', 'arrived_on', 'outcome']).where('organ_id', '=', organId).where('tracking_no', 'in', trackingNos).execute();
}
