import type { Executor } from '../../catalog/index.ts';

/** One submission task, for prefilling a new item's catalog node from it. */
export async function findSubmissionTask(db: Executor, taskId: number) {
  return db.selectFrom('submission_tasks').select(['id', 'node_id', 'title', 'organ_id', 'unit_id']).where('id', '=', taskId).executeTakeFirst();
}
