import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaTimeOf } from '../../../shared/iso-date.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { newSecret, sha256 } from '../domain/secrets.ts';
import { actorLabel, actorUserId, personLabel, type Actor } from '../domain/actor.ts';
import { DEFAULT_TOKEN_DAYS, mayManageTokensOf, scopedPrincipal, tokenExpiry, tokenRefusal } from '../domain/api-token-rules.ts';
import { holdsRoleOn, isSystemAdmin, organChainFrom } from '../domain/roles.ts';
import {
  findApiToken, findApiTokenByHash, insertApiToken, listApiTokens as listRows, organCodesById, organIdsByCode,
  revokeApiTokenRow, touchApiToken, userRoleOrgans, type ApiTokenRow,
} from '../storage/api-tokens-repository.ts';
import { findUserByUsername, loadPrincipal, organParents } from '../storage/users-repository.ts';
import { accountOrganId } from './manage-user.ts';

export type ApiTokenOptions = {
  /** Valid for this many days (1 … 730); default 365. `null`: no expiry (command line only, for old scripts). */
  days?: number | null;
  readOnly?: boolean;
  /** Limit the token to these organs (codes); the holder must hold a role on each. Default: all the holder's organs. */
  organCodes?: string[];
};

export type ApiTokenView = Omit<ApiTokenRow, 'organIds'> & { organCodes: string[] | null; state: 'active' | 'expired' | 'revoked' };

/*
 * A token's entries (api_token.create, api_token.revoke) are recorded against the organ of its holder's account,
 * as every change of the account is (accountOrganId): that organ's administrator and 政务公开办公室 read them.
 */

/**
 * Creates a bearer token for the API (docs/security.md). The token is shown once; only its hash is
 * kept. `by` is who asks: the holder (web, API), the command line (COMMAND_LINE_ACTOR, audited as
 * 系统：命令行), or null — the holder named, as the tests' and seeds' own tokens are recorded.
 */
export async function createApiToken(deps: AppDeps, username: string, name: string, opts: ApiTokenOptions = {}, by: Actor | null = null) {
  if (!name.trim()) throw new DomainError('ERR_IDENTITY_TOKEN_NAME_REQUIRED', '请为令牌起一个名称（用途）', { field: 'name' });
  if (name.trim().length > 100) throw new DomainError('ERR_IDENTITY_TOKEN_INVALID', '令牌名称不能超过 100 个字符', { field: 'name' });
  const user = await findUserByUsername(deps.db, username);
  if (!user) throw new DomainError('ERR_IDENTITY_USER_NOT_FOUND', `用户“${username}”不存在`, { field: 'user', httpStatus: 404 });
  if (by && by.kind === 'user' && by.principal.userId !== user.id) {
    throw new DomainError('ERR_AUTH_FORBIDDEN', '只能为自己创建 API 令牌', { httpStatus: 403 });
  }
  const now = deps.clock.now();
  let expiresAt: string | null = null;
  const days = opts.days === undefined ? DEFAULT_TOKEN_DAYS : opts.days;
  if (days !== null) {
    const e = tokenExpiry(now, days);
    if ('error' in e) throw new DomainError('ERR_IDENTITY_TOKEN_INVALID', e.error, { field: 'days' });
    expiresAt = e.expiresAt;
  }
  let organIds: number[] | null = null;
  if (opts.organCodes && opts.organCodes.length > 0) {
    const codes = [...new Set(opts.organCodes.map((c) => c.trim()).filter(Boolean))];
    const ids = await organIdsByCode(deps.db, codes);
    const unknown = codes.filter((c) => !ids.has(c));
    if (unknown.length) throw new DomainError('ERR_IDENTITY_TOKEN_INVALID', `机关代码不存在：${unknown.join('、')}`, { field: 'organs' });
    const holder = (await loadPrincipal(deps.db, user.id))!;
    const parents = await organParents(deps.db);
    const outside = codes.filter((c) => !holdsRoleOn(holder, organChainFrom(parents, ids.get(c)!), 'editor'));
    if (outside.length) throw new DomainError('ERR_IDENTITY_TOKEN_INVALID', `${user.username} 在这些机关没有岗位，令牌不能用于：${outside.join('、')}`, { field: 'organs' });
    organIds = codes.map((c) => ids.get(c)!);
  }
  const token = newSecret('gk_');
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const id = await insertApiToken(trx, {
      userId: user.id, name: name.trim(), tokenHash: sha256(token), createdAt: at, expiresAt, readOnly: opts.readOnly === true, organIds, createdBy: by ? actorUserId(by) : null,
    });
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: by ? actorUserId(by) : user.id, actorLabel: by ? actorLabel(by) : personLabel(user.display_name, user.username), action: 'api_token.create', entityType: 'api_token', entityId: String(id),
      organId: await accountOrganId(trx, user.id), before: null, after: { name: name.trim(), user: username, expiresAt, readOnly: opts.readOnly === true, organs: opts.organCodes ?? null },
    });
  });
  return token;
}

/** The principal a bearer token acts as for a request of `method`, or why it may not be used. */
export async function principalForApiToken(deps: AppDeps, token: string, method = 'GET') {
  const row = await findApiTokenByHash(deps.db, sha256(token));
  if (!row) return { refusal: 'unknown' as const };
  const now = deps.clock.now();
  const refusal = tokenRefusal(row, now, method);
  if (refusal) return { refusal };
  const principal = await loadPrincipal(deps.db, row.userId);
  if (!principal) return { refusal: 'unknown' as const };
  await touchApiToken(deps.db, row.id, now.toISOString());
  return { principal: scopedPrincipal(principal, row.organIds) };
}

async function view(deps: AppDeps, rows: ApiTokenRow[]): Promise<ApiTokenView[]> {
  const codes = await organCodesById(deps.db, [...new Set(rows.flatMap((r) => r.organIds ?? []))]);
  const now = deps.clock.now();
  return rows.map(({ organIds, ...r }) => ({
    ...r,
    organCodes: organIds === null ? null : organIds.map((id) => codes.get(id) ?? String(id)),
    state: r.revokedAt ? 'revoked' : tokenRefusal({ ...r, organIds, readOnly: false }, now, 'GET') === 'expired' ? 'expired' : 'active',
  }));
}

/** The tokens `actor` may see: their own; `all` adds every token of people they administer. */
export async function listApiTokens(deps: AppDeps, actor: Actor, opts: { all?: boolean } = {}): Promise<ApiTokenView[]> {
  if (actor.kind === 'system') return view(deps, await listRows(deps.db, null));
  const p = actor.principal;
  if (!opts.all) return view(deps, await listRows(deps.db, [p.userId]));
  if (isSystemAdmin(p)) return view(deps, await listRows(deps.db, null));
  const parents = await organParents(deps.db);
  const byUser = new Map<number, number[][]>();
  for (const r of await userRoleOrgans(deps.db)) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), organChainFrom(parents, r.organId)]);
  const visible = [...byUser.keys(), p.userId].filter((u) => mayManageTokensOf(p, u, byUser.get(u) ?? []));
  return view(deps, await listRows(deps.db, [...new Set(visible)]));
}

/** Why a token cannot be revoked again: when it was, as Beijing time to the minute (never a raw UTC instant). */
export const alreadyRevoked = (t: { name: string; revokedAt: string | null }): string =>
  `令牌“${t.name}”已撤销${t.revokedAt ? `（撤销时间：${chinaTimeOf(t.revokedAt)}）` : ''}，无需再撤销`;

/** Revokes a token: its holder, their organ administrator or a system administrator may. Audited. Returns its name. */
export async function revokeApiToken(deps: AppDeps, actor: Actor, tokenId: number): Promise<{ name: string }> {
  const row = await findApiToken(deps.db, tokenId);
  const notFound = new DomainError('ERR_IDENTITY_TOKEN_NOT_FOUND', '令牌不存在', { httpStatus: 404 });
  if (!row) throw notFound;
  if (actor.kind === 'user') {
    const parents = await organParents(deps.db);
    const chains = (await userRoleOrgans(deps.db)).filter((r) => r.userId === row.userId).map((r) => organChainFrom(parents, r.organId));
    if (!mayManageTokensOf(actor.principal, row.userId, chains)) throw notFound; // another organ's tokens are not even named
  }
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await revokeApiTokenRow(trx, tokenId, at))) {
      // Read again: revoked between the look-up above and now (another tab), the row read has no time yet.
      const now = row.revokedAt ? row : await findApiToken(trx, tokenId);
      throw new DomainError('ERR_IDENTITY_TOKEN_REVOKED', alreadyRevoked({ name: row.name, revokedAt: now?.revokedAt ?? null }), { httpStatus: 409 });
    }
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action: 'api_token.revoke', entityType: 'api_token', entityId: String(tokenId),
      organId: await accountOrganId(trx, row.userId), before: { name: row.name, user: row.username }, after: null,
    });
  });
  return { name: row.name };
}
