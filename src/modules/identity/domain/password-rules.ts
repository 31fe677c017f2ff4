import { DomainError } from '../../../shared/domain-error.ts';

export function assertPasswordAcceptable(password: string): void {
  if (password.length < 8) throw new DomainError('ERR_IDENTITY_PASSWORD_WEAK', '密码至少需要 8 个字符', { field: 'password' });
  if (password.length > 200) throw new DomainError('ERR_IDENTITY_PASSWORD_WEAK', '密码不能超过 200 个字符', { field: 'password' });
}

export function assertUsernameAcceptable(username: string): void {
  if (!/^[a-zA-Z0-9_.-]{2,40}$/.test(username)) {
    throw new DomainError('ERR_IDENTITY_USERNAME_INVALID', '用户名应为 2–40 位字母、数字、下划线、点或连字符', { field: 'username' });
  }
}

/** After this many wrong passwords in a row the account waits LOCK_MINUTES before the next try. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
