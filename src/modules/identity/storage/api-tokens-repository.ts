import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { TokenGrant } from '../domain/api-token-rules.ts';

type Executor = Db | Transaction<Database>;

export type ApiTokenRow = TokenGrant & {
  id: number; userId: number; username: string; displayName: string; name: string;
  createdAt: string; lastUsedAt: string | null;
};

const parseOrganIds = (raw: string | null): number[] | null => (raw === null ? null : (JSON.parse(raw) as number[]));

export async function insertApiToken(db: Executor, t: {
  userId: number; name: string; tokenHash: string; createdAt: string; expiresAt: string | null; readOnly: boolean; organIds: number[] | null; createdBy: number | null;
}): Promise<number> {
  const row = await db.insertInto('api_tokens').values({
    user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, last_used_at: null, revoked_at: null,
    expires_at: t.expiresAt, read_only: t.readOnly ? 1 : 0, organ_ids: t.organIds === null ? null : JSON.stringify(t.organIds), created_by: t.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function baseQuery(db: Executor) {
  return db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').select([
    't.id', 't.user_id', 'u.username', 'u.display_name', 't.name', 't.created_at', 't.last_used_at', 't.revoked_at', 't.expires_at', 't.read_only', 't.organ_ids',
  ]);
}

type Raw = { id: number; user_id: number; username: string; display_name: string; name: string; created_at: string; last_used_at: string | null; revoked_at: string | null; expires_at: string | null; read_only: number; organ_ids: string | null };
const toRow = (r: Raw): ApiTokenRow => ({
  id: r.id, userId: r.user_id, username: r.username, displayName: r.display_name, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at, expiresAt: r.expires_at, readOnly: r.read_only === 1, organIds: parseOrganIds(r.organ_ids),
});

export async function findApiTokenByHash(db: Executor, tokenHash: string): Promise<ApiTokenRow | null> {
  const r = await baseQuery(db).where('t.token_hash', '=', tokenHash).executeTakeFirst();
  return r ? toRow(r) : null;
}

export async function findApiToken(db: Executor, id: number): Promise<ApiTokenRow | null> {
  const r = await baseQuery(db).where('t.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

/** Tokens, newest first; of one user, or of everyone (userIds null). */
export async function listApiTokens(db: Executor, userIds: number[] | null): Promise<ApiTokenRow[]> {
  let q = baseQuery(db).orderBy('t.created_at', 'desc').orderBy('t.id', 'desc');
  if (userIds !== null) {
    if (userIds.length === 0) return [];
    q = q.where('t.user_id', 'in', userIds);
  }
  return (await q.execute()).map(toRow);
}

export async function touchApiToken(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes a token once; false when it was already revoked. */
export async function revokeApiTokenRow(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function userRoleOrgans(db: Executor): Promise<{ userId: number; organId: number }[]> {
  return (await db.selectFrom('user_roles').select(['user_id', 'organ_id']).execute()).map((r) => ({ userId: r.user_id, organId: r.organ_id }));
}

export async function organIdsByCode(db: Executor, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('organs').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function organCodesById(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organs').select(['id', 'code']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Revokes every still-live token of a user; returns nothing. */
export async function revokeUserApiTokens(db: Executor, userId: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
