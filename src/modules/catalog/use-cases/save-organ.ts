import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { actorMayMoveOrgan, isSystemAdmin, type Actor } from '../../identity/index.ts';
import { sanitizeRichText } from '../../../platform/views/sanitize-rich-text.ts';
import { organInputSchema, type Organ } from '../domain/organ.ts';
import { findOrganByCode, findOrganById, insertOrgan, organChain, updateOrgan } from '../storage/organs-repository.ts';
import { audit } from './audit-helper.ts';
import { contentChanged } from '../../../platform/db/content-version.ts';
import { requireRoleOnOrgan } from './authorize.ts';

/**
 * Creates an organ (system admins, or the admin of the parent organ for its units) or updates one
 * (its own admin). The code is permanent: URLs, the API and the CLI rely on it.
 */
export async function saveOrgan(deps: AppDeps, actor: Actor, raw: unknown, existingId?: number): Promise<Organ> {
  const input = organInputSchema.parse(raw);
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    // Organs' names, texts and places show on every portal page (docs/adr/0021-rendered-page-cache.md).
    await contentChanged(trx, at);
    const parent = input.parentCode ? await findOrganByCode(trx, input.parentCode) : null;
    if (input.parentCode && !parent) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `上级机关“${input.parentCode}”不存在`, { field: 'parentCode' });
    const values = {
      name: input.name, short_name: input.shortName || input.name, kind: input.kind, parent_id: parent?.id ?? null,
      credit_code: input.creditCode, index_pattern: input.indexPattern, consult_phone: input.consultPhone, address: input.address,
      office_hours: input.officeHours, guide_html: sanitizeRichText(input.guideHtml), rules_html: sanitizeRichText(input.rulesHtml),
      sort_order: input.sortOrder, updated_at: at,
    };
    if (existingId === undefined) {
      if (parent) await requireRoleOnOrgan(trx, actor, parent.id, 'organ_admin');
      else if (actor.kind === 'user' && !isSystemAdmin(actor.principal)) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有系统管理员可以新建顶级机关', { httpStatus: 403 });
      if (await findOrganByCode(trx, input.code)) throw new DomainError('ERR_CATALOG_ORGAN_CODE_TAKEN', `机关代码“${input.code}”已被使用`, { field: 'code', httpStatus: 409 });
      const organ = await insertOrgan(trx, { ...values, code: input.code, created_at: at });
      await audit(trx, deps, actor, at, { action: 'organ.create', entityType: 'organ', entityId: organ.id, organId: organ.id, after: values });
      return organ;
    }
    const before = await findOrganById(trx, existingId);
    if (!before) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', '机关不存在', { httpStatus: 404 });
    await requireRoleOnOrgan(trx, actor, existingId, 'organ_admin');
    if (input.code !== before.code) throw new DomainError('ERR_CATALOG_ORGAN_CODE_PERMANENT', '机关代码创建后不能修改', { field: 'code', httpStatus: 409 });
    const moved = (parent?.id ?? null) !== before.parentId || input.kind !== before.kind;
    if (moved) {
      // Moving an organ hands its drafts, applications and catalog to the new parent's admins: it
      // needs rights on the old and the new parent (identity's mayMoveOrgan), see docs/security.md.
      const oldChain = before.parentId === null ? null : await organChain(trx, before.parentId);
      const newChain = parent ? await organChain(trx, parent.id) : null;
      if (!actorMayMoveOrgan(actor, oldChain, newChain)) {
        throw new DomainError('ERR_CATALOG_ORGAN_MOVE_FORBIDDEN', '更改机关的上级机关或类型，须同时具有原上级机关和新上级机关的管理权限，请由系统管理员办理', { field: 'parentCode', httpStatus: 403 });
      }
    }
    if (parent && (await organChain(trx, parent.id)).includes(existingId)) {
      throw new DomainError('ERR_CATALOG_ORGAN_CYCLE', '上级机关不能是本机关或其下级机关', { field: 'parentCode', httpStatus: 409 });
    }
    const organ = await updateOrgan(trx, existingId, values);
    await audit(trx, deps, actor, at, { action: 'organ.update', entityType: 'organ', entityId: existingId, organId: existingId, before, after: values });
    if (moved) {
      const oldParent = before.parentId === null ? null : await findOrganById(trx, before.parentId);
      await audit(trx, deps, actor, at, {
        action: 'organ.move', entityType: 'organ', entityId: existingId, organId: existingId,
        before: { kind: before.kind, parentCode: oldParent?.code ?? null }, after: { kind: input.kind, parentCode: parent?.code ?? null },
      });
    }
    return organ;
  });
}
