import { hash } from '@node-rs/argon2';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorUserId, type Actor } from '../domain/actor.ts';
import { assertPasswordAcceptable } from '../domain/password-rules.ts';
import { accountOrganOf, holdsRoleOn, isSystemAdmin, organChainFrom, ROLE_LABELS, ROLES, type Role } from '../domain/roles.ts';
import { findOrganByCode, findUserStatus, organParents, setPasswordAndUnlock, setUserActiveFlag, type Executor } from '../storage/users-repository.ts';
import { clearEnabledTotp, deleteUserSessions } from '../storage/sign-in-repository.ts';
import { revokeUserApiTokens } from '../storage/api-tokens-repository.ts';
import { grantUserRole, revokeUserRole, userRolesOf } from '../storage/user-roles-repository.ts';

async function organChainIds(deps: AppDeps, organId: number): Promise<number[]> {
  return organChainFrom(await organParents(deps.db), organId);
}

/** An admin may manage a person whose every role sits on organs the admin administers (a system admin: anyone). */
async function assertMayManage(deps: AppDeps, actor: Actor, userId: number) {
  if (actor.kind === 'system' || isSystemAdmin(actor.principal)) return;
  const roles = await userRolesOf(deps.db, userId);
  for (const r of roles) {
    if (r.role === 'system_admin' || !holdsRoleOn(actor.principal, await organChainIds(deps, r.organ_id), 'organ_admin')) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '您不能管理该用户（其角色超出您管理的机关）', { httpStatus: 403 });
    }
  }
}

async function userOr404(deps: AppDeps, userId: number) {
  const u = await findUserStatus(deps.db, userId);
  if (!u) throw new DomainError('ERR_IDENTITY_USER_NOT_FOUND', '用户不存在', { httpStatus: 404 });
  return u;
}

/**
 * The organ an entry about this account is recorded against, as its creation is: the organ of its roles
 * (`accountOrganOf`), so that organ's administrator and 政务公开办公室 read it in /admin/audit.
 */
export async function accountOrganId(db: Executor, userId: number): Promise<number | null> {
  return accountOrganOf(await organParents(db), (await userRolesOf(db, userId)).map((r) => r.organ_id));
}

/**
 * An entry about an account, written by `trx` — the transaction that makes the change, so a change is never
 * left unrecorded (nor an entry without its change); `organId` where it is not the account's own (a role
 * granted or revoked on an organ).
 */
const audited = async (trx: Executor, deps: AppDeps, actor: Actor, action: string, userId: number, after: unknown, organId?: number) =>
  appendAuditEvent(trx, deps.dialect, {
    occurredAt: deps.clock.now().toISOString(), actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action, entityType: 'user',
    entityId: String(userId), organId: organId ?? await accountOrganId(trx, userId), before: null, after,
  });

/** Deactivating a person ends all their sessions and API tokens at once. */
export async function setUserActive(deps: AppDeps, actor: Actor, userId: number, active: boolean): Promise<void> {
  const u = await userOr404(deps, userId);
  await assertMayManage(deps, actor, userId);
  if (!active && actor.kind === 'user' && actor.principal.userId === userId) throw new DomainError('ERR_IDENTITY_SELF_DEACTIVATE', '不能停用自己的账号', { httpStatus: 409 });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    // Only a change is made and recorded: a second 停用 (another tab, a resent form) writes nothing.
    if (!(await setUserActiveFlag(trx, userId, active, at))) {
      throw active
        ? new DomainError('ERR_IDENTITY_ALREADY_ACTIVE', `账号“${u.display_name}”已是启用状态，无需再启用`, { httpStatus: 409 })
        : new DomainError('ERR_IDENTITY_ALREADY_INACTIVE', `账号“${u.display_name}”已停用，无需再停用`, { httpStatus: 409 });
    }
    if (!active) {
      await deleteUserSessions(trx, userId);
      await revokeUserApiTokens(trx, userId, at);
    }
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: active ? 'user.activate' : 'user.deactivate', entityType: 'user',
      entityId: String(userId), organId: await accountOrganId(trx, userId), before: { username: u.username, active: !active }, after: { username: u.username, active },
    });
  });
}

/** Sets a new password, unlocks the account and signs the person out everywhere. */
export async function resetPassword(deps: AppDeps, actor: Actor, userId: number, password: string): Promise<void> {
  assertPasswordAcceptable(password);
  const u = await userOr404(deps, userId);
  await assertMayManage(deps, actor, userId);
  const passwordHash = await hash(password);
  await deps.db.transaction().execute(async (trx) => {
    await setPasswordAndUnlock(trx, userId, passwordHash, deps.clock.now().toISOString());
    await deleteUserSessions(trx, userId);
    await audited(trx, deps, actor, 'user.reset_password', userId, { username: u.username });
  });
}

/**
 * Turns off a person's two-step sign-in (a lost phone): they sign in with the password and set it up again.
 * Only where it is on (a set-up begun and not confirmed is not): otherwise nothing is changed or recorded, as
 * a second 停用 — 409, ERR_IDENTITY_2FA_NOT_ENABLED.
 */
export async function resetUserTwoStep(deps: AppDeps, actor: Actor, userId: number): Promise<void> {
  const u = await userOr404(deps, userId);
  await assertMayManage(deps, actor, userId);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await clearEnabledTotp(trx, userId))) {
      throw new DomainError('ERR_IDENTITY_2FA_NOT_ENABLED', `“${u.display_name}”未启用两步验证，无需重置`, { httpStatus: 409 });
    }
    await deleteUserSessions(trx, userId);
    await audited(trx, deps, actor, 'auth.2fa_reset', userId, { username: u.username });
  });
}

/** Grants or revokes one role on one organ; changes apply on the person's next request. */
export async function setUserRole(deps: AppDeps, actor: Actor, userId: number, organCode: string, role: Role, granted: boolean): Promise<void> {
  // Both choices start on 请选择 (a forgotten dropdown grants nothing): each unchosen one is named.
  const unchosen = [
    ...(organCode === '' ? [{ code: 'ERR_IDENTITY_ORGAN_REQUIRED', message: '请选择机关', field: 'organCode' }] : []),
    ...((role as string) === '' ? [{ code: 'ERR_IDENTITY_ROLE_REQUIRED', message: '请选择角色', field: 'role' }] : []),
  ];
  if (unchosen.length > 0) throw DomainError.fromReasons(unchosen);
  if (!ROLES.includes(role)) throw new DomainError('ERR_IDENTITY_ROLE_INVALID', `角色应为 ${ROLES.join(' / ')} 之一`, { field: 'role' });
  const u = await userOr404(deps, userId);
  const organ = await findOrganByCode(deps.db, organCode);
  if (!organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关代码“${organCode}”不存在`, { field: 'organCode', httpStatus: 404 });
  if (actor.kind === 'user' && !isSystemAdmin(actor.principal)) {
    if (role === 'system_admin' || !holdsRoleOn(actor.principal, await organChainIds(deps, organ.id), 'organ_admin')) {
      throw new DomainError('ERR_AUTH_FORBIDDEN', '您不能在该机关授予或收回这个角色', { httpStatus: 403 });
    }
  }
  const roleNamed = `${organ.name}的“${ROLE_LABELS[role]}”角色`;
  await deps.db.transaction().execute(async (trx) => {
    // Only a change is made and recorded, as with 停用: granting a role held, or revoking one not held
    // (another tab, a resent form), writes nothing and says so.
    if (granted) {
      if (!(await grantUserRole(trx, userId, organ.id, role))) {
        throw new DomainError('ERR_IDENTITY_ROLE_ALREADY_HELD', `“${u.display_name}”已有${roleNamed}，无需再授予`, { httpStatus: 409 });
      }
    } else {
      const remaining = await userRolesOf(trx, userId);
      if (!remaining.some((r) => r.organ_id === organ.id && r.role === role)) {
        throw new DomainError('ERR_IDENTITY_ROLE_NOT_HELD', `“${u.display_name}”没有${roleNamed}，无需收回`, { httpStatus: 409 });
      }
      if (remaining.length <= 1) throw new DomainError('ERR_IDENTITY_LAST_ROLE', '这是该用户的最后一个角色；如不再使用，请停用账号', { httpStatus: 409 });
      if (!(await revokeUserRole(trx, userId, organ.id, role))) {
        throw new DomainError('ERR_IDENTITY_ROLE_NOT_HELD', `“${u.display_name}”没有${roleNamed}，无需收回`, { httpStatus: 409 });
      }
    }
    // Recorded against the organ of the role: its administrator granted or revoked it.
    await audited(trx, deps, actor, granted ? 'user.grant_role' : 'user.revoke_role', userId, { organ: organCode, role }, organ.id);
  });
}
