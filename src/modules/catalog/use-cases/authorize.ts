import { DomainError } from '../../../shared/domain-error.ts';
import { actorMay, type Actor } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';
import { organChain, unitsOf } from '../storage/organs-repository.ts';

/** Refuses with 403 unless the actor holds `role` on the organ (or an organ above it). */
export async function requireRoleOnOrgan(db: Executor, actor: Actor, organId: number, role: 'organ_admin' | 'editor'): Promise<void> {
  if (!actorMay(actor, await organChain(db, organId), role)) {
    throw new DomainError('ERR_AUTH_FORBIDDEN', role === 'organ_admin' ? '您没有管理该机关的权限' : '您没有编辑该机关信息的权限', { httpStatus: 403 });
  }
}

/**
 * Who may draft and edit an item of an organ's catalog: its own staff, or — for an item submitted
 * by one of its units (信息报送) — that unit's staff.
 */
export async function requireDraftRights(db: Executor, actor: Actor, organId: number, submittingUnitId: number | null): Promise<void> {
  if (await mayDraftItem(db, actor, organId, submittingUnitId)) return;
  throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有编辑该机关信息的权限', { httpStatus: 403 });
}

/** Whether the actor may draft and edit an item of `organId` (submitted by `submittingUnitId`), as requireDraftRights decides. */
export async function mayDraftItem(db: Executor, actor: Actor, organId: number, submittingUnitId: number | null): Promise<boolean> {
  if (actorMay(actor, await organChain(db, organId), 'editor')) return true;
  return submittingUnitId !== null && actorMay(actor, await organChain(db, submittingUnitId), 'editor');
}

/**
 * The unit an item is submitted from. Given explicitly (a unit of the organ), or — for a person who
 * works only in units of the organ — their unit. Null when the organ's own staff draft it.
 */
export async function submittingUnitFor(db: Executor, actor: Actor, organId: number, unitCode: string | null): Promise<number | null> {
  const units = await unitsOf(db, organId);
  if (unitCode) {
    const unit = units.find((u) => u.code === unitCode);
    if (!unit) throw new DomainError('ERR_CATALOG_UNIT_INVALID', `报送单位“${unitCode}”不是本机关的下属单位`, { field: 'submittingUnitCode' });
    return unit.id;
  }
  if (actorMay(actor, await organChain(db, organId), 'editor')) return null;
  for (const u of units) if (actorMay(actor, await organChain(db, u.id), 'editor')) return u.id;
  return null;
}
