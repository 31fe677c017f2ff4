import { hash, verify } from '@node-rs/argon2';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../domain/password-rules.ts';
import { newSecret, sha256 } from '../domain/secrets.ts';
import { findUserByUsername, loadPrincipal, recordFailedLogin } from '../storage/users-repository.ts';

const SESSION_HOURS = 12;

let dummy: Promise<string> | null = null;
/** An argon2 hash of a random password with the same parameters as real ones, made once. */
const dummyHash = () => (dummy ??= hash(newSecret()));
const WRONG = '用户名或密码不正确';

/** Checks the password and opens a database-backed session (revocable: deleting the row logs out). */
export async function logIn(deps: AppDeps, username: string, password: string) {
  const user = await findUserByUsername(deps.db, username.trim());
  const now = deps.clock.now();
  if (!user || user.is_active !== 1) {
    // Same work as for a real account, so the answer's timing does not tell which usernames exist.
    await verify(await dummyHash(), password).catch(() => false);
    throw new DomainError('ERR_IDENTITY_LOGIN_FAILED', WRONG, { httpStatus: 401 });
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new DomainError('ERR_IDENTITY_LOCKED', `连续输错密码次数过多，账号已锁定，请在 ${LOCK_MINUTES} 分钟后再试`, { httpStatus: 423 });
  }
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    // Counted atomically in SQL: parallel wrong passwords each count (docs/security.md).
    await recordFailedLogin(deps.db, user.id, { now: now.toISOString(), lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(), max: MAX_FAILED_LOGINS });
    throw new DomainError('ERR_IDENTITY_LOGIN_FAILED', WRONG, { httpStatus: 401 });
  }
  await deps.db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
  const token = newSecret();
  await deps.db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: user.id,
      csrf_token: newSecret(),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    })
    .execute();
  return { token, userId: user.id };
}

export async function sessionFor(deps: AppDeps, token: string) {
  const row = await deps.db.selectFrom('sessions').selectAll().where('id', '=', sha256(token)).executeTakeFirst();
  if (!row || row.expires_at <= deps.clock.now().toISOString()) return null;
  const principal = await loadPrincipal(deps.db, row.user_id);
  return principal ? { principal, csrfToken: row.csrf_token } : null;
}

export async function logOut(deps: AppDeps, token: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}
