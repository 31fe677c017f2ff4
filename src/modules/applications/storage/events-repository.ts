import type { IsoDate, IsoInstant } from '../../../shared/iso-date.ts';
import type { Executor } from './executor.ts';

export type ApplicationEvent = {
  id: number;
  verb: string;
  fromState: string | null;
  toState: string;
  occurredOn: IsoDate;
  occurredAt: IsoInstant;
  actorUserId: number | null;
  actorLabel: string;
  note: string;
  data: Record<string, unknown>;
};

export async function appendEvent(
  db: Executor, applicationId: number,
  e: { verb: string; fromState: string | null; toState: string; occurredOn: IsoDate; occurredAt: IsoInstant; actorUserId: number | null; actorLabel: string; note: string; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: applicationId, verb: e.verb, from_state: e.fromState, to_state: e.toState, occurred_on: e.occurredOn, occurred_at: e.occurredAt,
      actor_user_id: e.actorUserId, actor_label: e.actorLabel, note: e.note, data_json: JSON.stringify(e.data ?? {}),
    })
    .execute();
}

export async function listEvents(db: Executor, applicationId: number): Promise<ApplicationEvent[]> {
  const rows = await db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, verb: r.verb, fromState: r.from_state, toState: r.to_state, occurredOn: r.occurred_on, occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id, actorLabel: r.actor_label, note: r.note, data: JSON.parse(r.data_json) as Record<string, unknown>,
  }));
}
