import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { newSecret, sha256 } from '../domain/secrets.ts';
import { findUserByUsername, loadPrincipal } from '../storage/users-repository.ts';

/** Creates a bearer token for the API. The token is shown once; only its hash is kept. */
export async function createApiToken(deps: AppDeps, username: string, name: string) {
  if (!name.trim()) throw new DomainError('ERR_IDENTITY_TOKEN_NAME_REQUIRED', '请为令牌起一个名称（用途）', { field: 'name' });
  const user = await findUserByUsername(deps.db, username);
  if (!user) throw new DomainError('ERR_IDENTITY_USER_NOT_FOUND', `用户“${username}”不存在`, { field: 'user', httpStatus: 404 });
  const token = newSecret('gk_');
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: user.id, name: name.trim(), token_hash: sha256(token), created_at: at, last_used_at: null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: user.id, actorLabel: username, action: 'api_token.create', entityType: 'api_token', entityId: String(row.id),
      organId: null, before: null, after: { name: name.trim(), user: username },
    });
  });
  return token;
}

export async function principalForApiToken(deps: AppDeps, token: string) {
  const row = await deps.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  await deps.db.updateTable('api_tokens').set({ last_used_at: deps.clock.now().toISOString() }).where('id', '=', row.id).execute();
  return loadPrincipal(deps.db, row.user_id);
}
