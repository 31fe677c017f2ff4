import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { takeFlash } from '../../../../platform/views/admin-helpers.ts';
import type { AdminUser } from '../../../../platform/views/admin-layout.tsx';
import { holdsRoleOn, isSystemAdmin } from '../../../identity/index.ts';
import type { Organ } from '../../domain/organ.ts';
import { listOrgans } from '../../storage/organs-repository.ts';

/** The organs a signed-in person works on (a role on an organ reaches its units), with what the layout needs. */
export async function staffScope(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal!;
  const organs = await listOrgans(deps.db);
  const parent = new Map(organs.map((o) => [o.id, o.parentId]));
  const chain = (id: number) => {
    const out: number[] = [];
    for (let cur: number | null | undefined = id; cur != null && !out.includes(cur); cur = parent.get(cur)) out.push(cur);
    return out;
  };
  const editable = organs.filter((o) => holdsRoleOn(principal, chain(o.id), 'editor'));
  const administrable = new Set(organs.filter((o) => holdsRoleOn(principal, chain(o.id), 'organ_admin')).map((o) => o.id));
  const user: AdminUser = { displayName: principal.displayName, username: principal.username, isSystemAdmin: isSystemAdmin(principal) };
  return {
    principal,
    user,
    csrf: request.csrfToken!,
    flash: takeFlash(request, reply),
    organs,
    editable,
    canAdmin: (organ: Organ | number) => administrable.has(typeof organ === 'number' ? organ : organ.id),
  };
}

export type StaffScope = Awaited<ReturnType<typeof staffScope>>;
