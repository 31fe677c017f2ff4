import type { AppDeps } from '../../../platform/app-deps.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, requireRoleOnOrgan } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { REVIEW_ROLES } from '../domain/review-roles.ts';
import { replaceChain } from '../storage/review-repository.ts';

export const reviewChainSchema = z.object({
  stages: z
    .array(z.object({
      name: z.string().trim().min(1, { message: '请填写环节名称' }).max(40, { message: '环节名称不能超过 40 个字符' }),
      role: z.enum(REVIEW_ROLES, { message: '请选择审核角色' }),
    }))
    .min(1, { message: '审核流程至少需要一个环节' })
    .max(6, { message: '审核流程最多 6 个环节' }),
  publisherRole: z.enum(REVIEW_ROLES, { message: '请选择发布人角色' }),
});

/** An organ's ordered review stages and who may publish; applies to items submitted afterwards. */
export async function saveReviewChain(deps: AppDeps, actor: Actor, organId: number, raw: unknown): Promise<void> {
  const input = reviewChainSchema.parse(raw);
  await deps.db.transaction().execute(async (trx) => {
    await requireRoleOnOrgan(trx, actor, organId, 'organ_admin');
    const at = deps.clock.now().toISOString();
    await replaceChain(trx, organId, input.stages, input.publisherRole, at);
    await appendCatalogAudit(trx, deps, actor, at, { action: 'review_chain.save', entityType: 'organ', entityId: organId, organId, after: input });
  });
}
