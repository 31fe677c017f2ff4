import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { takeFlash } from '../../../../platform/views/admin-helpers.ts';
import type { AdminUser } from '../../../../platform/views/admin-layout.tsx';
import { isSystemAdmin } from '../../../identity/index.ts';
import type { Organ } from '../../domain/organ.ts';
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
  };
}

export type StaffScope = Awaited<ReturnType<typeof staffScope>>;
