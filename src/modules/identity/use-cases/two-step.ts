import { hash, verify } from '@node-rs/argon2';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorUserId, personLabel, type Actor } from '../domain/actor.ts';
import { mayManageOrganSetting } from '../domain/permissions.ts';
import { organChainFrom } from '../domain/roles.ts';
import { sha256 } from '../domain/secrets.ts';
import { acceptedTotpStep, MAX_FAILED_CODES, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri } from '../domain/two-step.ts';
import { clearFailedLogins, findUserStatus, organParents, passwordHashOf, setPasswordHash, type Executor } from '../storage/users-repository.ts';
import { assertPasswordAcceptable } from '../domain/password-rules.ts';
import {
  claimTotpStep, clearTotp, countFailedCode, deleteSession, deleteUserSessions, enableTotp, findSession, loadTotp, replaceRecoveryCodes, requiringOrganIds,
  saveTwoStepPolicy, savePendingSecret, setSessionStage, unusedRecoveryCodes, useRecoveryCode,
} from '../storage/sign-in-repository.ts';
import { twoStepRequiredFor } from './authenticate.ts';
import { accountOrganId } from './manage-user.ts';
import { openTotpSecret, sealTotpSecret, type OpenedSecret } from './totp-secrets.ts';

const ISSUER = 'gongkai 政务公开';

/**
 * A change to one's own account, recorded against the account's organ (as an administrator's change is); the
 * person is named as every entry names one, 姓名（用户名）, read from the account.
 */
async function audited(deps: AppDeps, actor: { userId: number; label: string }, action: string, userId: number, after: Record<string, unknown> | null = null) {
  await deps.db.transaction().execute(async (trx) => appendAuditEvent(trx, deps.dialect, {
    occurredAt: deps.clock.now().toISOString(), actorUserId: actor.userId, actorLabel: await selfLabel(trx, actor), action, entityType: 'user', entityId: String(userId),
    organId: await accountOrganId(trx, userId), before: null, after,
  }));
}
const self = (p: { userId: number; username: string }) => ({ userId: p.userId, label: p.username });
/** 姓名（用户名） of the account; the label given only if the account is gone meanwhile. */
async function selfLabel(db: Executor, actor: { userId: number; label: string }): Promise<string> {
  const u = await findUserStatus(db, actor.userId);
  return u ? personLabel(u.display_name, u.username) : actor.label;
}

export type TwoStepStatus = { enabled: boolean; enabledAt: string | null; required: boolean; recoveryCodesLeft: number; pending: { secret: string; uri: string } | null };

export async function twoStepStatus(deps: AppDeps, user: { userId: number; username: string }): Promise<TwoStepStatus> {
  const t = (await loadTotp(deps.db, user.userId))!;
  // A set-up begun under another key cannot be shown: the person simply starts it again.
  const pending = await pendingSecretOf(deps, user.userId, t.pendingSecret);
  return {
    enabled: t.enabledAt !== null, enabledAt: t.enabledAt, required: await twoStepRequiredFor(deps, user.userId),
    recoveryCodesLeft: t.enabledAt ? await unusedRecoveryCodes(deps.db, user.userId) : 0,
    pending: pending ? { secret: pending, uri: otpauthUri(pending, user.username, ISSUER) } : null,
  };
}

/** Starts setting up: a new secret for the authenticator app, kept aside until a code proves it was scanned. */
export async function beginTwoStep(deps: AppDeps, user: { userId: number; username: string }): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  await savePendingSecret(deps.db, user.userId, sealTotpSecret(deps, user.userId, secret));
  return { secret, uri: otpauthUri(secret, user.username, ISSUER) };
}

/**
 * Finishes setting up with a code from the app: two-step sign-in is on, and ten recovery codes are
 * returned (shown once; only their hashes are kept). A session that was only allowed to set it up
 * may act from now on.
 */
export async function confirmTwoStep(deps: AppDeps, user: { userId: number; username: string }, code: string, sessionId: string | null): Promise<string[]> {
  const t = (await loadTotp(deps.db, user.userId))!;
  const pending = await pendingSecretOf(deps, user.userId, t.pendingSecret);
  if (!pending) throw new DomainError('ERR_IDENTITY_2FA_NOT_STARTED', '请先点击“开始设置”，用验证器应用扫描二维码', { field: 'code' });
  const now = deps.clock.now();
  const step = acceptedTotpStep(pending, code, now, null);
  if (step === null) throw new DomainError('ERR_IDENTITY_2FA_CODE_WRONG', '验证码不正确：请输入验证器应用当前显示的 6 位数字（并确认手机时间准确）', { field: 'code' });
  const codes = newRecoveryCodes();
  await deps.db.transaction().execute(async (trx) => {
    await enableTotp(trx, user.userId, sealTotpSecret(deps, user.userId, pending), now.toISOString(), step);
    await replaceRecoveryCodes(trx, user.userId, codes.map((c) => sha256(normaliseRecoveryCode(c))), now.toISOString());
    if (sessionId) await setSessionStage(trx, sessionId, 'full');
  });
  await audited(deps, self(user), 'auth.2fa_enable', user.userId);
  return codes;
}

/** New recovery codes replace the old ones (all of them), with a current code as proof. */
export async function regenerateRecoveryCodes(deps: AppDeps, user: { userId: number; username: string }, code: string): Promise<string[]> {
  await proveCode(deps, user.userId, code);
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(deps.db, user.userId, codes.map((c) => sha256(normaliseRecoveryCode(c))), deps.clock.now().toISOString());
  await audited(deps, self(user), 'auth.2fa_recovery_codes', user.userId);
  return codes;
}

/** Turns two-step sign-in off, with a current code as proof; refused while an organ requires it. */
export async function disableTwoStep(deps: AppDeps, user: { userId: number; username: string }, code: string): Promise<void> {
  if (await twoStepRequiredFor(deps, user.userId)) {
    throw new DomainError('ERR_IDENTITY_2FA_REQUIRED', '您所在机关要求管理员和审核人员使用两步验证，不能关闭；更换手机请先在新手机上重新设置', { httpStatus: 409 });
  }
  await proveCode(deps, user.userId, code);
  await clearTotp(deps.db, user.userId);
  await audited(deps, self(user), 'auth.2fa_disable', user.userId);
}

async function proveCode(deps: AppDeps, userId: number, code: string): Promise<void> {
  const t = (await loadTotp(deps.db, userId))!;
  if (!t.secret) throw new DomainError('ERR_IDENTITY_2FA_NOT_STARTED', '尚未启用两步验证', { field: 'code' });
  const opened = await openTotpSecret(deps, userId, 'totp_secret', t.secret);
  if (!opened.ok) throw secretUnreadable(opened);
  const step = acceptedTotpStep(opened.secret, code, deps.clock.now(), t.lastStep);
  if (step === null || !(await claimTotpStep(deps.db, userId, step))) throw new DomainError('ERR_IDENTITY_2FA_CODE_WRONG', '验证码不正确或已使用过，请输入验证器应用当前显示的 6 位数字', { field: 'code' });
}

/**
 * The second step of signing in: a current TOTP code (each accepted once) or an unused recovery
 * code. Five wrong codes end the sign-in; it starts again with the password. Audited either way.
 */
export async function passSecondStep(deps: AppDeps, sessionId: string, code: string): Promise<{ usedRecoveryCode: boolean; recoveryCodesLeft: number }> {
  const session = await findSession(deps.db, sessionId);
  if (!session || session.stage !== 'second_factor') throw new DomainError('ERR_AUTH_REQUIRED', '登录已失效，请重新输入用户名和密码', { httpStatus: 401 });
  const t = (await loadTotp(deps.db, session.userId))!;
  const now = deps.clock.now();
  const typed = code.trim();
  let ok = false;
  let usedRecoveryCode = false;
  const who = { userId: session.userId, label: `用户#${session.userId}` };
  if (/^\d[\d\s]*$/.test(typed)) {
    const opened = t.secret ? await openTotpSecret(deps, session.userId, 'totp_secret', t.secret) : null;
    if (opened && !opened.ok) {
      // Not the person's mistake, so not counted as a wrong code: the sign-in stays open for a recovery code.
      await audited(deps, who, 'auth.2fa_secret_unreadable', session.userId, { reason: opened.reason });
      throw secretUnreadable(opened);
    }
    const step = opened ? acceptedTotpStep(opened.secret, typed, now, t.lastStep) : null;
    ok = step !== null && (await claimTotpStep(deps.db, session.userId, step));
  } else if (typed) {
    ok = await useRecoveryCode(deps.db, session.userId, sha256(normaliseRecoveryCode(typed)), now.toISOString());
    usedRecoveryCode = ok;
  }
  if (!ok) {
    const failed = await countFailedCode(deps.db, sessionId);
    await audited(deps, who, 'auth.2fa_failed', session.userId, { failedInThisSignIn: failed });
    if (failed >= MAX_FAILED_CODES) {
      await deleteSession(deps.db, sessionId);
      throw new DomainError('ERR_IDENTITY_2FA_TOO_MANY', `验证码连续输错 ${MAX_FAILED_CODES} 次，请重新输入用户名和密码登录`, { httpStatus: 401 });
    }
    throw new DomainError('ERR_IDENTITY_2FA_CODE_WRONG', '验证码不正确或已使用过：请输入验证器应用当前显示的 6 位数字，或一个未用过的恢复码', { field: 'code' });
  }
  await setSessionStage(deps.db, sessionId, 'full');
  await clearFailedLogins(deps.db, session.userId);
  await audited(deps, who, usedRecoveryCode ? 'auth.login_recovery_code' : 'auth.login', session.userId, { secondStep: usedRecoveryCode ? 'recovery_code' : 'totp' });
  return { usedRecoveryCode, recoveryCodesLeft: await unusedRecoveryCodes(deps.db, session.userId) };
}

/** A pending (not yet confirmed) secret, opened; null when there is none or it does not open. */
async function pendingSecretOf(deps: AppDeps, userId: number, stored: string | null): Promise<string | null> {
  if (!stored) return null;
  const opened = await openTotpSecret(deps, userId, 'totp_pending_secret', stored);
  return opened.ok ? opened.secret : null;
}

/** The stored secret does not open with this server's key (ADR 0025): said plainly, with the way out. */
function secretUnreadable(opened: Extract<OpenedSecret, { ok: false }>): DomainError {
  return new DomainError(
    'ERR_IDENTITY_2FA_SECRET_UNREADABLE',
    `无法核对验证码：${opened.reason === 'other_key' ? '服务器的密钥与您设置两步验证时所用的不同' : '您的两步验证设置已损坏'}。请改用一个恢复码登录，或请管理员为您重置两步验证；原因已记入服务器日志，供系统管理员检查服务器密钥`,
    { field: 'code', httpStatus: 409 },
  );
}

/** Organs whose administrators and reviewers must use two-step sign-in, for the settings page. */
export async function twoStepPolicies(deps: AppDeps): Promise<Set<number>> {
  return requiringOrganIds(deps.db);
}

/** Sets whether an organ's administrators and reviewers (and those of its units) must use two-step sign-in. */
export async function setTwoStepPolicy(deps: AppDeps, actor: Actor, organId: number, required: boolean): Promise<void> {
  if (actor.kind === 'user') {
    const parents = await organParents(deps.db);
    if (!mayManageOrganSetting(actor.principal, organChainFrom(parents, organId))) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有本机关的管理员可以设置两步验证要求', { httpStatus: 403 });
  }
  await deps.db.transaction().execute(async (trx) => {
    await saveTwoStepPolicy(trx, organId, required, actorUserId(actor), deps.clock.now().toISOString());
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: deps.clock.now().toISOString(), actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'auth.2fa_policy', entityType: 'organ', entityId: String(organId),
      organId, before: null, after: { required },
    });
  });
}

/** A person changes their own password: the current one as proof; their other sessions end. */
export async function changeOwnPassword(deps: AppDeps, user: { userId: number; username: string }, current: string, next: string, keepSessionId: string): Promise<void> {
  const stored = await passwordHashOf(deps.db, user.userId);
  if (!stored || !(await verify(stored, current).catch(() => false))) throw new DomainError('ERR_IDENTITY_PASSWORD_WRONG', '当前密码不正确', { field: 'current' });
  assertPasswordAcceptable(next);
  if (next === current) throw new DomainError('ERR_IDENTITY_PASSWORD_WEAK', '新密码不能与当前密码相同', { field: 'password' });
  const hashed = await hash(next);
  await deps.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, user.userId, hashed, deps.clock.now().toISOString());
    await deleteUserSessions(trx, user.userId, keepSessionId);
  });
  await audited(deps, self(user), 'user.change_password', user.userId);
}
