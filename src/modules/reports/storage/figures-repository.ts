import type { IsoDate } from '../../../shared/iso-date.ts';
import { yearEnd, yearStart } from '../domain/year-rules.ts';
import type { Executor } from './executor.ts';

/**
 * The aggregate queries behind a report, for one organ or many at once (the county view): each
 * row carries its organ_id, and the use case folds an organ's units into it. The year rules
 * themselves stay in domain/; the SQL only narrows to the rows that can touch the year.
 */

export async function stageCounts(db: Executor, organIds: number[], year: number) {
  if (!organIds.length) return [];
  const rows = await db
    .selectFrom('publications')
    .select(['organ_id', 'stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', organIds)
    .where('status', '=', 'published')
    .where('published_on', '>=', yearStart(year))
    .where('published_on', '<=', yearEnd(year))
    .groupBy(['organ_id', 'stage'])
    .execute();
  return rows.map((r) => ({ organId: r.organ_id, stage: r.stage, n: Number(r.n) }));
}

/** Items published by 31 December of the year, per organ (the catalog as it stood at year end). */
export async function catalogTotals(db: Executor, organIds: number[], year: number) {
  if (!organIds.length) return [];
  const rows = await db
    .selectFrom('publications')
    .select(['organ_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', organIds)
    .where('status', '=', 'published')
    .where('published_on', '<=', yearEnd(year))
    .groupBy('organ_id')
    .execute();
  return rows.map((r) => ({ organId: r.organ_id, n: Number(r.n) }));
}

export type RegulatoryDocRecord = {
  organId: number; id: number; title: string; docType: string; formedOn: IsoDate; validity: string; repealedOn: IsoDate | null; replacementFormedOn: IsoDate | null;
};

/** Published 规章 and 规范性文件 formed by 31 December, with what dates their end (repeal date, or the replacing document's). */
export async function regulatoryDocs(db: Executor, organIds: number[], year: number, docTypes: string[]): Promise<RegulatoryDocRecord[]> {
  if (!organIds.length || !docTypes.length) return [];
  const rows = await db
    .selectFrom('publications as p')
    .leftJoin('publications as r', 'r.id', 'p.replaced_by_id')
    .select(['p.organ_id', 'p.id', 'p.title', 'p.doc_type', 'p.formed_on', 'p.validity', 'p.repealed_on', 'r.formed_on as replacement_formed_on'])
    .where('p.organ_id', 'in', organIds)
    .where('p.doc_type', 'in', docTypes)
    .where('p.status', '=', 'published')
    .where('p.formed_on', '<=', yearEnd(year))
    .execute();
  return rows.map((r) => ({
    organId: r.organ_id, id: r.id, title: r.title, docType: r.doc_type, formedOn: r.formed_on, validity: r.validity,
    repealedOn: r.repealed_on, replacementFormedOn: r.replacement_formed_on,
  }));
}

/**
 * Applications that can touch the year — received by 31 December and not closed before 1 January —
 * counted per applicant type, outcome and the two dates the year rules read.
 */
export async function applicationCounts(db: Executor, organIds: number[], year: number) {
  if (!organIds.length) return [];
  const rows = await db
    .selectFrom('applications')
    .select(['organ_id', 'applicant_type', 'outcome', 'received_on', 'replied_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', organIds)
    .where('received_on', 'is not', null)
    .where('received_on', '<=', yearEnd(year))
    .where((eb) => eb.or([eb('replied_on', 'is', null), eb('replied_on', '>=', yearStart(year))]))
    .groupBy(['organ_id', 'applicant_type', 'outcome', 'received_on', 'replied_on'])
    .execute();
  return rows.map((r) => ({
    organId: r.organ_id, applicantType: r.applicant_type, outcome: r.outcome, receivedOn: r.received_on, repliedOn: r.replied_on, count: Number(r.n),
  }));
}

/** Reconsideration and litigation cases filed in the year, counted per kind, result and decision date. */
export async function appealCounts(db: Executor, organIds: number[], year: number) {
  if (!organIds.length) return [];
  const rows = await db
    .selectFrom('appeals')
    .select(['organ_id', 'kind', 'result', 'filed_on', 'decided_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organ_id', 'in', organIds)
    .where('filed_on', '>=', yearStart(year))
    .where('filed_on', '<=', yearEnd(year))
    .groupBy(['organ_id', 'kind', 'result', 'filed_on', 'decided_on'])
    .execute();
  return rows.map((r) => ({ organId: r.organ_id, kind: r.kind, result: r.result, filedOn: r.filed_on, decidedOn: r.decided_on, count: Number(r.n) }));
}

/** 信息处理费 paid in the year, in yuan, per organ (国办函〔2020〕109号). */
export async function processingFees(db: Executor, organIds: number[], year: number) {
  if (!organIds.length) return [];
  const rows = await db
    .selectFrom('applications')
    .select(['organ_id', (eb) => eb.fn.sum<number>('fee_amount_yuan').as('yuan')])
    .where('organ_id', 'in', organIds)
    .where('fee_paid_on', '>=', yearStart(year))
    .where('fee_paid_on', '<=', yearEnd(year))
    .groupBy('organ_id')
    .execute();
  return rows.map((r) => ({ organId: r.organ_id, yuan: Number(r.yuan ?? 0) }));
}
