import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, findPublication, requireDraftRights } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { SECRECY_LEVELS } from '../domain/review-roles.ts';
import { loadForm, saveDrafterPart } from '../storage/review-repository.ts';

export const reviewFormSchema = z.object({
  secrecyLevel: z.enum(SECRECY_LEVELS, { message: '请选择密级' }),
  involvesPersonalInfo: z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()),
  avoidanceNote: z.string().trim().max(2000, { message: '保密处理说明不能超过 2000 个字符' }).optional().default(''),
});

/**
 * The drafter's part of the 信息公开保密审查表: 密级 and how secrets and personal data were
 * avoided (保守国家秘密法第三十五条). Reviewers' sign-offs are added by their decisions.
 */
export async function fillReviewForm(deps: AppDeps, actor: Actor, publicationId: number, raw: unknown): Promise<void> {
  const input = checkReviewForm(raw);
  await deps.db.transaction().execute(async (trx) => {
    const p = await findPublication(trx, publicationId);
    if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
    await requireDraftRights(trx, actor, p.organId, p.submittingUnitId);
    // Locked once submitted: what reviewers signed stays as they signed it. A published item that has
    // no form yet (an imported one) may get one, so that it can be amended.
    const existing = await loadForm(trx, publicationId);
    if (!['draft', 'returned'].includes(p.status) && !(p.status === 'published' && !existing)) {
      throw new DomainError('ERR_REVIEW_FORM_LOCKED', p.status === 'published'
        ? '已发布信息的保密审查表保持审核时的内容，不能修改；修订由发布人审核'
        : '报送后保密审查表不能修改；如需修改，请由审核人退回', { httpStatus: 409 });
    }
    const at = deps.clock.now().toISOString();
    await saveDrafterPart(trx, publicationId, { secrecyLevel: input.secrecyLevel, involvesPersonalInfo: input.involvesPersonalInfo, avoidanceNote: input.avoidanceNote, at });
    await appendCatalogAudit(trx, deps, actor, at, { action: 'review_form.fill', entityType: 'publication', entityId: publicationId, organId: p.organId, after: input });
  });
}

/**
 * The drafter's part as typed, checked without writing anything: a page that saves the table with the
 * item's text refuses both before either is written when the table is wrong.
 */
export function checkReviewForm(raw: unknown): z.infer<typeof reviewFormSchema> {
  const input = reviewFormSchema.parse(raw);
  if (input.involvesPersonalInfo && !input.avoidanceNote) {
    throw new DomainError('ERR_REVIEW_FORM_INCOMPLETE', '涉及个人信息时须说明处理方式（如隐去身份证号、手机号）', { field: 'avoidanceNote' });
  }
  return input;
}
