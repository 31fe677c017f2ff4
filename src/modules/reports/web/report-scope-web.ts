import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { takeFlash } from '../../../platform/views/admin-helpers.ts';
import type { AdminUser } from '../../../platform/views/admin-layout.tsx';
import { DomainError } from '../../../shared/domain-error.ts';
import { organScope, type Organ } from '../../catalog/index.ts';
import { isSystemAdmin } from '../../identity/index.ts';

/** Who is signed in and on which organs they may draft (editor) or decide (organ_admin) reports. */
export async function reportStaff(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal!;
  const scope = await organScope(deps.db, principal);
  const user: AdminUser = { displayName: principal.displayName, username: principal.username, isSystemAdmin: isSystemAdmin(principal) };
  const canDraft = (o: Organ) => scope.may(o, 'editor');
  const canDecide = (o: Organ) => scope.may(o, 'organ_admin');
  return { principal, user, csrf: request.csrfToken!, flash: takeFlash(request, reply), organs: scope.organs, canDraft, canDecide };
}

export type ReportStaff = Awaited<ReturnType<typeof reportStaff>>;

/** The organ of a report page, if the person may see its reports (any role on it or above). */
export function organForStaff(staff: ReportStaff, code: string): Organ {
  const organ = staff.organs.find((o) => o.code === code);
  if (!organ) throw new DomainError('ERR_REPORT_ORGAN_NOT_FOUND', `机关“${code}”不存在`, { httpStatus: 404 });
  if (!staff.canDraft(organ)) throw new DomainError('ERR_AUTH_FORBIDDEN', '您没有该机关年度报告的权限', { httpStatus: 403 });
  return organ;
}
