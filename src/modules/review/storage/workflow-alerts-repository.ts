import type { Executor } from '../../catalog/index.ts';

/** Alerts of the workflow (a scheduled item published late, a failed run) not yet marked as dealt with, newest first. */
export async function openAlerts(db: Executor, organIds: number[], limit = 50) {
  if (organIds.length === 0) return [];
  return db.selectFrom('workflow_alerts').select(['id', 'message', 'publication_id']).where('organ_id', 'in', organIds).where('resolved_at', 'is', null).orderBy('id', 'desc').limit(limit).execute();
}

export async function findAlert(db: Executor, id: number) {
  return db.selectFrom('workflow_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function resolveAlert(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('workflow_alerts').set({ resolved_at: at }).where('id', '=', id).execute();
}

/** Whether an item already has an unresolved alert of this kind. */
export async function hasOpenAlert(db: Executor, publicationId: number, kind: string): Promise<boolean> {
  return !!(await db.selectFrom('workflow_alerts').select('id').where('publication_id', '=', publicationId).where('kind', '=', kind).where('resolved_at', 'is', null).executeTakeFirst());
}

/** Leaves an alert for the organ's staff about an item. */
export async function raiseAlert(db: Executor, a: { organId: number; publicationId: number; kind: string; message: string; at: string }): Promise<void> {
  await db.insertInto('workflow_alerts').values({ organ_id: a.organId, publication_id: a.publicationId, kind: a.kind, message: a.message, created_at: a.at, resolved_at: null }).execute();
}
