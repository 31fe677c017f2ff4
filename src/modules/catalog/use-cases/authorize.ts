import { DomainError } from '../../../shared/domain-error.ts';
import { actorMay, type Actor } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';
import { organChain } from '../storage/organs-repository.ts';

/** Refuses with 403 unless the actor holds `role` on the organ (or an organ above it). */
export async function requireRoleOnOrgan(db: Executor, actor: Actor, organId: number, role: 'organ_admin' | 'editor'): Promise<void> {
  if (!actorMay(actor, await organChain(db, organId), role)) {
    throw new DomainError('ERR_AUTH_FORBIDDEN', role === 'organ_admin' ? '您没有管理该机关的权限' : '您没有编辑该机关信息的权限', { httpStatus: 403 });
  }
}
