import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { auditHash, GENESIS_HASH, headMac, verifyChain, type AuditRecord, type HashScheme } from '../domain/audit-hash.ts';
import { auditKey, chainKeyedMarker } from './audit-key.ts';

type Executor = Db | Transaction<Database>;

/**
 * Appends one entry to the hash chain; call inside the transaction that makes the change. Entries are
 * keyed with the audit key (HMAC); a chain written before the key is re-keyed first, once.
 */
export async function appendAuditEvent(trx: Executor, dialect: DialectName, record: AuditRecord): Promise<void> {
  // Serialise writers on PostgreSQL so two transactions never link to the same previous entry
  // (SQLite already allows one writer at a time).
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(73010001)`.execute(trx);
  const key = auditKey();
  if ((await loadAuditScheme(trx)) === 'sha256') await rekeyOnce(trx, key, record.occurredAt);
  await insertEntry(trx, key, record);
}

/**
 * Re-keys a chain written before the key — unless the data directory records that this installation
 * keyed its chain already: then the unkeyed chain in the database was rewritten, and re-keying it
 * would launder that. It is left as found (verification reports it) and new entries are keyed.
 */
async function rekeyOnce(trx: Executor, key: Buffer, at: string): Promise<boolean> {
  const marker = chainKeyedMarker();
  if (marker.present) {
    await trx.updateTable('audit_chain').set({ scheme: 'hmac-sha256' }).where('id', '=', 1).execute();
    return false;
  }
  await rekey(trx, key, at);
  marker.record(at);
  return true;
}

async function insertEntry(trx: Executor, key: Buffer, record: AuditRecord): Promise<void> {
  const last = await trx.selectFrom('audit_events').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, record, key);
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
  const old = await loadAuditHead(trx);
  const head = { last_id: inserted.id, last_hash: hash, entries: (old?.entries ?? 0) + 1 };
  await trx
    .insertInto('audit_head')
    .values({ id: 1, ...head, mac: headMac(head, key) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...head, mac: headMac(head, key) }))
    .execute();
}

/**
 * Re-keys a chain written before the key: checks it as it was (plain SHA-256), recomputes every
 * entry with the key, and records what the old chain was — its head and any breaks — in an
 * `audit.rekey` entry, so earlier tampering stays visible and an old printed head stays checkable.
 */
async function rekey(trx: Executor, key: Buffer, at: string): Promise<void> {
  const entries = await loadAuditChain(trx);
  const head = await loadAuditHead(trx);
  const legacyBreaks = verifyChain(entries, head, { key: null });
  let prev = GENESIS_HASH;
  for (const e of entries) {
    const hash = auditHash(prev, e, key);
    await trx.updateTable('audit_events').set({ prev_hash: prev, hash }).where('id', '=', e.id).execute();
    prev = hash;
  }
  if (entries.length > 0) {
    const h = { last_id: entries[entries.length - 1].id, last_hash: prev, entries: entries.length };
    await trx.insertInto('audit_head').values({ id: 1, ...h, mac: headMac(h, key) })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...h, mac: headMac(h, key) })).execute();
  }
  await trx.updateTable('audit_chain').set({ scheme: 'hmac-sha256', rekeyed_at: at }).where('id', '=', 1).execute();
  await insertEntry(trx, key, {
    occurredAt: at, actorUserId: null, actorLabel: '系统：启用审计日志密钥', action: 'audit.rekey', entityType: 'audit', entityId: 'chain', organId: null,
    before: null, after: { entries: entries.length, legacyHeadHash: entries.length ? entries[entries.length - 1].hash : null, legacyBreaks },
  });
}

/** Re-keys a chain written before the key now (at start-up), rather than at the next change; records the marker. */
export async function keyAuditChain(db: Db, dialect: DialectName, at: string): Promise<boolean> {
  const rekeyed = await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(73010001)`.execute(trx);
    if ((await loadAuditScheme(trx)) !== 'sha256') return false;
    return rekeyOnce(trx, auditKey(), at);
  });
  chainKeyedMarker().record(at);
  return rekeyed;
}

/** How the stored chain is hashed; a database not yet migrated to keyed chains is plain SHA-256. */
export async function loadAuditScheme(db: Executor): Promise<HashScheme> {
  const row = await db.selectFrom('audit_chain').select('scheme').where('id', '=', 1).executeTakeFirst();
  return row?.scheme ?? 'hmac-sha256';
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

/**
 * One target's history: its entries in the order they happened (`occurred_at`), ties by sequence — the audit list's
 * order (audit-reading.ts), read oldest first. An entry is written with the time it happened, which is not always
 * the order it was appended in (the demo data's history, each step at its own day's clock); the chain alone goes by
 * sequence (loadAuditChain).
 */
export async function auditEventsFor(db: Executor, entityType: string, entityId: string) {
  return db.selectFrom('audit_events').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId)
    .orderBy('occurred_at').orderBy('id').execute();
}

/** Whether the database holds data whose creation is always audited (staff accounts). */
export async function hasAuditedData(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}
