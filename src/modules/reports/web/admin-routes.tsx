import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { renderDocumentHtml } from '../../../platform/documents/index.ts';
import { asString, fieldErrorsOf, setFlash } from '../../../platform/views/admin-helpers.ts';
import { sendPage } from '../../../platform/views/render.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { actorOf, requireStaff } from '../../identity/index.ts';
import { staffContext } from '../../catalog/index.ts';
import { reminderFor, yearsToRemind } from '../domain/reminders.ts';
import { TEXT_SECTIONS } from '../domain/report-format.ts';
import { decide, REPORT_VERBS, TRANSITIONS, VERB_LABELS, type ReportVerb } from '../domain/report-workflow.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/render-report.ts';
import { appealsTable, applicationsTable } from '../export/report-tables.ts';
import { findInputs } from '../storage/inputs-repository.ts';
import { latestPublished, reportYearsOf, statusesFor } from '../storage/reports-repository.ts';
import { loadCountyView } from '../use-cases/county-view.ts';
import { openReport } from '../use-cases/open-report.ts';
import { performReportVerb } from '../use-cases/perform-report-verb.ts';
import { factsFor, loadReportContext } from '../use-cases/report-context.ts';
import { parseReportYear } from '../use-cases/report-errors.ts';
import { importInputsCsv, saveEnteredCarriedOut, saveEnteredFigures } from '../use-cases/save-report-inputs.ts';
import { CountyPage } from './county-page.tsx';
import { ReportPage, reportPath, sectionField, type FailedForm, type VerbState } from './report-page.tsx';
import { documentHtml, sendExport } from './report-view.ts';
import { OverviewPage, YearsPage, type DueRow, type YearRow } from './years-page.tsx';

type Params = { code: string; year: string };
type Body = Record<string, unknown>;

/** Reads an uploaded CSV as UTF-8, or as GBK (GB18030) when it is not valid UTF-8 — Excel in China saves CSV that way. */
const decodeCsv = (bytes: Buffer) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
};

/** The back office of annual reports: overview with reminders, an organ's years, one report, the county view. */
/** Why staff of internal units only (股室) are offered no annual report: the organ writes and publishes it (条例第四十九条). */
const UNITS_WRITE_NO_REPORT = '年度报告由机关编制和公布，下属单位不单独编制年度报告（《政府信息公开条例》第四十九条）；您在所属机关没有编制权限，如需参与请联系机关管理员';

export function reportsAdminRoutes(deps: AppDeps) {
  const { db } = deps;
  const today = () => chinaDateOf(deps.clock.now());

  async function renderReportPage(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, failed: FailedForm | null = null, status = 200) {
    const staff = await staffContext(deps, request, reply);
    const organ = await staff.organ(request.params.code, 'draft');
    const ctx = await loadReportContext(deps, db, organ.code, request.params.year);
    const actor = actorOf(request, 'web');
    const verbs: VerbState[] = [];
    for (const verb of REPORT_VERBS.filter((v) => ctx.current && TRANSITIONS[v].from.includes(ctx.current.status))) {
      // A correction's note is typed on the page itself; check everything else beforehand.
      const d = decide(ctx.current!.status, verb, await factsFor(db, ctx, actor, verb, today(), { note: verb === 'correct' ? '（页面预检）' : undefined }));
      verbs.push({ verb, ok: d.ok, reasons: d.ok ? [] : d.reasons.map((r) => r.message) });
    }
    const [inputs, previousInputs, previousPublished] = await Promise.all([
      findInputs(db, organ.id, ctx.year), findInputs(db, organ.id, ctx.year - 1), latestPublished(db, organ.id, ctx.year - 1),
    ]);
    return sendPage(reply, (
      <ReportPage
        staff={staff} ctx={ctx} verbs={verbs} failed={failed} inputs={inputs}
        reminder={reminderFor(organ.kind, ctx.year, today(), Boolean(ctx.published))}
        documentHtml={documentHtml(ctx.report, ctx.current, today())}
        previous={{ published: Boolean(previousPublished), carriedOut: previousInputs?.carriedOut ?? null }}
      />
    ), status);
  }

  /**
   * Post/redirect/get; a refused form comes back rendered with its reasons and what was typed, and its address
   * ends in the form's id (report-page.tsx, formPlace), so the browser opens it at that form. Done, to the top where
   * the flash is: a redirect without a fragment would keep the form's (Fetch §4.4).
   */
  async function handleForm(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, form: FailedForm['form'], action: () => Promise<string>, verb?: FailedForm['verb']) {
    try {
      const message = await action();
      setFlash(reply, message);
      return reply.redirect(`${reportPath(request.params.code, Number(request.params.year))}#main`, 303);
    } catch (e) {
      const errors = fieldErrorsOf(e);
      const status = e instanceof DomainError ? e.httpStatus : 400;
      const values = Object.fromEntries(Object.entries((request.body ?? {}) as Body).map(([k, v]) => [k, asString(v)]));
      return renderReportPage(request, reply, { form, verb, errors, values }, status);
    }
  }

  return async function plugin(app: FastifyInstance) {
    app.addHook('preHandler', requireStaff(deps));

    app.get('/admin/annual-reports', async (request, reply) => {
      const staff = await staffContext(deps, request, reply);
      // The menu offers 年度报告 by the same rule (catalog's settleStaffMenu): a role on an organ itself.
      if (!staff.onOrgan) throw new DomainError('ERR_AUTH_FORBIDDEN', UNITS_WRITE_NO_REPORT, { httpStatus: 403 });
      const mine = staff.organs.filter((o) => o.kind !== 'unit' && staff.mayDraft(o));
      const due: DueRow[] = [];
      for (const year of yearsToRemind(today())) {
        const statuses = await statusesFor(db, mine.map((o) => o.id), year);
        for (const organ of mine) {
          const s = statuses.get(organ.id);
          const reminder = reminderFor(organ.kind, year, today(), Boolean(s?.published));
          if (reminder) due.push({ organ, year, status: s?.status ?? null, reminder });
        }
      }
      return sendPage(reply, <OverviewPage staff={staff} due={due} organs={mine} />);
    });

    app.get<{ Params: { code: string } }>('/admin/organs/:code/annual-reports', async (request, reply) => {
      const staff = await staffContext(deps, request, reply);
      const organ = await staff.organ(request.params.code, 'draft');
      const current = Number(today().slice(0, 4));
      const known = await reportYearsOf(db, organ.id);
      const years = [...new Set([current, current - 1, current - 2, ...known])].sort((a, b) => b - a);
      const rows: YearRow[] = [];
      for (const year of years) {
        const s = (await statusesFor(db, [organ.id], year)).get(organ.id);
        rows.push({ year, status: s?.status ?? null, versionNo: s?.versionNo ?? null, published: Boolean(s?.published), reminder: reminderFor(organ.kind, year, today(), Boolean(s?.published)) });
      }
      return sendPage(reply, <YearsPage staff={staff} organ={organ} rows={rows} currentYear={current} />);
    });

    app.get<{ Params: { code: string }; Querystring: { year?: string } }>('/admin/organs/:code/annual-reports/open-year', async (request, reply) => {
      const year = parseReportYear(request.query.year, today());
      return reply.redirect(reportPath(request.params.code, year), 303);
    });

    app.get<{ Params: Params }>('/admin/organs/:code/annual-reports/:year', async (request, reply) => renderReportPage(request, reply));

    app.post<{ Params: Params }>('/admin/organs/:code/annual-reports/:year/open', async (request, reply) =>
      handleForm(request, reply, 'verb', async () => {
        await openReport(deps, actorOf(request, 'web'), request.params.code, request.params.year);
        return '已开始编制，正文已按数据起草，请修改完善';
      }, 'open'),
    );

    app.post<{ Params: Params & { verb: string } }>('/admin/organs/:code/annual-reports/:year/verbs/:verb', async (request, reply) => {
      const verb = request.params.verb as ReportVerb;
      if (!REPORT_VERBS.includes(verb)) throw new DomainError('ERR_NOT_FOUND', '没有这个操作', { httpStatus: 404 });
      const body = (request.body ?? {}) as Body;
      return handleForm(request, reply, verb === 'edit' ? 'sections' : 'verb', async () => {
        await performReportVerb(deps, actorOf(request, 'web'), request.params.code, request.params.year, verb, {
          versionNo: Number(asString(body.versionNo)) || undefined,
          rowVersion: asString(body.rowVersion) === '' ? undefined : Number(asString(body.rowVersion)),
          note: asString(body.note),
          sections: Object.fromEntries(TEXT_SECTIONS.map((no) => [no, asString(body[sectionField(no)])])),
        });
        return `已${VERB_LABELS[verb]}`;
      }, verb);
    });

    app.post<{ Params: Params }>('/admin/organs/:code/annual-reports/:year/inputs', async (request, reply) =>
      handleForm(request, reply, 'inputs', async () => {
        const { _csrf, ...figures } = (request.body ?? {}) as Body;
        await saveEnteredFigures(deps, actorOf(request, 'web'), request.params.code, request.params.year, figures);
        return '表（二）数字已保存';
      }),
    );

    app.post<{ Params: Params }>('/admin/organs/:code/annual-reports/:year/previous', async (request, reply) =>
      handleForm(request, reply, 'previous', async () => {
        const { _csrf, ...row } = (request.body ?? {}) as Body;
        await saveEnteredCarriedOut(deps, actorOf(request, 'web'), request.params.code, Number(request.params.year) - 1, row);
        return `${Number(request.params.year) - 1}年度“结转下年度继续办理”已保存`;
      }),
    );

    app.post<{ Params: Params }>('/admin/organs/:code/annual-reports/:year/import', async (request, reply) =>
      handleForm(request, reply, 'csv', async () => {
        const file = request.isMultipart() ? await request.file() : undefined;
        const bytes = file ? await file.toBuffer() : Buffer.alloc(0);
        if (!bytes.length) throw new DomainError('ERR_REPORT_CSV_INVALID', '请选择要导入的 CSV 文件', { field: 'csv' });
        const { rows } = await importInputsCsv(deps, actorOf(request, 'web'), request.params.code, decodeCsv(bytes));
        return `已从 CSV 导入 ${rows} 行`;
      }),
    );

    app.get<{ Params: Params; Querystring: { format?: string } }>('/admin/organs/:code/annual-reports/:year/export', async (request, reply) => {
      const staff = await staffContext(deps, request, reply);
      await staff.organ(request.params.code, 'draft');
      const format = (request.query.format ?? 'html') as ExportFormat;
      if (!EXPORT_FORMATS.includes(format)) throw new DomainError('ERR_REPORT_FORMAT_INVALID', `导出格式应为 ${EXPORT_FORMATS.join('、')} 之一`, { httpStatus: 400 });
      const ctx = await loadReportContext(deps, db, request.params.code, request.params.year);
      return sendExport(reply, ctx.report, ctx.current, format, today());
    });

    app.get<{ Params: Params; Querystring: { format?: string } }>('/admin/organs/:code/annual-reports/:year/county', async (request, reply) => {
      const staff = await staffContext(deps, request, reply);
      await staff.organ(request.params.code, 'draft');
      const view = await loadCountyView(deps, db, request.params.code, request.params.year);
      if (request.query.format === 'json') {
        return reply.type('application/json; charset=utf-8').send({
          government: view.government.code, year: view.year,
          organs: view.rows.map((r) => ({
            organ: r.organ.code, organName: r.organ.name, status: r.status, version: r.versionNo, source: r.source, stages: r.report.figures.stages,
            proactive: r.report.figures.proactive, applications: r.report.figures.applications, appeals: r.report.figures.appeals,
            checks: r.report.checks.map((c) => ({ rule: c.rule, ok: c.ok, detail: c.detail })),
          })),
          totals: view.totals,
        });
      }
      const tablesHtml = renderDocumentHtml({ title: '县级汇总', blocks: [applicationsTable(view.totals.applications), appealsTable(view.totals.appeals)] });
      return sendPage(reply, <CountyPage staff={staff} view={view} tablesHtml={tablesHtml} />);
    });
  };
}
