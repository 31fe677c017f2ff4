import { hash } from '@node-rs/argon2';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { assertPasswordAcceptable, assertUsernameAcceptable } from '../domain/password-rules.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { findUserByUsername } from '../storage/users-repository.ts';

export type CreateUserInput = { username: string; displayName: string; password: string; organCode: string; role: Role };

export async function createUser(deps: AppDeps, input: CreateUserInput, actor: { userId: number | null; label: string }) {
  assertUsernameAcceptable(input.username);
  assertPasswordAcceptable(input.password);
  if (!ROLES.includes(input.role)) {
    throw new DomainError('ERR_IDENTITY_ROLE_INVALID', `角色应为 ${ROLES.join(' / ')} 之一`, { field: 'role' });
  }
  if (!input.displayName.trim()) throw new DomainError('ERR_IDENTITY_NAME_REQUIRED', '请填写姓名', { field: 'displayName' });
  const passwordHash = await hash(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const organ = await trx.selectFrom('organs').select(['id', 'name']).where('code', '=', input.organCode).executeTakeFirst();
    if (!organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关代码“${input.organCode}”不存在`, { field: 'organCode', httpStatus: 404 });
    if (await findUserByUsername(trx, input.username)) {
      throw new DomainError('ERR_IDENTITY_USERNAME_TAKEN', `用户名“${input.username}”已被使用`, { field: 'username', httpStatus: 409 });
    }
    const at = deps.clock.now().toISOString();
    const user = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName.trim(), password_hash: passwordHash, is_active: 1, failed_logins: 0, locked_until: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: user.id, organ_id: organ.id, role: input.role }).execute();
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actor.userId, actorLabel: actor.label, action: 'user.create', entityType: 'user', entityId: String(user.id),
      organId: organ.id, before: null, after: { username: input.username, displayName: input.displayName.trim(), role: input.role, organ: input.organCode },
    });
    return { id: user.id, username: input.username };
  });
}
