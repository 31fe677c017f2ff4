import type { AppDeps } from '../../../platform/app-deps.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { chinaDateOf } from '../../../shared/iso-date.ts';
import { findOrganByCode } from '../../catalog/index.ts';
import { actorLabel, actorUserId, type Actor } from '../../identity/index.ts';
import { appealProblems } from '../domain/appeal.ts';
import { correctionNoticeDueOn } from '../domain/application-clock.ts';
import { ApplicationErrorCode as E } from '../domain/error-codes.ts';
import { formatLineError, parseAppealLedger, parseApplicationLedger, type LineError, type TableRow } from '../domain/import-ledger.ts';
import { insertAppeal } from '../storage/appeals-repository.ts';
import { insertApplication, organApplicationsByTrackingNo, trackingNoExists } from '../storage/applications-repository.ts';
import { appendEvent } from '../storage/events-repository.ts';
import { auditApplication, requireCaseStaff } from './case-access.ts';
import { dueColumnsFor } from './due-columns.ts';
import { calendarFor } from './working-calendar.ts';

/** A ledger's rows; `name`, the file's name, is recorded with what it brought in (the actor is who imported it, 系统：命令行 from the CLI). */
export type LedgerFile = { rows: TableRow[]; format: 'csv' | 'xlsx'; name?: string };

/** The row is the one a spreadsheet program shows (the ledger's rowOf), so the officer finds the case in the file. */
const importNote = (file: LedgerFile, row: number) => `从历史台账${file.name ? `“${file.name}”` : ''}导入（第${row}行）`;
const fileOf = (file: LedgerFile) => (file.name ? { file: file.name } : {});

function refuseLines(errors: LineError[], what: string): never {
  throw new DomainError(E.importInvalid, `${what}有${errors.length}处错误，未导入任何记录：\n${errors.map(formatLineError).join('\n')}`, {
    reasons: errors.map((e) => ({ code: E.importInvalid, field: `row ${e.row}${e.column ? ` ${e.column}` : ''}`, message: formatLineError(e) })),
  });
}

/**
 * Imports an existing application ledger into an organ: all rows or none. Closed cases keep their
 * outcome and reply date; open ones get a due date counted from their receipt (no pauses are known).
 */
export async function importApplications(deps: AppDeps, actor: Actor, organCode: string, file: LedgerFile): Promise<{ imported: number; open: number }> {
  const today = chinaDateOf(deps.clock.now());
  const { records, errors } = parseApplicationLedger(file.rows, { today, excelSerials: file.format === 'xlsx' });
  if (errors.length) refuseLines(errors, '申请台账');
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganByCode(trx, organCode);
    if (!organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关“${organCode}”不存在`, { httpStatus: 404 });
    await requireCaseStaff(trx, actor, organ.id);
    const taken = await trackingNoExists(trx, records.map((r) => r.trackingNo));
    const clashes = records.filter((r) => taken.has(r.trackingNo)).map((r) => ({ row: r.row, column: 'tracking_no', message: `申请编号“${r.trackingNo}”已存在，不能重复导入` }));
    if (clashes.length) refuseLines(clashes, '申请台账');
    const calendar = await calendarFor(trx);
    const at = deps.clock.now().toISOString();
    let open = 0;
    for (const r of records) {
      const state = r.outcome ? 'replied' : 'in_progress';
      if (!r.outcome) open += 1;
      const due = r.outcome
        ? { due_on: null, original_due_on: null, due_provisional: 0, due_warnings_json: '[]' }
        : dueColumnsFor({ receivedOn: r.receivedOn, state, correctedOn: null, correctionDueOn: null, extensionWorkingDays: 0 }, [], calendar);
      const app = await insertApplication(trx, {
        organ_id: organ.id, tracking_no: r.trackingNo, state, channel: r.channel, arrived_on: r.receivedOn, arrived_at: null, confirmed_on: null,
        receipt_evidence: '历史台账导入', received_on: r.receivedOn, applicant_type: r.applicantType, applicant_name: r.applicantName,
        applicant_key: `name:${r.applicantName}`, subject: r.subject, document_number: null, query_code_hash: null, handler_user_id: null,
        correction_notice_due_on: correctionNoticeDueOn(r.receivedOn, calendar), outcome: r.outcome, replied_on: r.repliedOn, source: 'import', imported: 1,
        created_by: actorUserId(actor), version: 1, created_at: at, updated_at: at, ...due,
      });
      await appendEvent(trx, app.id, {
        verb: 'import', fromState: null, toState: state, occurredOn: today, occurredAt: at, actorUserId: actorUserId(actor), actorLabel: actorLabel(actor),
        note: importNote(file, r.row),
      });
    }
    await auditApplication(trx, deps, actor, at, { action: 'application.import', entityType: 'organ', entityId: organ.id, organId: organ.id, after: { ...fileOf(file), count: records.length, open } });
    return { imported: records.length, open };
  });
}

/** Imports reconsideration and litigation records; each must name an application of the organ. All rows or none. */
export async function importAppeals(deps: AppDeps, actor: Actor, organCode: string, file: LedgerFile): Promise<{ imported: number }> {
  const today = chinaDateOf(deps.clock.now());
  const { records, errors } = parseAppealLedger(file.rows, { today, excelSerials: file.format === 'xlsx' });
  if (errors.length) refuseLines(errors, '复议诉讼台账');
  return deps.db.transaction().execute(async (trx) => {
    const organ = await findOrganByCode(trx, organCode);
    if (!organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关“${organCode}”不存在`, { httpStatus: 404 });
    await requireCaseStaff(trx, actor, organ.id);
    const apps = new Map(
      (records.length
        ? await organApplicationsByTrackingNo(trx, organ.id, [...new Set(records.map((r) => r.trackingNo))])
        : []
      ).map((a) => [a.tracking_no, a]),
    );
    const lineErrors: LineError[] = [];
    for (const r of records) {
      const app = apps.get(r.trackingNo);
      if (!app) {
        lineErrors.push({ row: r.row, column: 'tracking_no', message: `本机关没有申请编号为“${r.trackingNo}”的申请，请先导入申请台账` });
        continue;
      }
      const { reasons } = appealProblems(
        { kind: r.kind, filedOn: r.filedOn, result: r.result, decidedOn: r.decidedOn },
        { today, application: { arrivedOn: app.arrived_on, outcome: null } },
      );
      for (const reason of reasons) lineErrors.push({ row: r.row, column: reason.field === 'filedOn' ? 'filed_on' : reason.field === 'decidedOn' ? 'decided_on' : reason.field, message: reason.message });
    }
    if (lineErrors.length) refuseLines(lineErrors, '复议诉讼台账');
    const at = deps.clock.now().toISOString();
    for (const r of records) {
      const app = apps.get(r.trackingNo)!;
      await insertAppeal(trx, {
        organ_id: organ.id, application_id: app.id, tracking_no: r.trackingNo, kind: r.kind, filed_on: r.filedOn, result: r.result, decided_on: r.decidedOn,
        note: importNote(file, r.row), imported: 1, created_by: actorUserId(actor), version: 1, created_at: at, updated_at: at,
      });
    }
    await auditApplication(trx, deps, actor, at, { action: 'appeal.import', entityType: 'organ', entityId: organ.id, organId: organ.id, after: { ...fileOf(file), count: records.length } });
    return { imported: records.length };
  });
}
