import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../platform/app-deps.ts';
import { takeFlash } from '../../../../platform/views/admin-helpers.ts';
import type { AdminUser } from '../../../../platform/views/admin-layout.tsx';
import { DomainError } from '../../../../shared/domain-error.ts';
import { organScope, type Organ } from '../../../catalog/index.ts';
import { isSystemAdmin } from '../../../identity/index.ts';

/** The organs whose applications the signed-in person handles (a role on an organ reaches its units). */
export async function staffOrgans(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal!;
  const { organs, staffOf: handled, adminOf } = await organScope(deps.db, principal);
  const headed = new Set(adminOf.map((o) => o.id));
  const user: AdminUser = { displayName: principal.displayName, username: principal.username, isSystemAdmin: isSystemAdmin(principal) };
  return {
    user,
    csrf: request.csrfToken!,
    flash: takeFlash(request, reply),
    organs: handled,
    isSystemAdmin: isSystemAdmin(principal),
    heads: (organ: Organ | number) => headed.has(typeof organ === 'number' ? organ : organ.id),
    organ(code: string | undefined): Organ {
      const found = code ? handled.find((o) => o.code === code) : handled[0];
      if (!found) {
        if (code && organs.some((o) => o.code === code)) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有办理该机关依申请公开事项的权限', { httpStatus: 403 });
        throw new DomainError('ERR_NOT_FOUND', code ? '机关不存在' : '您还没有任何机关的权限，请联系管理员', { httpStatus: 404 });
      }
      return found;
    },
  };
}

export type StaffOrgans = Awaited<ReturnType<typeof staffOrgans>>;
