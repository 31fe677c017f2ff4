import type { Executor } from '../../catalog/index.ts';

/** One submission task, for prefilling a new item's catalog node from it. */
export async function findSubmissionTask(db: Executor, taskId: number) {
  return db.selectFrom('submission_tasks').select(['id', 'node_id', 'title', 'organ_id', 'unit_id']).where('id', '=', taskId).executeTakeFirst();
}

/** A task still to be fulfilled, or undefined when there is none or it is closed. */
export async function findActiveTask(db: Executor, taskId: number) {
  return db.selectFrom('submission_tasks').selectAll().where('id', '=', taskId).where('active', '=', 1).executeTakeFirst();
}

/** Records a new task; returns its id. */
export async function insertSubmissionTask(db: Executor, t: {
  organId: number; unitId: number; nodeId: number | null; title: string; description: string; everyDays: number | null; nextDueOn: string; createdBy: number | null; createdAt: string;
}): Promise<number> {
  const row = await db.insertInto('submission_tasks').values({
    organ_id: t.organId, unit_id: t.unitId, node_id: t.nodeId, title: t.title, description: t.description, every_days: t.everyDays,
    next_due_on: t.nextDueOn, active: 1, created_by: t.createdBy, created_at: t.createdAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A recurring task's next due date. */
export async function moveTaskDueDate(db: Executor, taskId: number, nextDueOn: string): Promise<void> {
  await db.updateTable('submission_tasks').set({ next_due_on: nextDueOn }).where('id', '=', taskId).execute();
}

/** A one-off task is done. */
export async function closeTask(db: Executor, taskId: number): Promise<void> {
  await db.updateTable('submission_tasks').set({ active: 0 }).where('id', '=', taskId).execute();
}

/** Marks a draft as the answer to a task, submitted by the task's unit (null: the organ itself). */
export async function answerTask(db: Executor, publicationId: number, taskId: number, unitId: number | null): Promise<void> {
  await db.updateTable('publications').set({ task_id: taskId, submitting_unit_id: unitId }).where('id', '=', publicationId).execute();
}

/** Open tasks of these units, and every task of these organs (for the organ's own staff). */
export async function openTasks(db: Executor, organIds: number[]) {
  if (organIds.length === 0) return [];
  return db
    .selectFrom('submission_tasks as t')
    .innerJoin('organs as u', 'u.id', 't.unit_id')
    .innerJoin('organs as o', 'o.id', 't.organ_id')
    .select(['t.id', 't.title', 't.description', 't.next_due_on', 't.every_days', 't.node_id', 'u.name as unit_name', 'o.code as organ_code', 't.organ_id', 't.unit_id'])
    .where('t.active', '=', 1)
    .where((eb) => eb.or([eb('t.unit_id', 'in', organIds), eb('t.organ_id', 'in', organIds)]))
    .orderBy('t.next_due_on')
    .execute();
}
