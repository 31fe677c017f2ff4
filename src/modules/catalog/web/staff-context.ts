import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { takeFlash } from '../../../../platform/views/admin-helpers.ts';
import type { AdminUser } from '../../../../platform/views/admin-layout.tsx';
import { isSystemAdmin } from '../../../identity/index.ts';
import type { Organ } from '../../domain/organ.ts';
import { DomainError } from '../../../../shared/domain-error.ts';
import { findOrganByCode } from '../../storage/organs-repository.ts';
import { organScope } from '../../use-cases/organ-scope.ts';

/** The organs a signed-in person works on (a role on an organ reaches its units), with what the layout needs. */
export async function staffScope(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal!;
  const { organs, staffOf: editable, adminOf, may } = await organScope(deps.db, principal);
  const administrable = new Set(adminOf.map((o) => o.id));
  const user: AdminUser = { displayName: principal.displayName, username: principal.username, isSystemAdmin: isSystemAdmin(principal) };
  return {
    principal,
    user,
    csrf: request.csrfToken!,
    flash: takeFlash(request, reply),
    organs,
    editable,
    canAdmin: (organ: Organ | number) => administrable.has(typeof organ === 'number' ? organ : organ.id),
    /** Drafts for the organ itself (not only through one of its units). */
    mayDraft: (organ: Organ | number) => may(organ, 'editor'),
    /**
     * The organ of this code, for a person who works on it (`staff`: any role on it or above it) or
     * administers it (`organ_admin`): 404 when no organ has the code, 403 when it is not theirs.
     */
    organ: async (code: string, need: 'staff' | 'organ_admin' = 'staff'): Promise<Organ> => {
      const organ = await findOrganByCode(deps.db, code);
      if (!organ) throw new DomainError('ERR_NOT_FOUND', '机关不存在', { httpStatus: 404 });
      if (need === 'organ_admin' ? !administrable.has(organ.id) : !editable.some((o) => o.id === organ.id)) {
        throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有该机关的权限', { httpStatus: 403 });
      }
      return organ;
    },
  };
}

export type StaffScope = Awaited<ReturnType<typeof staffScope>>;
