import type { AppDeps } from '../../../platform/app-deps.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganByCode, listOrgans, organChain, type Organ } from '../../catalog/index.ts';
import { actorMay, type Actor } from '../../identity/index.ts';
import { PLACEHOLDER } from '../domain/draft-sections.ts';
import { enteredProactiveRows } from '../domain/proactive-table.ts';
import { TEXT_SECTIONS } from '../domain/report-format.ts';
import type { AnnualReport } from '../domain/report-types.ts';
import { VERB_ROLE, type ReportFacts, type ReportVerb } from '../domain/report-workflow.ts';
import type { Executor } from '../storage/executor.ts';
import { listVersions, type ReportVersion } from '../storage/reports-repository.ts';
import { buildLiveReport } from './build-report.ts';
import { PROSE_LABELS } from './prose-labels.ts';
import { organNotFound, parseReportYear } from './report-errors.ts';

/** An organ-year as the staff page, the verbs and the exports see it. */
export type ReportContext = {
  organ: Organ;
  allOrgans: Organ[];
  year: number;
  versions: ReportVersion[];
  /** The newest version, or null before the report is opened. */
  current: ReportVersion | null;
  /** The newest published version, or null. */
  published: ReportVersion | null;
  /** The newest version's report: frozen if published, else computed now (with a fresh draft if none). */
  report: AnnualReport;
  /** Problems with the data the figures were computed from (undated repeals …). */
  warnings: string[];
  /** The newest version is published and the data have changed since: a correction may be due. */
  changedSincePublished: boolean;
};

export async function loadReportContext(deps: AppDeps, db: Executor, organCode: string, rawYear: unknown): Promise<ReportContext> {
  const organ = await findOrganByCode(db, organCode);
  if (!organ) throw organNotFound(organCode);
  const year = parseReportYear(rawYear, chinaDateOf(deps.clock.now()));
  const [allOrgans, versions] = await Promise.all([listOrgans(db), listVersions(db, organ.id, year)]);
  const current = versions.at(-1) ?? null;
  const published = [...versions].reverse().find((v) => v.status === 'published') ?? null;
  const live = await buildLiveReport(db, organ, allOrgans, year, current?.sections ?? null);
  const frozen = current?.status === 'published' ? current.frozen : null;
  return {
    organ, allOrgans, year, versions, current, published, warnings: live.warnings,
    report: frozen ?? live.report,
    changedSincePublished: frozen !== null && JSON.stringify(frozen.figures) !== JSON.stringify(live.report.figures),
  };
}

/** The facts `decide` needs about a verb on the newest version, for the use case and for the page. */
export async function factsFor(
  db: Executor, ctx: ReportContext, actor: Actor, verb: ReportVerb, today: string, input: { versionNo?: number; note?: string } = {},
): Promise<ReportFacts> {
  const r = ctx.report;
  const missing = enteredProactiveRows(PROSE_LABELS.documentRowLabels).filter((c) => r.figures.proactive[c.row]?.[c.column] == null).map((c) => c.row);
  return {
    actorMay: actorMay(actor, await organChain(db, ctx.organ.id), VERB_ROLE[verb]),
    isLatest: input.versionNo === undefined || input.versionNo === ctx.current?.versionNo,
    yearOver: today > `${ctx.year}-12-31`,
    failedChecks: r.checks.filter((c) => !c.ok).map((c) => c.title),
    missingInputs: missing,
    unfinishedSections: TEXT_SECTIONS.filter((no) => !(r.sections[no] ?? '').trim() || (r.sections[no] ?? '').includes(PLACEHOLDER)),
    note: input.note,
  };
}
