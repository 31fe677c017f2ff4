import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/connect.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { findOrganByCode, organScope } from '../../catalog/index.ts';
import { isSystemAdmin, rolesOn } from '../../identity/index.ts';

/** The roles that keep an organ's supervision (cadences, inspection now, wording list): the disclosure office and the organ's administrator. */
export const KEEPER_ROLES = ['disclosure_office', 'organ_admin', 'system_admin'];

/** The signed-in person as the back-office frame shows them. */
export const adminUserOf = (request: FastifyRequest) => ({ displayName: request.principal!.displayName, username: request.principal!.username, isSystemAdmin: isSystemAdmin(request.principal!) });

/** The organ of a supervision page, when the person is on its staff (else 404), and whether they keep its supervision. */
export async function supervisedOrgan(db: Db, request: FastifyRequest, code: string) {
  const organ = await findOrganByCode(db, code);
  const scope = await organScope(db, request.principal!);
  if (!organ || !scope.staffOf.some((o) => o.id === organ.id)) throw new DomainError('ERR_NOT_FOUND', '机关不存在', { httpStatus: 404 });
  const roles = rolesOn(request.principal!, scope.chainOf(organ.id));
  return { organ, scope, keeper: KEEPER_ROLES.some((r) => roles.has(r as never)) };
}
