import { handlingOrganOf } from '../domain/handling-organ.ts';
import type { Organ } from '../domain/organ.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganByCode, listOrgans } from '../storage/organs-repository.ts';

/**
 * A unit (下属单位, 二级机构: `kind = 'unit'`) by its code with the organ that handles its disclosure
 * work — the nearest organ above it that is not a unit (docs/rules/applications.md, 条例第十条第二款、
 * 第二十七条) — or null for an organ, an unknown code or a unit whose chain is broken.
 */
export async function unitHandledBy(db: Executor, code: string): Promise<{ unit: Organ; organ: Organ } | null> {
  const unit = await findOrganByCode(db, code);
  if (!unit || unit.kind !== 'unit') return null;
  const organ = handlingOrganOf(unit, await listOrgans(db));
  return organ ? { unit, organ } : null;
}
