import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';

type Executor = Db | Transaction<Database>;
export type SessionStage = 'full' | 'second_factor' | 'enrol';

export type SessionRow = {
  id: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string; stage: SessionStage; lastSeenAt: string | null; failedCodes: number;
};

export async function insertSession(db: Executor, s: { id: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string; stage: SessionStage }): Promise<void> {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, stage: s.stage, last_seen_at: s.createdAt }).execute();
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | null> {
  const r = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? {
    id: r.id, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at, stage: r.stage, lastSeenAt: r.last_seen_at, failedCodes: r.failed_codes,
  } : null;
}

export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function setSessionStage(db: Executor, id: string, stage: SessionStage): Promise<void> {
  await db.updateTable('sessions').set({ stage, failed_codes: 0 }).where('id', '=', id).execute();
}

/** Counts a wrong code in one statement (parallel guesses each count); returns the new count. */
export async function countFailedCode(db: Executor, id: string): Promise<number> {
  const r = await db.updateTable('sessions').set((eb) => ({ failed_codes: eb('failed_codes', '+', 1) })).where('id', '=', id).returning('failed_codes').executeTakeFirst();
  return r?.failed_codes ?? Number.MAX_SAFE_INTEGER;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, except `keep` (the one that changed the password). */
export async function deleteUserSessions(db: Executor, userId: number, keep: string | null = null): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

/** As stored: the secrets are sealed envelopes (ADR 0025), or plain from before it, until sealed. */
export type TotpState = { secret: string | null; pendingSecret: string | null; enabledAt: string | null; lastStep: number | null };
export type TotpColumn = 'totp_secret' | 'totp_pending_secret';

export async function loadTotp(db: Executor, userId: number): Promise<TotpState | null> {
  const r = await db.selectFrom('users').select(['totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step']).where('id', '=', userId).executeTakeFirst();
  return r ? { secret: r.totp_secret, pendingSecret: r.totp_pending_secret, enabledAt: r.totp_enabled_at, lastStep: r.totp_last_step === null ? null : Number(r.totp_last_step) } : null;
}

/** Every stored secret (a few hundred staff at most), for the start-up step that seals plain ones. */
export async function listStoredTotpSecrets(db: Executor): Promise<{ userId: number; secretStored: string | null; pendingStored: string | null }[]> {
  const rows = await db.selectFrom('users').select(['id', 'totp_secret', 'totp_pending_secret'])
    .where((eb) => eb.or([eb('totp_secret', 'is not', null), eb('totp_pending_secret', 'is not', null)])).orderBy('id').execute();
  return rows.map((r) => ({ userId: r.id, secretStored: r.totp_secret, pendingStored: r.totp_pending_secret }));
}

/**
 * Replaces a stored secret only while it still holds `from` (compare and set): two instances sealing
 * the same plain value at once write once, and a secret changed meanwhile is left alone.
 */
export async function replaceStoredTotpSecret(db: Executor, userId: number, column: TotpColumn, from: string, to: string): Promise<boolean> {
  const r = await db.updateTable('users').set({ [column]: to }).where('id', '=', userId).where(column, '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function savePendingSecret(db: Executor, userId: number, secret: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

export async function enableTotp(db: Executor, userId: number, secret: string, at: string, step: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret, totp_pending_secret: null, totp_enabled_at: at, totp_last_step: step }).where('id', '=', userId).execute();
}

export async function clearTotp(db: Executor, userId: number): Promise<void> {
  await db.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/**
 * An administrator's 重置两步验证: clears two-step sign-in only where it is on (`totp_enabled_at` set), in one
 * statement, so two resets at once clear it once; false when it was not on (nothing changed).
 */
export async function clearEnabledTotp(db: Executor, userId: number): Promise<boolean> {
  const r = await db.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId).where('totp_enabled_at', 'is not', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  return true;
}

/** Records the step a code was accepted for, only if it is newer than the last one (two parallel uses of one code: one wins). */
export async function claimTotpStep(db: Executor, userId: number, step: number): Promise<boolean> {
  const r = await db.updateTable('users').set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Executor, userId: number, hashes: string[], at: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.insertInto('recovery_codes').values(hashes.map((h) => ({ user_id: userId, code_hash: h, created_at: at, used_at: null }))).execute();
}

/** Uses a recovery code once; false when it is unknown or used. */
export async function useRecoveryCode(db: Executor, userId: number, hash: string, at: string): Promise<boolean> {
  const r = await db.updateTable('recovery_codes').set({ used_at: at }).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function unusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
  const r = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function requiringOrganIds(db: Executor): Promise<Set<number>> {
  const rows = await db.selectFrom('two_step_policies').select('organ_id').where('required', '=', 1).execute();
  return new Set(rows.map((r) => r.organ_id));
}

export async function saveTwoStepPolicy(db: Executor, organId: number, required: boolean, by: number | null, at: string): Promise<void> {
  await db.insertInto('two_step_policies').values({ organ_id: organId, required: required ? 1 : 0, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('organ_id').doUpdateSet({ required: required ? 1 : 0, updated_by: by, updated_at: at }))
    .execute();
}
