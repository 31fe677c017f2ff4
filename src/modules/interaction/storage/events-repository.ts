import type { Executor } from './executor.ts';

export type LetterEvent = {
  id: number; letterId: number; organId: number; verb: string; fromState: string | null; toState: string;
  occurredOn: string; occurredAt: string; actorUserId: number | null; actorLabel: string; note: string; data: Record<string, unknown>;
};

export async function appendLetterEvent(db: Executor, e: Omit<LetterEvent, 'id'>): Promise<void> {
  await db.insertInto('letter_events').values({
    letter_id: e.letterId, organ_id: e.organId, verb: e.verb, from_state: e.fromState, to_state: e.toState, occurred_on: e.occurredOn,
    occurred_at: e.occurredAt, actor_user_id: e.actorUserId, actor_label: e.actorLabel, note: e.note, data_json: JSON.stringify(e.data),
  }).execute();
}

export async function listLetterEvents(db: Executor, letterId: number): Promise<LetterEvent[]> {
  const rows = await db.selectFrom('letter_events').selectAll().where('letter_id', '=', letterId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id, letterId: r.letter_id, organId: r.organ_id, verb: r.verb, fromState: r.from_state, toState: r.to_state, occurredOn: r.occurred_on,
    occurredAt: r.occurred_at, actorUserId: r.actor_user_id, actorLabel: r.actor_label, note: r.note, data: r.data_json ? JSON.parse(r.data_json) : {},
  }));
}
