import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { z } from '../../../shared/zod.ts';
import { appendCatalogAudit, findPublication, requireDraftRights, type Executor } from '../../catalog/index.ts';
import type { Actor } from '../../identity/index.ts';
import { SECRECY_LEVELS } from '../domain/review-roles.ts';
import { deleteForm, loadForm, saveDrafterPart } from '../storage/review-repository.ts';

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
    const { p } = await fillableForm(trx, actor, publicationId);
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

/**
 * The item and its stored form, once the actor may write the form now: locked once submitted, so what
 * reviewers signed stays as they signed it. A published item that has no form yet (an imported one)
 * may get one, so that it can be amended.
 */
async function fillableForm(trx: Executor, actor: Actor, publicationId: number) {
  const p = await findPublication(trx, publicationId);
  if (!p) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
  await requireDraftRights(trx, actor, p.organId, p.submittingUnitId);
  const existing = await loadForm(trx, publicationId);
  if (!['draft', 'returned'].includes(p.status) && !(p.status === 'published' && !existing)) {
    throw new DomainError('ERR_REVIEW_FORM_LOCKED', p.status === 'published'
      ? '已发布信息的保密审查表保持审核时的内容，不能修改；修订由发布人审核'
      : '报送后保密审查表不能修改；如需修改，请由审核人退回', { httpStatus: 409 });
  }
  return { p, existing };
}

/** The drafter's part as a form sends it with nothing in it: no 密级, 涉及个人信息 not ticked, no note. */
export function isBlankReviewForm(raw: Record<string, unknown>): boolean {
  const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v));
  return text(raw.secrecyLevel).trim() === '' && !['on', 'true', '1'].includes(text(raw.involvesPersonalInfo)) && text(raw.avoidanceNote).trim() === '';
}

/**
 * Removes the drafter's 保密审查表 while it may be filled (a draft, a returned item): the officer who
 * empties it takes back what it said. The item then has no table, so 报送审核, 审核通过, 发布 and
 * 紧急发布 are refused for it (ERR_REVIEW_FORM_INCOMPLETE) until it is filled again; the audit entry
 * (review_form.clear) names who cleared it and keeps what it said. The last scan kept on the form goes
 * with it (the next 报送审核 scans again). False when there was none to remove: nothing is recorded.
 */
export async function clearReviewForm(deps: AppDeps, actor: Actor, publicationId: number): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const { p, existing } = await fillableForm(trx, actor, publicationId);
    if (!existing) return false;
    await deleteForm(trx, publicationId);
    await appendCatalogAudit(trx, deps, actor, deps.clock.now().toISOString(), {
      action: 'review_form.clear', entityType: 'publication', entityId: publicationId, organId: p.organId,
      before: { secrecyLevel: existing.secrecyLevel, involvesPersonalInfo: existing.involvesPersonalInfo, avoidanceNote: existing.avoidanceNote },
    });
    return true;
  });
}

/**
 * 保存审查表 as a form sends it: an emptied table removes the stored one (clearReviewForm), anything
 * else is checked and saved (fillReviewForm; an empty table where none is stored is refused: 请选择密级).
 */
export async function saveReviewForm(deps: AppDeps, actor: Actor, publicationId: number, raw: Record<string, unknown>): Promise<'filled' | 'cleared'> {
  if (isBlankReviewForm(raw) && await clearReviewForm(deps, actor, publicationId)) return 'cleared';
  await fillReviewForm(deps, actor, publicationId, raw);
  return 'filled';
}
