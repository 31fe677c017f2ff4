import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { appendAuditEvent } from '../../audit/index.ts';
import { findOrganByCode, organChain, type Organ } from '../../catalog/index.ts';
import { actorLabel, actorMay, actorUserId, type Actor } from '../../identity/index.ts';
import { parseCarriedOut, parseEnteredFigures, type FieldError } from '../domain/entered-figures.ts';
import { parseInputsCsv } from '../domain/inputs-csv.ts';
import { enteredProactiveRows } from '../domain/proactive-table.ts';
import type { Executor } from '../storage/executor.ts';
import { saveInputs } from '../storage/inputs-repository.ts';
import { latestPublished, statusesFor } from '../storage/reports-repository.ts';
import { PROSE_LABELS } from './prose-labels.ts';
import { organNotFound, parseReportYear } from './report-errors.ts';

/** The table 二 cells staff enter: every row not counted from the catalog (行政许可, 行政处罚, 行政强制, 行政事业性收费). */
export const ENTERED_CELLS = enteredProactiveRows(PROSE_LABELS.documentRowLabels);

const invalid = (errors: FieldError[], code = 'ERR_REPORT_INPUT_INVALID') =>
  new DomainError(code, errors.map((e) => e.message).join('；'), { field: errors[0]?.field, reasons: errors.map((e) => ({ code, message: e.message, field: e.field })) });

async function editableOrgan(db: Executor, actor: Actor, code: string): Promise<Organ> {
  const organ = await findOrganByCode(db, code);
  if (!organ) throw organNotFound(code);
  if (!actorMay(actor, await organChain(db, organ.id), 'editor')) throw new DomainError('ERR_AUTH_FORBIDDEN', `您没有录入“${organ.name}”年报数据的权限`, { httpStatus: 403 });
  return organ;
}

/**
 * A published report's table 二 figures change only in a correction (发起更正, a new draft version): saved over, the
 * form would show one figure and the published report another. Refused while the latest version is published.
 */
async function refuseWhenPublished(db: Executor, organ: Organ, year: number) {
  if ((await statusesFor(db, [organ.id], year)).get(organ.id)?.status !== 'published') return;
  throw new DomainError('ERR_REPORT_FIGURES_PUBLISHED', `${organ.name}${year}年度报告已发布，表（二）的数字不能直接修改；需要修改请由机关管理员“发起更正”，在更正版本中修改`, { httpStatus: 409 });
}

function audit(db: Executor, deps: AppDeps, actor: Actor, organ: Organ, year: number, action: string, after: unknown) {
  return appendAuditEvent(db, deps.dialect, {
    occurredAt: deps.clock.now().toISOString(), actorUserId: actorUserId(actor), actorLabel: actorLabel(actor), action, entityType: 'annual_report_inputs',
    entityId: `${organ.code}/${year}`, organId: organ.id, before: null, after,
  });
}

/** Table 二 figures that come from other systems, entered for an organ-year; a blank field clears the figure. */
export async function saveEnteredFigures(deps: AppDeps, actor: Actor, organCode: string, rawYear: unknown, raw: Record<string, unknown>) {
  const year = parseReportYear(rawYear, chinaDateOf(deps.clock.now()));
  const { values, errors } = parseEnteredFigures(raw, ENTERED_CELLS);
  if (errors.length) throw invalid(errors);
  return deps.db.transaction().execute(async (trx) => {
    const organ = await editableOrgan(trx, actor, organCode);
    await refuseWhenPublished(trx, organ, year);
    await saveInputs(trx, organ.id, year, { proactive: values, source: 'staff', by: actorUserId(actor), at: deps.clock.now().toISOString() });
    await audit(trx, deps, actor, organ, year, 'annual_report.inputs', values);
  });
}

/**
 * Row 四 of a year's table 三 as published before the platform, so that the next year's 二 can be
 * checked against it. Refused when that year's report is published here (its own figures count).
 */
export async function saveEnteredCarriedOut(deps: AppDeps, actor: Actor, organCode: string, rawYear: unknown, raw: Record<string, unknown>) {
  const year = parseReportYear(rawYear, chinaDateOf(deps.clock.now()));
  const { values, errors } = parseCarriedOut(raw);
  if (errors.length) throw invalid(errors);
  return deps.db.transaction().execute(async (trx) => {
    const organ = await editableOrgan(trx, actor, organCode);
    if (await latestPublished(trx, organ.id, year)) {
      throw new DomainError('ERR_REPORT_PREVIOUS_PUBLISHED', `${organ.name}${year}年度报告已在本平台发布，以其数字为准，无需录入`, { httpStatus: 409 });
    }
    await saveInputs(trx, organ.id, year, { carriedOut: values, source: 'staff', by: actorUserId(actor), at: deps.clock.now().toISOString() });
    await audit(trx, deps, actor, organ, year, 'annual_report.carried_out', values);
  });
}

/**
 * Imports table 二 figures from CSV (see domain/inputs-csv.ts). Lines without 机关代码 are for
 * `organCode`; all lines are checked (format, rights, no published report) before any is saved. Blank cells keep
 * what was entered before.
 */
export async function importInputsCsv(deps: AppDeps, actor: Actor, organCode: string, text: string): Promise<{ rows: number }> {
  const { rows, errors } = parseInputsCsv(text, ENTERED_CELLS, Number(chinaDateOf(deps.clock.now()).slice(0, 4)));
  if (errors.length) throw invalid(errors, 'ERR_REPORT_CSV_INVALID');
  return deps.db.transaction().execute(async (trx) => {
    const organs = new Map<string, Organ>();
    for (const r of rows) {
      const code = r.organCode ?? organCode;
      if (!organs.has(code)) organs.set(code, await editableOrgan(trx, actor, code));
      await refuseWhenPublished(trx, organs.get(code)!, r.year);
    }
    const at = deps.clock.now().toISOString();
    for (const r of rows) {
      const organ = organs.get(r.organCode ?? organCode)!;
      const given = Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null));
      await saveInputs(trx, organ.id, r.year, { proactive: given, source: 'csv', by: actorUserId(actor), at });
      await audit(trx, deps, actor, organ, r.year, 'annual_report.inputs_csv', { line: r.line, ...given });
    }
    return { rows: rows.length };
  });
}
