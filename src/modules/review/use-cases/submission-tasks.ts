import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { addDays, isIsoDate } from '../../../shared/iso-date.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, findOrganByCode, requireDraftRights, requireRoleOnOrgan, type Executor } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';

export const submissionTaskSchema = z.object({
  unitCode: z.string({ message: '请选择报送单位' }).trim().min(1, { message: '请选择报送单位' }),
  title: z.string({ message: '请填写任务名称' }).trim().min(1, { message: '请填写任务名称' }).max(100, { message: '任务名称不能超过 100 个字符' }),
  description: z.string().trim().max(1000).optional().default(''),
  nodeId: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number({ message: '栏目应为栏目编号' }).int().positive().nullable()),
  everyDays: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number({ message: '周期应为天数' }).int().min(1, { message: '周期至少 1 天' }).max(366, { message: '周期最多 366 天' }).nullable()),
  dueOn: z.string({ message: '请填写截止日期' }).trim().refine(isIsoDate, { message: '截止日期应为有效日期（YYYY-MM-DD）' }),
});

/** The disclosure office assigns a unit a submission task (e.g. update 工作动态 every 14 days). */
export async function createSubmissionTask(deps: AppDeps, actor: Actor, organId: number, raw: unknown): Promise<number> {
  const input = submissionTaskSchema.parse(raw);
  return deps.db.transaction().execute(async (trx) => {
    await requireRoleOnOrgan(trx, actor, organId, 'editor');
    if (actor.kind === 'user' && !actor.principal.roles.some((r) => ['disclosure_office', 'organ_admin', 'system_admin'].includes(r.role))) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以布置报送任务', { httpStatus: 403 });
    }
    const unit = await findOrganByCode(trx, input.unitCode);
    if (!unit || (unit.id !== organId && unit.parentId !== organId)) throw new DomainError('ERR_REVIEW_TASK_UNIT', '报送单位应为本机关或其下属单位', { field: 'unitCode' });
    const at = deps.clock.now().toISOString();
    const row = await trx.insertInto('submission_tasks').values({
      organ_id: organId, unit_id: unit.id, node_id: input.nodeId, title: input.title, description: input.description, every_days: input.everyDays,
      next_due_on: input.dueOn, active: 1, created_by: actor.kind === 'user' ? actor.principal.userId : null, created_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await appendCatalogAudit(trx, deps, actor, at, { action: 'submission_task.create', entityType: 'submission_task', entityId: row.id, organId, after: input });
    return row.id;
  });
}

/** A submission made for a task moves a recurring task to its next due date and closes a one-off one. */
export async function advanceTask(trx: Executor, taskId: number, submittedOn: string): Promise<void> {
  const t = await trx.selectFrom('submission_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!t || t.active !== 1) return;
  if (t.every_days) {
    // The submission fulfils the current period, early or late; the next one is due a period later.
    let next = addDays(t.next_due_on, t.every_days);
    while (next <= submittedOn) next = addDays(next, t.every_days);
    await trx.updateTable('submission_tasks').set({ next_due_on: next }).where('id', '=', taskId).execute();
  } else {
    await trx.updateTable('submission_tasks').set({ active: 0 }).where('id', '=', taskId).execute();
  }
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

/** Records that a draft answers a submission task; the task advances when the draft is submitted. */
export async function linkToTask(deps: AppDeps, actor: Actor, publicationId: number, taskId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const t = await trx.selectFrom('submission_tasks').selectAll().where('id', '=', taskId).where('active', '=', 1).executeTakeFirst();
    const p = await trx.selectFrom('publications').select(['id', 'organ_id', 'status']).where('id', '=', publicationId).executeTakeFirst();
    if (!t || !p || t.organ_id !== p.organ_id) throw new DomainError('ERR_REVIEW_TASK_UNIT', '报送任务不存在或不属于本机关', { field: 'taskId' });
    await requireDraftRights(trx, actor, p.organ_id, t.unit_id === t.organ_id ? null : t.unit_id);
    await trx.updateTable('publications').set({ task_id: taskId, submitting_unit_id: t.unit_id === t.organ_id ? null : t.unit_id }).where('id', '=', publicationId).execute();
  });
}
