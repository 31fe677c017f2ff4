import fs from 'node:fs';
import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { parseOptions } from '../../../platform/cli/cli-args.ts';
import { chinaDateOf, isIsoDate } from '../../../shared/iso-date.ts';
import { listOrgans } from '../../catalog/index.ts';
import { reminderFor, yearsToRemind } from '../domain/reminders.ts';
import { STATUS_LABELS } from '../domain/report-workflow.ts';
import { EXPORT_FORMATS, metaOf, renderReport, type ExportFormat } from '../export/render-report.ts';
import { statusesFor } from '../storage/reports-repository.ts';
import { loadReportContext } from '../use-cases/report-context.ts';

export type ReportIo = { stdout: (s: string) => void; stderr: (s: string) => void };

export const REPORT_USAGE = `用法：
  report annual --organ 机关代码 --year 年度 --format json|html|docx|pdf [--out 文件] [--published]
      导出年度报告：默认为最新版本（已发布的取发布时冻结的数字，草稿按当前数据计算）；
      --published 只导出已发布的最新版本。json、html 不给 --out 时输出到标准输出，docx、pdf 默认写入“机关代码-年度.格式”。
  report reminders [--on YYYY-MM-DD]
      列出应公布而尚未公布的年度报告（条例第四十九条：部门1月31日前，人民政府3月31日前）；有逾期时退出码为 1。`;

const usage = (message: string) => new DomainError('ERR_CLI_USAGE', `${message}\n\n${REPORT_USAGE}`);

/** `gongkai report annual …` and `gongkai report reminders …`: exit 0 done, 1 refused or overdue, 2 wrong usage. */
export async function runReportCommand(argv: string[], io: ReportIo, deps: AppDeps): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'annual') return annual(rest, io, deps);
  if (sub === 'reminders') return reminders(rest, io, deps);
  throw usage(sub ? `未知的子命令“${sub}”` : '缺少子命令');
}

async function annual(argv: string[], io: ReportIo, deps: AppDeps): Promise<number> {
  const opts = parseOptions(argv, ['organ', 'year', 'format', 'out'], ['published'], REPORT_USAGE);
  const organ = opts.get('organ');
  const year = opts.get('year');
  const format = opts.get('format');
  if (typeof organ !== 'string') throw usage('缺少 --organ（机关代码，如 qlx-zjj）');
  if (typeof year !== 'string' || !/^\d{4}$/.test(year)) throw usage('缺少或错误的 --year（四位年份，如 2020）');
  if (typeof format !== 'string' || !EXPORT_FORMATS.includes(format as ExportFormat)) throw usage(`--format 应为 ${EXPORT_FORMATS.join('、')} 之一`);
  const today = chinaDateOf(deps.clock.now());
  const ctx = await loadReportContext(deps, deps.db, organ, year);
  const version = opts.get('published') ? ctx.published : ctx.current;
  if (opts.get('published') && !version?.frozen) throw new DomainError('ERR_REPORT_NOT_FOUND', `${ctx.organ.name}${ctx.year}年度报告尚未发布`, { httpStatus: 404 });
  const report = version?.frozen ?? ctx.report;
  const out = await renderReport(report, metaOf(version), format as ExportFormat, today);
  const file = opts.get('out');
  if (typeof file !== 'string' && (format === 'json' || format === 'html')) {
    io.stdout(out.body.toString('utf8'));
    return 0;
  }
  const target = typeof file === 'string' ? file : `${ctx.organ.code}-${ctx.year}.${format}`;
  fs.writeFileSync(target, out.body);
  const failing = report.checks.filter((c) => !c.ok);
  io.stderr(`已写入 ${target}（${ctx.organ.name}${ctx.year}年度报告，${version ? `${STATUS_LABELS[version.status]}，第${version.versionNo}版` : '尚未开始编制，按当前数据生成'}${failing.length ? `；${failing.length} 项核对未通过` : '；核对全部通过'}）`);
  return 0;
}

async function reminders(argv: string[], io: ReportIo, deps: AppDeps): Promise<number> {
  const opts = parseOptions(argv, ['on'], [], REPORT_USAGE);
  const on = opts.get('on') ?? chinaDateOf(deps.clock.now());
  if (typeof on !== 'string' || !isIsoDate(on)) throw usage('--on 应为日期 YYYY-MM-DD');
  const organs = (await listOrgans(deps.db)).filter((o) => o.kind !== 'unit');
  let overdue = 0;
  let lines = 0;
  for (const year of yearsToRemind(on)) {
    const statuses = await statusesFor(deps.db, organs.map((o) => o.id), year);
    for (const organ of organs) {
      const s = statuses.get(organ.id);
      const r = reminderFor(organ.kind, year, on, Boolean(s?.published));
      if (!r) continue;
      lines++;
      if (r.level === 'overdue') overdue++;
      io.stdout(`${organ.code}\t${organ.name}\t${r.message}\t${s ? STATUS_LABELS[s.status] : '尚未开始编制'}`);
    }
  }
  if (!lines) io.stdout(`截至${on}，没有应公布而未公布的年度报告`);
  return overdue ? 1 : 0;
}
