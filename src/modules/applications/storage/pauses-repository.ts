import type { IsoDate } from '../../../shared/iso-date.ts';
import type { Pause, PauseKind } from '../domain/application.ts';
import type { Executor } from './executor.ts';

export async function listPauses(db: Executor, applicationId: number): Promise<Pause[]> {
  const rows = await db.selectFrom('application_pauses').selectAll().where('application_id', '=', applicationId).orderBy('started_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as PauseKind,
    party: r.party,
    startedOn: r.started_on,
    expectedEndOn: r.expected_end_on,
    endedOn: r.ended_on,
    note: r.note,
  }));
}

export async function openPause(
  db: Executor, applicationId: number,
  p: { kind: PauseKind; party: string; startedOn: IsoDate; expectedEndOn: IsoDate; note: string }, at: string,
): Promise<void> {
  await db
    .insertInto('application_pauses')
    .values({ application_id: applicationId, kind: p.kind, party: p.party, started_on: p.startedOn, expected_end_on: p.expectedEndOn, ended_on: null, note: p.note, created_at: at })
    .execute();
}

export async function closePause(db: Executor, pauseId: number, endedOn: IsoDate): Promise<void> {
  await db.updateTable('application_pauses').set({ ended_on: endedOn }).where('id', '=', pauseId).where('ended_on', 'is', null).execute();
}
