import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import type { Actor } from '../domain/actor.ts';
import { findUserByUsername } from '../storage/users-repository.ts';
import { twoStepRequiredFor } from './authenticate.ts';
import { resetPassword, resetUserTwoStep, setUserActive } from './manage-user.ts';

/*
 * Recovery by username, for the server's command line: when the only administrator has lost the phone
 * and the recovery codes, or the password, no one can use the user page's 重置两步验证 or 重置密码 any
 * more. These do exactly what those do (same use cases, same audit events), for whoever has a shell
 * on the server and the server's data (docs/security.md, "Locked out").
 */

async function userNamed(deps: AppDeps, username: string) {
  const u = await findUserByUsername(deps.db, username.trim());
  if (!u) throw new DomainError('ERR_IDENTITY_USER_NOT_FOUND', `没有用户名为“${username.trim()}”的用户`, { field: 'username', httpStatus: 404 });
  return u;
}

export type TwoStepResetByName = { userId: number; username: string; hadTwoStep: boolean; active: boolean; mustEnrol: boolean };

/**
 * The user page's 重置两步验证 by username: secret and recovery codes cleared, every session ended. An account
 * without two-step sign-in on is left as it is and nothing is recorded (`hadTwoStep` false), as reactivate
 * leaves an active one.
 */
export async function resetTwoStepByUsername(deps: AppDeps, actor: Actor, username: string): Promise<TwoStepResetByName> {
  const u = await userNamed(deps, username);
  let hadTwoStep = true;
  try {
    await resetUserTwoStep(deps, actor, u.id);
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'ERR_IDENTITY_2FA_NOT_ENABLED') throw e;
    hadTwoStep = false;
  }
  return { userId: u.id, username: u.username, hadTwoStep, active: u.is_active === 1, mustEnrol: await twoStepRequiredFor(deps, u.id) };
}

export type PasswordSetByName = { userId: number; username: string; wasLocked: boolean; active: boolean };

/** The user page's 重置密码 by username: the form's password rule, the lock cleared, every session ended. */
export async function setPasswordByUsername(deps: AppDeps, actor: Actor, username: string, password: string): Promise<PasswordSetByName> {
  const u = await userNamed(deps, username);
  await resetPassword(deps, actor, u.id, password);
  const wasLocked = u.locked_until !== null && u.locked_until > deps.clock.now().toISOString();
  return { userId: u.id, username: u.username, wasLocked, active: u.is_active === 1 };
}

export type Reactivated = { userId: number; username: string; wasActive: boolean };

/**
 * The user page's 重新启用账号 by username (an administrator deactivated by mistake, or the only one
 * left): the same use case and audit event (user.activate). An account that is active is left as it
 * is and nothing is recorded. Its API tokens, revoked at deactivation, stay revoked.
 */
export async function reactivateByUsername(deps: AppDeps, actor: Actor, username: string): Promise<Reactivated> {
  const u = await userNamed(deps, username);
  const wasActive = u.is_active === 1;
  if (!wasActive) await setUserActive(deps, actor, u.id, true);
  return { userId: u.id, username: u.username, wasActive };
}
