import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { addDays, isIsoDate } from '../../../shared/iso-date.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, findOrganByCode, findPublication, organChain, requireDraftRights, requireRoleOnOrgan, type Executor } from '../../catalog/index.ts';
import { mayAssignTasks, type Actor } from '../../identity/index.ts';
import { answerTask, closeTask, findActiveTask, insertSubmissionTask, moveTaskDueDate } from '../storage/submission-tasks-repository.ts';

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
    // The disclosure office (or administrator) of this organ, not of any organ.
    if (actor.kind === 'user' && !mayAssignTasks(actor.principal, await organChain(trx, organId))) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '只有政务公开办公室或机关管理员可以布置报送任务', { httpStatus: 403 });
    }
    const unit = await findOrganByCode(trx, input.unitCode);
    if (!unit || (unit.id !== organId && unit.parentId !== organId)) throw new DomainError('ERR_REVIEW_TASK_UNIT', '报送单位应为本机关或其下属单位', { field: 'unitCode' });
    const at = deps.clock.now().toISOString();
    const id = await insertSubmissionTask(trx, {
      organId, unitId: unit.id, nodeId: input.nodeId, title: input.title, description: input.description, everyDays: input.everyDays,
      nextDueOn: input.dueOn, createdBy: actor.kind === 'user' ? actor.principal.userId : null, createdAt: at,
    });
    await appendCatalogAudit(trx, deps, actor, at, { action: 'submission_task.create', entityType: 'submission_task', entityId: id, organId, after: input });
    return id;
  });
}

/** A submission made for a task moves a recurring task to its next due date and closes a one-off one. */
export async function advanceTask(trx: Executor, taskId: number, submittedOn: string): Promise<void> {
  const t = await findActiveTask(trx, taskId);
  if (!t) return;
  if (t.every_days) {
    // The submission fulfils the current period, early or late; the next one is due a period later.
    let next = addDays(t.next_due_on, t.every_days);
    while (next <= submittedOn) next = addDays(next, t.every_days);
    await moveTaskDueDate(trx, taskId, next);
  } else {
    await closeTask(trx, taskId);
  }
}

/** Records that a draft answers a submission task; the task advances when the draft is submitted. */
export async function linkToTask(deps: AppDeps, actor: Actor, publicationId: number, taskId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const t = await findActiveTask(trx, taskId);
    const p = await findPublication(trx, publicationId);
    if (!t || !p || t.organ_id !== p.organId) throw new DomainError('ERR_REVIEW_TASK_UNIT', '报送任务不存在或不属于本机关', { field: 'taskId' });
    const unitId = t.unit_id === t.organ_id ? null : t.unit_id;
    await requireDraftRights(trx, actor, p.organId, unitId);
    await answerTask(trx, publicationId, taskId, unitId);
  });
}
