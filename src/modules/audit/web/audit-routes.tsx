import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { AdminLayout } from '../../../platform/views/admin-layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { loadAuditHead } from '../storage/audit-repository.ts';
import { verifyAuditLog, type AuditVerification } from '../use-cases/verify-audit-log.ts';

/**
 * How the page knows a signed-in system administrator: identity's session guard and rule, handed
 * in by src/main (identity writes the audit log, so the audit area does not import identity).
 */
export type AuditPageAccess = {
  requireStaff: preHandlerAsyncHookHandler;
  isSystemAdmin: (principal: NonNullable<FastifyRequest['principal']>) => boolean;
};

/**
 * 审计日志 for the system administrator: the chain's current head, to be recorded somewhere the
 * database's administrators cannot rewrite, and an on-demand check (docs/security.md).
 */
export function auditRoutes(deps: AppDeps, { requireStaff, isSystemAdmin }: AuditPageAccess) {
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff);
    app.get<{ Querystring: { verify?: string } }>('/admin/audit', async (request: FastifyRequest<{ Querystring: { verify?: string } }>, reply) => {
      const p = request.principal!;
      if (!isSystemAdmin(p)) throw new DomainError('ERR_AUTH_FORBIDDEN', '只有系统管理员可以查看审计日志链头', { httpStatus: 403 });
      const head = await loadAuditHead(deps.db);
      const check = request.query.verify === '1' ? await verifyAuditLog(deps.db) : null;
      return sendPage(reply,
        <AdminLayout title="审计日志" user={{ displayName: p.displayName, username: p.username, isSystemAdmin: true }} csrfToken={request.csrfToken}>
          <h1>审计日志</h1>
          <p>每一项操作都写入以密钥签名（HMAC）的哈希链。请定期把下面的链头哈希抄录或打印，保存在数据库管理员无法改动的地方；服务器每天也把链头写入日志。日后用 <code>./bin/gongkai audit verify --expect-head 链头哈希</code> 核对：若日志被删除或改写，抄录的链头将不在链中。</p>
          {head ? (
            <table class="meta">
              <tbody>
                <tr><th scope="row">链头哈希</th><td><code id="audit-head-hash">{head.last_hash}</code></td></tr>
                <tr><th scope="row">末条记录</th><td>第 {head.last_id} 条</td></tr>
                <tr><th scope="row">记录总数</th><td>{head.entries}</td></tr>
              </tbody>
            </table>
          ) : <p>尚无审计记录。</p>}
          <p><a class="btn btn-secondary" href="/admin/audit?verify=1">立即校验整条哈希链</a></p>
          {check && <CheckResult r={check} />}
        </AdminLayout>);
    });
  };
}

function CheckResult({ r }: { r: AuditVerification }) {
  // A key recorded lost (ADR 0032): the entries before it were checked for their links and number only.
  const lost = r.keyLost && <p>注意：原审计日志密钥已于 {r.keyLost.at} 记录为丢失（第 {r.keyLost.recordedIn} 条记录）；此前的 {r.keyLost.entries} 条记录无法再校验其内容，只核对了链接和条数。</p>;
  if (r.breaks.length === 0) return <div role="status"><p>校验通过：共 {r.entries} 条记录，哈希链与链头签名均完整。</p>{lost}</div>;
  return (
    <section role="alert">
      <h2>校验失败：发现 {r.breaks.length} 处断裂</h2>
      {lost}
      <ul>{r.breaks.slice(0, 100).map((b) => <li>{b.problem}</li>)}</ul>
    </section>
  );
}
