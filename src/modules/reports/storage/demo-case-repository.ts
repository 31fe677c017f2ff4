import type { Insertable } from 'kysely';
import type { AppealsTable, ApplicationsTable } from '../../../platform/db/schema-areas/applications.ts';
import type { Executor } from './executor.ts';

/** Writes of the demo's report case (one application and its appeals), for seedDemoReportData. */

/** Whether an application with this tracking number exists. */
export async function applicationWithTrackingNoExists(db: Executor, trackingNo: string): Promise<boolean> {
  return !!(await db.selectFrom('applications').select('id').where('tracking_no', '=', trackingNo).executeTakeFirst());
}

/** Inserts an application as given; returns its id. */
export async function insertApplicationRow(db: Executor, values: Insertable<ApplicationsTable>): Promise<number> {
  return (await db.insertInto('applications').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Records an organ's tracking-number serial for a year unless one is there already; returns nothing. */
export async function reserveApplicationSerial(db: Executor, organId: number, year: number, lastSerial: number): Promise<void> {
  await db.insertInto('application_serials').values({ organ_id: organId, year, last_serial: lastSerial }).onConflict((oc) => oc.columns(['organ_id', 'year']).doNothing()).execute();
}

/** Inserts appeal rows as given, in one statement; returns nothing. */
export async function insertAppealRows(db: Executor, rows: Insertable<AppealsTable>[]): Promise<void> {
  await db.insertInto('appeals').values(rows).execute();
}
