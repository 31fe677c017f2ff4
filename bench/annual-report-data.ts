/**
 * Data for bench/annual-report-bench.ts: a county of ORGANS organs (one people's government and its
 * departments), PUBLICATIONS published items spread over 2017–2026, APPLICATIONS applications
 * 2018–2025 with their outcomes, and appeals on some of them. Deterministic (seeded), generated in
 * JS and bulk-inserted: one prepared statement in one transaction on SQLite, unnest() batches on
 * PostgreSQL.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { OUTCOME_KEYS, APPLICANT_TYPES } from '../src/modules/reports/domain/report-format.ts';

export const ORGANS = 200;
export const PUBLICATIONS = 1_000_000;
export const APPLICATIONS = 100_000;
export const GOVERNMENT_CODE = 'bench-gov';
export const organCode = (i: number) => (i === 0 ? GOVERNMENT_CODE : `bench-d${String(i).padStart(3, '0')}`);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const between = (r: () => number, from: string, to: string) => Date.parse(from) + Math.floor(r() * ((Date.parse(to) - Date.parse(from)) / DAY)) * DAY;
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];

const STAGES = ['decision', 'execution', 'management', 'service', 'result'] as const;
const AT = '2026-01-05T00:00:00.000Z';

export type Columns = Record<string, unknown[]>;

/** Column arrays (one array per column) so both databases get the same rows. */
export function publicationColumns(organIds: number[], from: number, count: number): Columns {
  const r = rng(1000 + from);
  const cols: Columns = { organ_id: [], title: [], publishing_organ_name: [], formed_on: [], published_on: [], published_at: [], stage: [], disclosure_mode: [], disclosure_period: [], audience: [], validity: [], doc_type: [], status: [], repealed_on: [], created_at: [], updated_at: [] };
  for (let i = from; i < from + count; i++) {
    const published = between(r, '2017-01-01', '2026-06-30');
    const formed = published - Math.floor(r() * 10) * DAY;
    const kind = r();
    const docType = kind < 0.0005 ? 'regulation' : kind < 0.0045 ? 'normative_document' : 'other';
    const v = r();
    const validity = docType === 'other' ? 'valid' : v < 0.8 ? 'valid' : v < 0.9 ? 'amended' : 'repealed';
    const s = r();
    cols.organ_id.push(organIds[i % organIds.length]);
    cols.title.push(`关于做好第${i}项工作的通知`);
    cols.publishing_organ_name.push('测试机关');
    cols.formed_on.push(dayOf(formed));
    cols.published_on.push(s < 0.02 ? null : dayOf(published));
    cols.published_at.push(s < 0.02 ? null : new Date(published + 2 * 3600_000).toISOString());
    cols.stage.push(pick(r, STAGES));
    cols.disclosure_mode.push('proactive');
    cols.disclosure_period.push('long_term');
    cols.audience.push('public');
    cols.validity.push(validity);
    cols.doc_type.push(docType);
    cols.status.push(s < 0.02 ? 'draft' : s < 0.03 ? 'withdrawn' : 'published');
    cols.repealed_on.push(validity === 'repealed' ? dayOf(published + Math.floor(r() * 1500) * DAY) : null);
    cols.created_at.push(AT);
    cols.updated_at.push(AT);
  }
  return cols;
}

export function applicationColumns(organIds: number[], from: number, count: number): Columns {
  const r = rng(2000 + from);
  const cols: Columns = { organ_id: [], tracking_no: [], state: [], channel: [], arrived_on: [], received_on: [], applicant_type: [], applicant_name: [], subject: [], outcome: [], replied_on: [], fee_amount_yuan: [], fee_paid_on: [], source: [], created_at: [], updated_at: [] };
  for (let i = from; i < from + count; i++) {
    const arrived = between(r, '2018-01-01', '2025-12-31');
    const pending = r() < 0.02;
    const open = r() < 0.03;
    const replied = arrived + (1 + Math.floor(r() * 45)) * DAY;
    const outcome = r() < 0.5 ? 'disclosed' : pick(r, OUTCOME_KEYS);
    const fee = r() < 0.01;
    cols.organ_id.push(organIds[i % organIds.length]);
    cols.tracking_no.push(`BENCH-${String(i).padStart(7, '0')}`);
    cols.state.push(pending ? 'awaiting_confirmation' : open ? 'in_progress' : 'archived');
    cols.channel.push('online');
    cols.arrived_on.push(dayOf(arrived));
    cols.received_on.push(pending ? null : dayOf(arrived));
    cols.applicant_type.push(r() < 0.7 ? 'natural_person' : pick(r, APPLICANT_TYPES));
    cols.applicant_name.push('申请人');
    cols.subject.push('申请公开有关信息');
    cols.outcome.push(pending || open ? null : outcome);
    cols.replied_on.push(pending || open ? null : dayOf(replied));
    cols.fee_amount_yuan.push(fee && !pending && !open ? 100 * (1 + Math.floor(r() * 20)) : null);
    cols.fee_paid_on.push(fee && !pending && !open ? dayOf(replied + 5 * DAY) : null);
    cols.source.push('portal');
    cols.created_at.push(AT);
    cols.updated_at.push(AT);
  }
  return cols;
}

export function appealColumns(organIds: number[], count: number): Columns {
  const r = rng(3000);
  const cols: Columns = { organ_id: [], tracking_no: [], kind: [], filed_on: [], result: [], decided_on: [], created_at: [], updated_at: [] };
  for (let i = 0; i < count; i++) {
    const filed = between(r, '2018-03-01', '2025-12-31');
    const decided = r() < 0.85 ? filed + (20 + Math.floor(r() * 150)) * DAY : null;
    cols.organ_id.push(organIds[i % organIds.length]);
    cols.tracking_no.push(`BENCH-${String(i * 30).padStart(7, '0')}`);
    cols.kind.push(pick(r, ['reconsideration', 'reconsideration', 'litigation_direct', 'litigation_after_reconsideration']));
    cols.filed_on.push(dayOf(filed));
    cols.result.push(decided ? pick(r, ['upheld', 'upheld', 'corrected', 'other']) : 'pending');
    cols.decided_on.push(decided ? dayOf(decided) : null);
    cols.created_at.push(AT);
    cols.updated_at.push(AT);
  }
  return cols;
}

export async function insertOrgans(insert: (table: string, cols: Columns) => Promise<void>): Promise<void> {
  const cols: Columns = { code: [], name: [], short_name: [], kind: [], parent_id: [], credit_code: [], index_pattern: [], sort_order: [], created_at: [], updated_at: [] };
  for (let i = 0; i < ORGANS; i++) {
    cols.code.push(organCode(i));
    cols.name.push(i === 0 ? '测试县人民政府' : `测试县第${i}局`);
    cols.short_name.push('');
    cols.kind.push(i === 0 ? 'government' : 'department');
    cols.parent_id.push(i === 0 ? null : 1);
    cols.credit_code.push(`11341529MB${String(i).padStart(7, '0')}X`);
    cols.index_pattern.push('{creditCode}/{yyyy}-{seq5}');
    cols.sort_order.push(i);
    cols.created_at.push(AT);
    cols.updated_at.push(AT);
  }
  await insert('organs', cols);
}

const BATCH = 20_000;

/** Loads everything through `insert`; organ ids are 1..ORGANS (fresh database). */
export async function loadAll(insert: (table: string, cols: Columns) => Promise<void>, log: (s: string) => void): Promise<void> {
  await insertOrgans(insert);
  const ids = Array.from({ length: ORGANS }, (_, i) => i + 1);
  for (let from = 0; from < PUBLICATIONS; from += BATCH) await insert('publications', publicationColumns(ids, from, Math.min(BATCH, PUBLICATIONS - from)));
  log(`  ${PUBLICATIONS.toLocaleString()} publications`);
  for (let from = 0; from < APPLICATIONS; from += BATCH) await insert('applications', applicationColumns(ids, from, Math.min(BATCH, APPLICATIONS - from)));
  log(`  ${APPLICATIONS.toLocaleString()} applications`);
  await insert('appeals', appealColumns(ids, APPLICATIONS / 30));
}

export function sqliteInserter(file: string) {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = OFF');
  return {
    insert: async (table: string, cols: Columns) => {
      const names = Object.keys(cols);
      const stmt = raw.prepare(`insert into ${table} (${names.join(',')}) values (${names.map(() => '?').join(',')})`);
      const n = cols[names[0]].length;
      raw.transaction(() => {
        for (let i = 0; i < n; i++) stmt.run(names.map((c) => cols[c][i]));
      })();
    },
    close: () => raw.close(),
  };
}

const PG_TYPES: Record<string, string> = { organ_id: 'int', parent_id: 'int', sort_order: 'int', fee_amount_yuan: 'int' };

/** Bulk insert on PostgreSQL through unnest() with each column's type (`types`: the non-text columns). */
export function postgresInserter(url: string, types: Record<string, string> = PG_TYPES) {
  const client = new pg.Client({ connectionString: url });
  const ready = client.connect();
  return {
    insert: async (table: string, cols: Columns) => {
      await ready;
      const names = Object.keys(cols);
      const arrays = names.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`);
      await client.query(`insert into ${table} (${names.join(',')}) select * from unnest(${arrays.join(',')})`, names.map((c) => cols[c]));
    },
    close: () => client.end(),
  };
}
