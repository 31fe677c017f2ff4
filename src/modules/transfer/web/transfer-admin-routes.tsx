import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError, isDomainError } from '../../../shared/domain-error.ts';
import { staffContext, type Organ, type StaffContext } from '../../catalog/index.ts';
import { actorOf, requireStaff, SESSION_COOKIE } from '../../identity/index.ts';
import { isExportFormat, attachmentsZip, collectExport, renderExport, renderTemplate } from '../use-cases/export-items.ts';
import { zipSource } from '../use-cases/attachment-source.ts';
import { importItems } from '../use-cases/import-items.ts';
import { DRY_RUN_KEPT_MINUTES, ImportJobs, sessionHash } from '../use-cases/import-jobs.ts';
import { readItemFile } from '../use-cases/read-item-file.ts';
import { ImportJobPage, TransferIndexPage, TransferPage, unitWithoutCatalogMessage, type ImportFormValues } from './transfer-pages.tsx';

/**
 * 导入与导出 in the back office (organ administrators): the upload form, the import's page (progress,
 * then every problem or what was written) and the export downloads. See docs/import-export.md.
 */
export function transferAdminRoutes(deps: AppDeps, jobs = new ImportJobs()) {
  return async function plugin(app: FastifyInstance) {
    const staff = requireStaff(deps);
    const JOB_PAGE = '/admin/organs/:code/transfer/jobs/:job';
    // A running import's page is answered from memory for the session that started it (see ImportJobs.watchedBy).
    const watchedJob = (request: FastifyRequest) => {
      if (request.method !== 'GET' || request.routeOptions.url !== JOB_PAGE) return null;
      const { code, job } = request.params as { code: string; job: string };
      const found = jobs.watchedBy(job, request.cookies[SESSION_COOKIE]);
      return found && found.organCode === code ? found : null;
    };
    app.addHook('preHandler', async (request, reply) => {
      if (!watchedJob(request)) return staff(request, reply);
    });
    type P = { Params: { code: string } };
    type Progress = (phase: 'check' | 'write', done: number, total: number) => void;
    // Only the person who started it sees an import's report (or imports after its dry run).
    const ownJob = (id: string, organ: Organ, userId: number) => {
      const job = jobs.get(id);
      if (!job || job.organCode !== organ.code || job.userId !== userId) throw new DomainError('ERR_NOT_FOUND', '没有这次导入（服务重启后导入记录不再保留）', { httpStatus: 404 });
      return job;
    };
    const organOf = async (request: FastifyRequest<P>, reply: FastifyReply) => (await staffContext(deps, request, reply)).organ(request.params.code, 'organ_admin');
    const form = async (request: FastifyRequest<P>, reply: FastifyReply, organ: Organ, values: ImportFormValues, errors: Record<string, string>, status = 200) => {
      const scope = await staffContext(deps, request, reply);
      return sendPage(reply, <TransferPage scope={scope} organ={organ} publishedBy={await publishedByOther(scope, organ)} values={values} errors={errors} />, status);
    };
    /**
     * A unit without a catalog has nowhere to put an item: what it submits is published in its organ's
     * catalog, so its page offers no import (as /admin/transfer leaves it out) and names that organ.
     */
    const publishedByOther = async (scope: StaffContext, organ: Organ): Promise<Organ | null> =>
      organ.kind === 'unit' && !(await scope.hasCatalog())(organ) ? scope.organs.find((o) => o.id === organ.parentId) ?? null : null;

    app.get('/admin/transfer', async (request, reply) => {
      const scope = await staffContext(deps, request, reply);
      // A unit without catalog has nowhere to put an item (its items are its organ's): left out, as the 工作台 offers it no 管理目录.
      const hasCatalog = await scope.hasCatalog();
      const units = scope.adminOf.filter((o) => o.kind === 'unit' && !hasCatalog(o));
      return sendPage(reply, <TransferIndexPage scope={scope} organs={scope.adminOf.filter((o) => !units.includes(o))} unitsLeftOut={units.length} />);
    });
    app.get<P>('/admin/organs/:code/transfer', async (request, reply) => form(request, reply, await organOf(request, reply), { mode: 'draft', dryRun: true, allowDuplicates: false }, {}));

    app.post<P>('/admin/organs/:code/transfer/import', async (request, reply) => {
      const organ = await organOf(request, reply);
      const publishedBy = await publishedByOther(await staffContext(deps, request, reply), organ);
      if (publishedBy) throw new DomainError('ERR_TRANSFER_UNIT_WITHOUT_CATALOG', unitWithoutCatalogMessage(organ, publishedBy), { httpStatus: 409 });
      const actor = actorOf(request, 'web');
      // The form puts _csrf, then its choices, then the two files; the CSRF check has read up to _csrf,
      // and each file part carries the fields read before it.
      const fields: Record<string, string> = {};
      let itemFile: { name: string; bytes: Buffer } | null = null;
      let zip: { name: string; bytes: Buffer } | null = null;
      for (let i = 0, part = request.isMultipart() ? await request.file() : undefined; part && i < 2; i++, part = await request.file()) {
        for (const [name, f] of Object.entries(part.fields ?? {})) {
          const one = Array.isArray(f) ? f[0] : f;
          if (one && one.type === 'field') fields[name] = String(one.value);
        }
        const bytes = await part.toBuffer();
        if (!part.filename || bytes.length === 0) continue;
        if (part.fieldname === 'file') itemFile = { name: part.filename, bytes };
        else if (part.fieldname === 'attachments') zip = { name: part.filename, bytes };
      }
      const values: ImportFormValues = { mode: fields.mode === 'published' ? 'published' : 'draft', dryRun: fields.dryRun === '1', allowDuplicates: fields.allowDuplicates === '1' };
      if (!itemFile) return form(request, reply, organ, values, { file: '请选择信息文件（.json、.csv 或 .xlsx）' }, 400);
      let read;
      let attachments;
      try {
        read = readItemFile(itemFile.name, itemFile.bytes);
        attachments = zip ? zipSource(zip.bytes, zip.name) : null;
      } catch (e) {
        if (!isDomainError(e)) throw e;
        return form(request, reply, organ, values, { [zip && e.code === 'ERR_TRANSFER_ATTACHMENTS_UNREADABLE' ? 'attachments' : 'file']: e.message }, 400);
      }
      const userId = request.principal!.userId;
      const scope = await staffContext(deps, request, reply);
      const watcher = { sessionHash: sessionHash(request.cookies[SESSION_COOKIE] ?? ''), user: scope.user, csrf: scope.csrf };
      const file = itemFile;
      // A clean dry run can then be imported from its page without choosing the files again: the same files, read afresh, checked again.
      const thenImport = values.dryRun ? {
        bytes: file.bytes.length + (zip?.bytes.length ?? 0),
        run: (onProgress: Progress) => importItems(deps, actor, organ.code, readItemFile(file.name, file.bytes), {
          mode: values.mode, dryRun: false, attachments: zip ? zipSource(zip.bytes, zip.name) : null, from: file.name, allowDuplicates: values.allowDuplicates, onProgress,
        }),
      } : undefined;
      const job = jobs.start({ organCode: organ.code, userId, fileName: itemFile.name, startedAt: deps.clock.now().toISOString(), watcher, thenImport },
        (onProgress) => importItems(deps, actor, organ.code, read, { mode: values.mode, dryRun: values.dryRun, attachments, from: itemFile.name, allowDuplicates: values.allowDuplicates, onProgress }));
      return reply.redirect(`/admin/organs/${organ.code}/transfer/jobs/${job.id}`, 303);
    });

    // 正式导入 from a clean dry run's page (docs/import-export.md, "After a dry run"): once, however often it is posted.
    app.post<{ Params: { code: string; job: string } }>(`${JOB_PAGE}/import`, async (request, reply) => {
      const organ = await organOf(request, reply);
      const dryRun = ownJob(request.params.job, organ, request.principal!.userId);
      const scope = await staffContext(deps, request, reply);
      const watcher = { sessionHash: sessionHash(request.cookies[SESSION_COOKIE] ?? ''), user: scope.user, csrf: scope.csrf };
      const job = jobs.importAfterDryRun(dryRun.id, { startedAt: deps.clock.now().toISOString(), watcher });
      if (!job) {
        return sendPage(reply, <ImportJobPage scope={scope} organCode={organ.code} job={dryRun} canImport={false}
          refused={`检查过的文件只保留 ${DRY_RUN_KEPT_MINUTES} 分钟（服务重启后也不再保留），请回到导入与导出重新选择文件导入。`} />, 409);
      }
      return reply.redirect(`/admin/organs/${organ.code}/transfer/jobs/${job.id}`, 303);
    });

    // A job is named by a random key, not a row id (path ids are checked as row ids).
    app.get<{ Params: { code: string; job: string } }>(JOB_PAGE, async (request, reply) => {
      const watched = watchedJob(request);
      if (watched) {
        reply.header('Refresh', '2').header('Cache-Control', 'no-store');
        return sendPage(reply, <ImportJobPage scope={{ user: watched.watcher!.user, csrf: watched.watcher!.csrf, flash: null }} organCode={watched.organCode} job={watched} canImport={false} />);
      }
      const organ = await organOf(request, reply);
      const job = ownJob(request.params.job, organ, request.principal!.userId);
      if (job.state === 'running') reply.header('Refresh', '2');
      reply.header('Cache-Control', 'no-store');
      return sendPage(reply, <ImportJobPage scope={await staffContext(deps, request, reply)} organCode={organ.code} job={job} canImport={jobs.canImportAfter(job.id)} />);
    });

    app.get<{ Params: { code: string; format: string } }>('/admin/organs/:code/transfer/export.:format', async (request, reply) => {
      const organ = await organOf(request, reply);
      if (!isExportFormat(request.params.format)) throw new DomainError('ERR_NOT_FOUND', '没有这种导出格式', { httpStatus: 404 });
      const out = renderExport(await collectExport(deps, organ.code), request.params.format);
      return reply.type(out.contentType).header('Content-Disposition', contentDisposition(out.fileName)).send(out.bytes);
    });
    // 下载空白模板: the import's headers to fill in (docs/import-export.md "Blank template").
    app.get<{ Params: { code: string; format: string } }>('/admin/organs/:code/transfer/template.:format', async (request, reply) => {
      const organ = await organOf(request, reply);
      const format = request.params.format;
      if (format !== 'csv' && format !== 'xlsx') throw new DomainError('ERR_NOT_FOUND', '没有这种模板格式', { httpStatus: 404 });
      const out = await renderTemplate(deps, organ.code, format);
      return reply.type(out.contentType).header('Content-Disposition', contentDisposition(out.fileName)).send(out.bytes);
    });
    app.get<P>('/admin/organs/:code/transfer/export-attachments.zip', async (request, reply) => {
      const organ = await organOf(request, reply);
      const zip = await attachmentsZip(deps, await collectExport(deps, organ.code));
      return reply.type('application/zip').header('Content-Disposition', contentDisposition(`${organ.code}-attachments.zip`)).send(zip);
    });
  };
}
