import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { TEXT_SECTIONS } from '../domain/report-format.ts';
import type { ReportSections } from '../domain/report-types.ts';
import { decide, VERB_LABELS, type ReportVerb } from '../domain/report-workflow.ts';
import { insertVersion, updateVersion } from '../storage/reports-repository.ts';
import { redraftSections } from './build-report.ts';
import { factsFor, loadReportContext } from './report-context.ts';
import { reportNotFound, versionConflict } from './report-errors.ts';
import { contentChanged } from '../../../platform/db/content-version.ts';

export type VerbInput = {
  /** The version the person saw; a newer one means someone else acted first. */
  versionNo?: number;
  /** Optimistic lock of that version. */
  rowVersion?: number;
  /** For `edit`: the text of sections 一、五、六. */
  sections?: Record<string, unknown>;
  /** For `correct`: why the published report is corrected. */
  note?: string;
};

const MAX_SECTION_CHARS = 20_000;

function cleanSections(raw: Record<string, unknown> | undefined): ReportSections {
  const out: ReportSections = {};
  for (const no of TEXT_SECTIONS) {
    const text = typeof raw?.[no] === 'string' ? (raw[no] as string).replace(/\r\n/g, '\n').trim() : '';
    if (text.length > MAX_SECTION_CHARS) throw new DomainError('ERR_VALIDATION', `第${no}部分不能超过 ${MAX_SECTION_CHARS} 个字符`, { field: `section-${no}` });
    out[no] = text;
  }
  return out;
}

/**
 * Performs one verb on the newest version of an organ-year's report in one transaction: decide
 * (every refusal reason at once), write with the optimistic lock, append the audit event. Publishing
 * freezes the report — figures, text and checks — as it stands; `correct` opens the next version.
 */
export async function performReportVerb(deps: AppDeps, actor: Actor, organCode: string, year: unknown, verb: ReportVerb, input: VerbInput = {}) {
  return deps.db.transaction().execute(async (trx) => {
    const ctx = await loadReportContext(deps, trx, organCode, year);
    const current = ctx.current;
    if (!current) throw reportNotFound(`${ctx.organ.name}${ctx.year}年度报告`);
    const now = deps.clock.now();
    const at = now.toISOString();
    const decision = decide(current.status, verb, await factsFor(trx, ctx, actor, verb, chinaDateOf(now), input));
    if (!decision.ok) {
      const forbidden = decision.reasons.every((r) => r.code === 'ERR_AUTH_FORBIDDEN');
      throw new DomainError(forbidden ? 'ERR_AUTH_FORBIDDEN' : 'ERR_REPORT_REFUSED', `无法${VERB_LABELS[verb]}：${decision.reasons.map((r) => r.message).join('；')}`, {
        httpStatus: forbidden ? 403 : 409, reasons: decision.reasons,
      });
    }
    if (input.rowVersion !== undefined && input.rowVersion !== current.rowVersion) throw versionConflict();
    const by = actorUserId(actor);
    let versionId = current.id;
    let written = true;
    switch (verb) {
      case 'edit':
        written = await updateVersion(trx, current.id, current.rowVersion, { sections: cleanSections(input.sections), by, at });
        break;
      case 'redraft':
        written = await updateVersion(trx, current.id, current.rowVersion, {
          sections: await redraftSections(trx, ctx.organ, ctx.year, ctx.report.figures), by, at,
        });
        break;
      case 'submit':
        written = await updateVersion(trx, current.id, current.rowVersion, { status: 'in_review', submittedBy: by, submittedAt: at, by, at });
        break;
      case 'return':
        written = await updateVersion(trx, current.id, current.rowVersion, { status: 'draft', by, at });
        break;
      case 'publish':
        written = await updateVersion(trx, current.id, current.rowVersion, {
          status: 'published', frozen: ctx.report, publishedBy: by, publishedAt: at, publishedOn: chinaDateOf(now), by, at,
        });
        // The organ's 公开年报 page lists the published years (docs/adr/0021-rendered-page-cache.md).
        await contentChanged(trx, at);
        break;
      case 'correct':
        versionId = await insertVersion(trx, {
          organId: ctx.organ.id, year: ctx.year, versionNo: current.versionNo + 1, sections: current.sections, note: input.note!.trim(), by, at,
        });
        break;
    }
    if (!written) throw versionConflict();
    await appendAuditEvent(trx, deps.dialect, {
      occurredAt: at, actorUserId: by, actorLabel: actorLabel(actor), action: `annual_report.${verb}`, entityType: 'annual_report',
      entityId: String(versionId), organId: ctx.organ.id,
      before: { status: current.status, versionNo: current.versionNo },
      after: { status: decision.next, versionNo: verb === 'correct' ? current.versionNo + 1 : current.versionNo, year: ctx.year, ...(input.note ? { note: input.note.trim() } : {}) },
    });
    return { versionId, status: decision.next };
  });
}
