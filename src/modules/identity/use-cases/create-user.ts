import { hash } from '@node-rs/argon2';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, type ErrorReason } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { assertPasswordAcceptable, assertUsernameAcceptable } from '../domain/password-rules.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { findOrganByCode, findUserByUsername, insertUser } from '../storage/users-repository.ts';
import { insertUserRole } from '../storage/user-roles-repository.ts';

export type CreateUserInput = { username: string; displayName: string; password: string; organCode: string; role: Role };

/** Everything wrong with a new user's fields, all at once (a form shows them together). */
export function newUserReasons(input: CreateUserInput): ErrorReason[] {
  const reasons: ErrorReason[] = [];
  const collect = (check: () => void) => {
    try {
      check();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      reasons.push(...e.reasons);
    }
  };
  collect(() => assertUsernameAcceptable(input.username));
  if (!input.displayName.trim()) reasons.push({ code: 'ERR_IDENTITY_NAME_REQUIRED', message: '请填写姓名', field: 'displayName' });
  collect(() => assertPasswordAcceptable(input.password));
  if (!ROLES.includes(input.role)) reasons.push({ code: 'ERR_IDENTITY_ROLE_INVALID', message: `角色应为 ${ROLES.join(' / ')} 之一`, field: 'role' });
  return reasons;
}

/** Refuses with every reason; the first one's code is the error's code. */
export function refuseWith(reasons: ErrorReason[]): void {
  if (reasons.length > 0) throw DomainError.fromReasons(reasons);
}

export async function createUser(deps: AppDeps, input: CreateUserInput, actor: { userId: number | null; label: string }) {
  refuseWith(newUserReasons(input));
  const passwordHash = await hash(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganByCode(trx, input.organCode);
    if (!organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关代码“${input.organCode}”不存在`, { field: 'organCode', httpStatus: 404 });
    if (await findUserByUsername(trx, input.username)) {
      throw new DomainError('ERR_IDENTITY_USERNAME_TAKEN', `用户名“${input.username}”已被使用`, { field: 'username', httpStatus: 409 });
    }
    const at = deps.clock.now().toISOString();
    const userId = await insertUser(trx, { username: input.username, displayName: input.displayName.trim(), passwordHash, at });
    await insertUserRole(trx, userId, organ.id, input.role);
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actor.userId, actorLabel: actor.label, action: 'user.create', entityType: 'user', entityId: String(userId),
      organId: organ.id, before: null, after: { username: input.username, displayName: input.displayName.trim(), role: input.role, organ: input.organCode },
    });
    return { id: userId, username: input.username };
  });
}
