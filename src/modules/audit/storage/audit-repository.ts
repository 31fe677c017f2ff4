import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { auditHash, GENESIS_HASH, type AuditRecord } from '../domain/audit-hash.ts';

type Executor = Db | Transaction<Database>;

/** Appends one entry to the hash chain; call inside the transaction that makes the change. */
export async function appendAuditEvent(trx: Executor, dialect: DialectName, record: AuditRecord): Promise<void> {
  // Serialise writers on PostgreSQL so two transactions never link to the same previous entry
  // (SQLite already allows one writer at a time).
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(73010001)`.execute(trx);
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, record);
  const inserted = await trx
    .insertInto('audit_events')
    .values({
      occurred_at: record.occurredAt,
      actor_user_id: record.actorUserId,
      actor_label: record.actorLabel,
      action: record.action,
      entity_type: record.entityType,
      entity_id: record.entityId,
      organ_id: record.organId,
      before_json: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      after_json: record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
      prev_hash: prevHash,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('audit_head')
    .values({ id: 1, last_id: inserted.id, last_hash: hash, entries: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ last_id: inserted.id, last_hash: hash, entries: eb('audit_head.entries', '+', 1) })))
    .execute();
}

/** The recorded head of the chain: what the last entry and the number of entries should be. */
export async function loadAuditHead(db: Executor) {
  return (await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst()) ?? null;
}

export async function loadAuditChain(db: Executor) {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    prevHash: r.prev_hash,
    hash: r.hash,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    organId: r.organ_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
  }));
}

export async function auditEventsFor(db: Executor, entityType: string, entityId: string) {
  return db.selectFrom('audit_events').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('id').execute();
}
