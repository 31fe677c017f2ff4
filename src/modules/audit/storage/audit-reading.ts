import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { AuditFilter } from '../domain/audit-filter.ts';

/** One audit entry as the reading pages show it. */
export type AuditEntry = {
  id: number; occurredAt: string; actorUserId: number | null; actorLabel: string; action: string;
  entityType: string; entityId: string; organId: number | null; before: unknown; after: unknown; prevHash: string; hash: string;
};

/** Whose entries a reader may see: all (the system administrator), or those recorded against these organs. */
export type AuditReadScope = { all: true } | { all: false; organIds: number[] };

type Row = Selectable<Database['audit_events']>;

const entryOf = (r: Row): AuditEntry => ({
  id: r.id, occurredAt: r.occurred_at, actorUserId: r.actor_user_id, actorLabel: r.actor_label, action: r.action,
  entityType: r.entity_type, entityId: r.entity_id, organId: r.organ_id,
  before: r.before_json === null ? null : JSON.parse(r.before_json), after: r.after_json === null ? null : JSON.parse(r.after_json),
  prevHash: r.prev_hash, hash: r.hash,
});

/** A LIKE pattern matching `text` literally (with `escape '!'`). */
const literal = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

function scoped(eb: ExpressionBuilder<Database, 'audit_events'>, scope: AuditReadScope) {
  if (scope.all) return eb.lit(true);
  return scope.organIds.length ? eb('organ_id', 'in', scope.organIds) : eb.lit(false);
}

/**
 * A page of entries, newest first, from `filter.beforeId` back (keyset on the primary key, so a page
 * deep in a long log costs what the first does). Returns up to `limit` entries and whether older ones match.
 */
export async function listAuditEntries(db: Db, filter: AuditFilter, scope: AuditReadScope, limit: number): Promise<{ entries: AuditEntry[]; more: boolean }> {
  let q = db.selectFrom('audit_events').selectAll().where((eb) => scoped(eb, scope));
  if (filter.beforeId !== null) q = q.where('id', '<', filter.beforeId);
  if (filter.action && 'exact' in filter.action) q = q.where('action', '=', filter.action.exact);
  if (filter.action && 'group' in filter.action) {
    const group = filter.action.group;
    q = q.where((eb) => eb.or([eb('action', '=', group), sql<boolean>`${sql.ref('action')} like ${`${literal(group)}.%`} escape '!'`]));
  }
  if (filter.actor) q = q.where(sql<boolean>`${sql.ref('actor_label')} like ${`%${literal(filter.actor)}%`} escape '!'`);
  if (filter.target) {
    q = q.where('entity_type', '=', filter.target.type);
    if (filter.target.id !== null) q = q.where('entity_id', '=', filter.target.id);
  }
  if (filter.fromAt) q = q.where('occurred_at', '>=', filter.fromAt);
  if (filter.toAt) q = q.where('occurred_at', '<', filter.toAt);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  return { entries: rows.slice(0, limit).map(entryOf), more: rows.length > limit };
}

/** One entry by its number, when the reader's scope holds it; null otherwise (as if there were none). */
export async function findAuditEntry(db: Db, id: number, scope: AuditReadScope): Promise<AuditEntry | null> {
  const row = await db.selectFrom('audit_events').selectAll().where('id', '=', id).where((eb) => scoped(eb, scope)).executeTakeFirst();
  return row ? entryOf(row) : null;
}

/** `type:id` → what the target is called now. */
export type AuditTargetNames = Map<string, string>;
export const targetKey = (type: string, id: string) => `${type}:${id}`;

/**
 * What a page's targets are called now — an item's or a consultation's title, a user's name and account, an
 * application's or a letter's tracking number, a proposal's number and title — one query per kind of target on
 * the page, never one per row. A target since deleted is simply absent (the page shows its number).
 */
export async function auditTargetNames(db: Db, entries: AuditEntry[]): Promise<AuditTargetNames> {
  const idsOf = (type: string) => [...new Set(entries.filter((e) => e.entityType === type && /^[1-9]\d{0,11}$/.test(e.entityId)).map((e) => Number(e.entityId)))];
  const names: AuditTargetNames = new Map();
  const put = (type: string, rows: { id: number; name: string }[]) => { for (const r of rows) if (r.name.trim()) names.set(targetKey(type, String(r.id)), r.name.trim()); };
  const readers: Record<string, (ids: number[]) => Promise<{ id: number; name: string }[]>> = {
    publication: (ids) => db.selectFrom('publications').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    user: async (ids) => (await db.selectFrom('users').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute())
      .map((u) => ({ id: u.id, name: `${u.display_name}（${u.username}）` })),
    application: (ids) => db.selectFrom('applications').select(['id', 'tracking_no as name']).where('id', 'in', ids).execute(),
    letter: (ids) => db.selectFrom('letters').select(['id', 'tracking_no as name']).where('id', 'in', ids).execute(),
    consultation: (ids) => db.selectFrom('consultations').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    proposal: async (ids) => (await db.selectFrom('proposals').select(['id', 'number', 'title']).where('id', 'in', ids).execute())
      .map((p) => ({ id: p.id, name: `${p.number} ${p.title}` })),
  };
  for (const [type, read] of Object.entries(readers)) {
    const ids = idsOf(type);
    if (ids.length) put(type, await read(ids));
  }
  return names;
}
