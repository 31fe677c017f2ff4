import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { mayWorkOn, requireApiToken, type Principal } from '../../../identity/index.ts';
import { findCatalogNode, findOrganById, organChain, type CatalogNode } from '../../index.ts';

type Executor = AppDeps['db'];

/** Small lookups every catalog route shares: an organ by its code, a node by id, who is calling. */


export async function nodeOr404(db: Executor, id: number): Promise<CatalogNode> {
  const node = await findCatalogNode(db, id);
  if (!node) throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', `栏目（编号 ${id}）不存在`, { httpStatus: 404 });
  return node;
}

export async function organCodeOf(db: Executor, organId: number | null): Promise<string | null> {
  return organId === null ? null : ((await findOrganById(db, organId))?.code ?? null);
}

/** The request body as an object of fields; anything else (a JSON array, a bare string, no body) is refused. */
export function jsonObjectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new DomainError('ERR_VALIDATION', '请求体应为 JSON 对象（Content-Type: application/json）', { httpStatus: 400 });
  }
  return body as Record<string, unknown>;
}

/**
 * JSON clients write null for "none" (and get null back from the reads); the use cases' schemas, shared
 * with the HTML forms, expect such a field to be absent. For POST and PUT a null field is left out.
 */
export function withoutNulls(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

/** For PATCH a null clears the field (absent would keep it): the forms' schemas read '' as "none". */
export function nullsAsEmpty(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === null ? '' : v]));
}

/**
 * For public reads that show more to a token holder: no Authorization header means anonymous; a
 * header with a bad or revoked token is refused (401) rather than silently treated as anonymous.
 */
export async function optionalApiPrincipal(deps: AppDeps, request: FastifyRequest): Promise<Principal | null> {
  if (!request.headers.authorization) return null;
  await requireApiToken(deps)(request);
  return request.principal ?? null;
}

/** May this caller see an organ's unpublished items (an editor or admin of it or of an organ above it)? */
export async function mayEditOrgan(db: Executor, principal: Principal | null, organId: number): Promise<boolean> {
  return principal !== null && mayWorkOn(principal, await organChain(db, organId));
}
