import type { AppDeps } from '../../../platform/app-deps.ts';
import { isSealed, type SecretBox } from '../../../platform/secrets/secret-box.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { listStoredTotpSecrets, replaceStoredTotpSecret, type TotpColumn } from '../storage/sign-in-repository.ts';

/**
 * Staff TOTP secrets at rest (ADR 0025): sealed with the platform's secret box, the user id bound in
 * (`users.totp:ID`), so a dump or backup of the database without the key does not give the second
 * factor away, and a sealed secret copied onto another person's row does not open there.
 */
const contextOf = (userId: number) => `users.totp:${userId}`;
/** A secret as written before ADR 0025: the authenticator's base32. */
const PLAIN = /^[A-Z2-7]+=*$/;

export type OpenedSecret = { ok: true; secret: string } | { ok: false; reason: 'other_key' | 'damaged' };

function boxOf(deps: AppDeps): SecretBox {
  if (!deps.secretBox) throw new DomainError('ERR_SECRET_KEY_MISSING', '服务器未加载密钥（GONGKAI_SECRET_KEY 或数据目录中的 secret.key），暂不能设置或核对两步验证', { httpStatus: 500 });
  return deps.secretBox;
}

export const sealTotpSecret = (deps: AppDeps, userId: number, secret: string): string => boxOf(deps).seal(secret, contextOf(userId));

const KEY_HINT = '请检查 GONGKAI_SECRET_KEY 或数据目录中的 secret.key 是否与保存时相同（多实例须相同，恢复备份须连同原密钥）；找不回原密钥时，请管理员在用户页为其重置两步验证';

/**
 * A stored secret, opened. A plain one from before the upgrade is accepted and sealed in passing
 * (an older instance on the same PostgreSQL may write one after the start-up step). One that does
 * not open is logged for the operator; what to tell the person is the caller's.
 */
export async function openTotpSecret(deps: AppDeps, userId: number, column: TotpColumn, stored: string): Promise<OpenedSecret> {
  const box = boxOf(deps);
  if (!isSealed(stored) && PLAIN.test(stored)) {
    await replaceStoredTotpSecret(deps.db, userId, column, stored, box.seal(stored, contextOf(userId)));
    return { ok: true, secret: stored };
  }
  const r = box.open(stored, contextOf(userId));
  if (r.ok) return { ok: true, secret: r.plain };
  deps.logger.warn(
    { userId, column, reason: r.reason, sealedWithKeyId: r.keyId, serverKeyId: box.keyId },
    r.reason === 'other_key'
      ? `用户#${userId} 的两步验证密钥由另一把密钥（${r.keyId}）加密，本服务器的密钥为 ${box.keyId}，无法核对验证码。${KEY_HINT}`
      : `用户#${userId} 的两步验证密钥无法解密（已被改动，或从其他用户的记录复制而来）。请管理员在用户页为其重置两步验证`,
  );
  return { ok: false, reason: r.reason };
}

/**
 * The start-up step: seals every plain secret left from before ADR 0025, so none stays readable in
 * the database or in the next backup. Idempotent, and safe with two instances starting at once (each
 * value is replaced only while it is still the plain one). Counts the sealed values that do not open
 * with this server's key, and warns the operator once about them.
 */
export async function sealPlainTwoStepSecrets(deps: AppDeps): Promise<{ sealed: number; unreadable: number }> {
  const box = boxOf(deps);
  let sealed = 0;
  const unreadable: { userId: number; otherKey: string | null }[] = [];
  for (const row of await listStoredTotpSecrets(deps.db)) {
    for (const [column, stored] of [['totp_secret', row.secretStored], ['totp_pending_secret', row.pendingStored]] as const) {
      if (stored === null) continue;
      if (!isSealed(stored) && PLAIN.test(stored)) {
        if (await replaceStoredTotpSecret(deps.db, row.userId, column, stored, box.seal(stored, contextOf(row.userId)))) sealed += 1;
        continue;
      }
      const r = box.open(stored, contextOf(row.userId));
      if (!r.ok) unreadable.push({ userId: row.userId, otherKey: r.reason === 'other_key' ? r.keyId : null });
    }
  }
  if (unreadable.length) {
    const otherKeys = [...new Set(unreadable.flatMap((u) => (u.otherKey ? [u.otherKey] : [])))];
    const damaged = unreadable.filter((u) => !u.otherKey).length;
    deps.logger.warn(
      { unreadable: unreadable.length, userIds: [...new Set(unreadable.map((u) => u.userId))].slice(0, 50), sealedWithKeyIds: otherKeys, damaged, serverKeyId: box.keyId },
      `有 ${unreadable.length} 个两步验证密钥无法用本服务器的密钥（${box.keyId}）解密`
        + `（${otherKeys.length ? `由另一把密钥 ${otherKeys.join('、')} 加密 ${unreadable.length - damaged} 个` : ''}${otherKeys.length && damaged ? '，' : ''}${damaged ? `已被改动或复制自他人记录 ${damaged} 个` : ''}）。`
        + `这些人员暂不能用验证码登录，可用恢复码登录。${KEY_HINT}`,
    );
  }
  return { sealed, unreadable: unreadable.length };
}
