import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../platform/app-deps.ts';
import type { AuditReader } from '../modules/audit/index.ts';
import { staffContext } from '../modules/catalog/index.ts';
import { isSystemAdmin, mayReadAuditLog } from '../modules/identity/index.ts';

/**
 * Who reads the audit log (/admin/audit), from the request's one staff context and identity's pure
 * rule: the system administrator every entry; the 政务公开办公室 and the organ's administrator the
 * entries recorded against the organs they keep (and the units below them) and the changes and API tokens
 * of the accounts in them; anyone else nothing (null).
 */
export function auditReaderOf(deps: AppDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<AuditReader | null> => {
    const ctx = await staffContext(deps, request, reply);
    const names = new Map(ctx.organs.map((o) => [o.id, o.name]));
    const organName = (id: number) => names.get(id) ?? null;
    const choices = (list: typeof ctx.organs) => list.map((o) => ({ id: o.id, code: o.code, name: o.name }));
    if (isSystemAdmin(ctx.principal)) return { user: ctx.user, csrf: ctx.csrf, organName, scope: { all: true }, scopeNote: null, organs: choices(ctx.organs) };
    const kept = ctx.organs.filter((o) => mayReadAuditLog(ctx.principal, ctx.chainOf(o.id)));
    if (kept.length === 0) return null;
    return {
      user: ctx.user, csrf: ctx.csrf, organName, scope: { all: false, organIds: kept.map((o) => o.id) }, organs: choices(kept),
      scopeNote: `这里列出${kept.length > 3 ? `${kept.slice(0, 3).map((o) => o.name).join('、')}等 ${kept.length} 个机关和单位` : kept.map((o) => o.name).join('、')}的操作记录，包括其人员账号的变更和 API 令牌的创建、撤销；登录记录由系统管理员查看。`,
    };
  };
}
