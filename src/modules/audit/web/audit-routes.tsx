import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { parseAuditFilter, type AuditFilterQuery } from '../domain/audit-filter.ts';
import { loadAuditHead } from '../storage/audit-repository.ts';
import { auditTargetNames, findAuditEntry, listAuditEntries, type AuditReadScope } from '../storage/audit-reading.ts';
import { AuditEntryPage, AuditListPage, type AuditReaderView } from './audit-log-pages.tsx';
import { verifyAuditLog, type AuditVerification } from '../use-cases/verify-audit-log.ts';

/**
 * Who may read the log, handed in by src/main (identity and catalog write the audit log, so the audit
 * area imports neither): identity's session guard and rule, and the reader built from catalog's staff
 * context and identity's `mayReadAuditLog` — null for someone who may read none of it.
 */
export type AuditPageAccess = {
  requireStaff: preHandlerAsyncHookHandler;
  isSystemAdmin: (principal: NonNullable<FastifyRequest['principal']>) => boolean;
  auditReader: (request: FastifyRequest, reply: FastifyReply) => Promise<AuditReader | null>;
};

/** A reader of the log: whose entries they see, and what the pages show of them. */
export type AuditReader = AuditReaderView & { scope: AuditReadScope };

const PAGE_SIZE = 50;
const FORBIDDEN = '只有系统管理员、机关管理员和政务公开办公室可以查看审计日志';
const LOST_POSITION = '翻页位置无效，请从第一页重新查看';

/**
 * 审计日志: the entries, newest first by when they happened, filtered by a GET form, each with its own page (before/after);
 * for the system administrator also the chain's current head, to be recorded somewhere the
 * database's administrators cannot rewrite, and an on-demand check (docs/security.md). Reading is
 * not itself recorded.
 */
export function auditRoutes(deps: AppDeps, { requireStaff, isSystemAdmin, auditReader }: AuditPageAccess) {
  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff);
    const readerOf = async (request: FastifyRequest, reply: FastifyReply) => {
      const reader = await auditReader(request, reply);
      if (!reader) throw new DomainError('ERR_AUTH_FORBIDDEN', FORBIDDEN, { httpStatus: 403 });
      return reader;
    };
    app.get<{ Querystring: AuditFilterQuery & { verify?: string } }>('/admin/audit', async (request, reply) => {
      const reader = await readerOf(request, reply);
      const q = request.query;
      const head = isSystemAdmin(request.principal!) ? <ChainHead head={await loadAuditHead(deps.db)} check={q.verify === '1' ? await verifyAuditLog(deps.db) : null} /> : null;
      const parsed = parseAuditFilter(q, reader.organs);
      if (!parsed.ok) return sendPage(reply, <AuditListPage view={reader} q={q} errors={parsed.errors} entries={[]} names={new Map()} more={false} head={head} />, 400);
      const { entries, more, lostPosition } = await listAuditEntries(deps.db, parsed.filter, reader.scope, PAGE_SIZE);
      // A page position that is no entry the reader may see (an address edited by hand): said, never guessed.
      if (lostPosition) return sendPage(reply, <AuditListPage view={reader} q={q} errors={{ before: LOST_POSITION }} entries={[]} names={new Map()} more={false} head={head} />, 400);
      return sendPage(reply, <AuditListPage view={reader} q={q} errors={{}} entries={entries} names={await auditTargetNames(deps.db, entries)} more={more} head={head} />);
    });
    app.get<{ Params: { id: string } }>('/admin/audit/:id', async (request, reply) => {
      const reader = await readerOf(request, reply);
      const id = /^[1-9]\d{0,14}$/.test(request.params.id) ? Number(request.params.id) : null;
      const entry = id === null ? null : await findAuditEntry(deps.db, id, reader.scope);
      if (!entry) throw new DomainError('ERR_NOT_FOUND', `没有第 ${request.params.id.slice(0, 20)} 条审计记录，或您无权查看`, { httpStatus: 404 });
      return sendPage(reply, <AuditEntryPage view={reader} e={entry} names={await auditTargetNames(deps.db, [entry])} />);
    });
  };
}

function ChainHead({ head, check }: { head: Awaited<ReturnType<typeof loadAuditHead>>; check: AuditVerification | null }) {
  return (
    <section aria-labelledby="chain-h">
      <h2 id="chain-h">哈希链</h2>
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
      <p><a class="btn btn-secondary" href="/admin/audit?verify=1#chain-h">立即校验整条哈希链</a></p>
      {check && <CheckResult r={check} />}
    </section>
  );
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
