import { hash, verify } from '@node-rs/argon2';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { systemClock } from '../../../shared/clock.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { personLabel } from '../domain/actor.ts';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../domain/password-rules.ts';
import { organChainFrom } from '../domain/roles.ts';
import { newSecret, sha256 } from '../domain/secrets.ts';
import { SESSION_HOURS, sessionLapsed, shouldTouchSession, stageAfterPassword, twoStepRequired } from '../domain/two-step.ts';
import { clearFailedLogins, findUserByUsername, loadPrincipal, organParents, recordFailedLogin } from '../storage/users-repository.ts';
import { deleteSession, findSession, insertSession, loadTotp, requiringOrganIds, touchSession, type SessionStage } from '../storage/sign-in-repository.ts';

let dummy: Promise<string> | null = null;
/** An argon2 hash of a random password with the same parameters as real ones, made once. */
const dummyHash = () => (dummy ??= hash(newSecret()));
const WRONG = '用户名或密码不正确';

/**
 * `user.displayName`: the account's, when the name typed is an account's — the entry names the person as every
 * other entry does, 姓名（用户名）; a name that is no account's is recorded as typed.
 */
async function auditSignIn(deps: AppDeps, action: string, user: { id: number | null; username: string; displayName?: string }, after: Record<string, unknown> | null = null) {
  // In a transaction of its own: the chain links each entry to the one before (parallel sign-ins).
  await deps.db.transaction().execute((trx) => appendAuditEvent(trx, deps.dialect, {
    occurredAt: deps.clock.now().toISOString(), actorUserId: user.id, actorLabel: user.displayName === undefined ? user.username : personLabel(user.displayName, user.username), action, entityType: 'user', entityId: user.id === null ? user.username : String(user.id),
    organId: null, before: null, after,
  }));
}

/** Must this person use two-step sign-in (an organ they administer or review for requires it)? */
export async function twoStepRequiredFor(deps: AppDeps, userId: number): Promise<boolean> {
  const principal = await loadPrincipal(deps.db, userId);
  if (!principal) return false;
  const requiring = await requiringOrganIds(deps.db);
  if (requiring.size === 0) return false;
  const parents = await organParents(deps.db);
  return twoStepRequired(principal, requiring, (id) => organChainFrom(parents, id));
}

/**
 * Checks the password and opens a database-backed session (revocable: deleting the row logs out).
 * With two-step sign-in the session waits for the code (stage 'second_factor'); when an organ
 * requires it and the person has not set it up, the session may only set it up ('enrol').
 * Five wrong passwords lock the account for 15 minutes, except for a person with two-step sign-in:
 * the right password still leads to the code, so an outsider guessing cannot lock them out.
 * Every sign-in, failure and lock is audited (docs/security.md).
 */
export async function logIn(deps: AppDeps, username: string, password: string): Promise<{ token: string; userId: number; stage: SessionStage }> {
  const user = await findUserByUsername(deps.db, username.trim());
  const now = deps.clock.now();
  if (!user || user.is_active !== 1) {
    // Same work as for a real account, so the answer's timing does not tell which usernames exist.
    await verify(await dummyHash(), password).catch(() => false);
    await auditSignIn(deps, 'auth.login_failed', user ? { id: null, username: user.username, displayName: user.display_name } : { id: null, username: username.trim().slice(0, 60) }, { reason: user ? 'inactive' : 'unknown_user' });
    throw new DomainError('ERR_IDENTITY_LOGIN_FAILED', WRONG, { httpStatus: 401 });
  }
  const totp = await loadTotp(deps.db, user.id);
  const hasTwoStep = totp?.enabledAt != null;
  const locked = user.locked_until !== null && user.locked_until > now.toISOString();
  if (locked && !hasTwoStep) {
    throw new DomainError('ERR_IDENTITY_LOCKED', `连续输错密码次数过多，账号已锁定，请在 ${LOCK_MINUTES} 分钟后再试（启用两步验证的账号不会被这样锁定）`, { httpStatus: 423 });
  }
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    // Counted atomically in SQL: parallel wrong passwords each count (docs/security.md).
    const counted = await recordFailedLogin(deps.db, user.id, { now: now.toISOString(), lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(), max: MAX_FAILED_LOGINS });
    await auditSignIn(deps, 'auth.login_failed', { id: user.id, username: user.username, displayName: user.display_name }, { reason: 'wrong_password', failedInARow: counted?.failed_logins ?? null });
    throw new DomainError('ERR_IDENTITY_LOGIN_FAILED', WRONG, { httpStatus: 401 });
  }
  const stage = stageAfterPassword({ enabled: hasTwoStep, required: await twoStepRequiredFor(deps, user.id) });
  // A locked account with two-step sign-in keeps its count until the code is right too.
  if (!locked) await clearFailedLogins(deps.db, user.id);
  const token = newSecret();
  const wall = (deps.sessionClock ?? systemClock).now();
  await insertSession(deps.db, {
    id: sha256(token), userId: user.id, csrfToken: newSecret(), createdAt: wall.toISOString(), expiresAt: new Date(wall.getTime() + SESSION_HOURS * 3600_000).toISOString(), stage,
  });
  await auditSignIn(deps, stage === 'full' ? 'auth.login' : 'auth.password_ok', { id: user.id, username: user.username, displayName: user.display_name }, { stage });
  return { token, userId: user.id, stage };
}

/** The session of a cookie, whatever its stage, or null when there is none or it has lapsed (idle or past its end). */
export async function sessionFor(deps: AppDeps, token: string) {
  const row = await findSession(deps.db, sha256(token));
  const now = (deps.sessionClock ?? systemClock).now();
  if (!row) return null;
  if (sessionLapsed(row, now)) {
    await deleteSession(deps.db, row.id);
    return null;
  }
  const principal = await loadPrincipal(deps.db, row.userId);
  if (!principal) return null;
  if (shouldTouchSession(row.lastSeenAt, row.createdAt, now)) await touchSession(deps.db, row.id, now.toISOString());
  return { principal, csrfToken: row.csrfToken, stage: row.stage };
}

export async function logOut(deps: AppDeps, token: string): Promise<void> {
  await deleteSession(deps.db, sha256(token));
}
