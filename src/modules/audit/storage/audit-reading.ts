import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { ACCOUNT_CHANGE_ACTIONS, recordedToken, tokenTitle } from '../domain/audit-actions.ts';
import type { AuditFilter } from '../domain/audit-filter.ts';

/** One audit entry as the reading pages show it. */
export type AuditEntry = {
  id: number; occurredAt: string; actorUserId: number | null; actorLabel: string; action: string;
  entityType: string; entityId: string; organId: number | null; before: unknown; after: unknown; prevHash: string; hash: string;
};

/** Whose entries a reader may see: all (the system administrator), or those of these organs (recorded against them, or changes of their accounts). */
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

/**
 * A reader's scope as the query applies it: the organs, the accounts holding a role in them now and those
 * accounts' API tokens (as text, the way an entry records its target) — two queries per page read, however
 * long the log.
 */
type ResolvedScope = { all: true } | { all: false; organIds: number[]; accountIds: string[]; tokenIds: string[] };

async function resolveScope(db: Db, scope: AuditReadScope): Promise<ResolvedScope> {
  if (scope.all || scope.organIds.length === 0) return scope.all ? scope : { ...scope, accountIds: [], tokenIds: [] };
  const rows = await db.selectFrom('user_roles').select('user_id').distinct().where('organ_id', 'in', scope.organIds).execute();
  const tokens = rows.length === 0 ? [] : await db.selectFrom('api_tokens').select('id').where('user_id', 'in', rows.map((r) => r.user_id)).execute();
  return { ...scope, accountIds: rows.map((r) => String(r.user_id)), tokenIds: tokens.map((t) => String(t.id)) };
}

/**
 * The entries recorded against the reader's organs, and the changes and API tokens of the accounts in them:
 * an account change written before 2026-12-07, or a token's entry written before 2026-12-07, records no organ
 * (and its hash forbids filling one in), so it is read through the account it is about (ACCOUNT_CHANGE_ACTIONS)
 * or the token's holder.
 */
function scoped(eb: ExpressionBuilder<Database, 'audit_events'>, scope: ResolvedScope) {
  if (scope.all) return eb.lit(true);
  const within = [
    ...(scope.organIds.length ? [eb('organ_id', 'in', scope.organIds)] : []),
    ...(scope.accountIds.length ? [eb.and([eb('entity_type', '=', 'user'), eb('action', 'in', [...ACCOUNT_CHANGE_ACTIONS]), eb('entity_id', 'in', scope.accountIds)])] : []),
    ...(scope.tokenIds.length ? [eb.and([eb('entity_type', '=', 'api_token'), eb('entity_id', 'in', scope.tokenIds)])] : []),
  ];
  return within.length ? eb.or(within) : eb.lit(false);
}

/**
 * A page of entries, newest first by when each happened (`occurred_at`), ties by sequence, from the entry
 * `filter.beforeId` on — the last one of the page before (keyset on (occurred_at, id), index
 * audit_events_occurred, so a page deep in a long log costs what the first does). An entry is written with
 * the time it happened, which is not always the order it was appended in (the demo data's history, each step
 * at its own day's clock, is appended after today's entry): a person reads the log by time. The chain is
 * verified in sequence, never in this order. Returns up to `limit` entries and whether older ones match;
 * `lostPosition` when `beforeId` is no entry the reader may see (nothing is guessed for it).
 */
export async function listAuditEntries(db: Db, filter: AuditFilter, scope: AuditReadScope, limit: number): Promise<{ entries: AuditEntry[]; more: boolean; lostPosition: boolean }> {
  const within = await resolveScope(db, scope);
  let q = db.selectFrom('audit_events').selectAll().where((eb) => scoped(eb, within));
  if (filter.beforeId !== null) {
    const position = await db.selectFrom('audit_events').select(['occurred_at', 'id']).where('id', '=', filter.beforeId).where((eb) => scoped(eb, within)).executeTakeFirst();
    if (!position) return { entries: [], more: false, lostPosition: true };
    q = q.where((eb) => eb(eb.refTuple('occurred_at', 'id'), '<', eb.tuple(position.occurred_at, position.id)));
  }
  if (filter.action && 'exact' in filter.action) q = q.where('action', '=', filter.action.exact);
  if (filter.action && 'group' in filter.action) {
    const group = filter.action.group;
    q = q.where((eb) => eb.or([eb('action', '=', group), sql<boolean>`${sql.ref('action')} like ${`${literal(group)}.%`} escape '!'`]));
  }
  if (filter.actor) {
    // The name as recorded, or the account's 姓名 or 用户名 now: a sign-in recorded before 2026-12-07 names
    // only the username, and the list shows such a row under the account's name (auditActorName).
    const like = (column: string) => sql<boolean>`${sql.ref(column)} like ${`%${literal(filter.actor!)}%`} escape '!'`;
    q = q.where((eb) => eb.or([
      like('actor_label'),
      eb('actor_user_id', 'in', eb.selectFrom('users').select('users.id').where((u) => u.or([like('users.display_name'), like('users.username')]))),
    ]));
  }
  if (filter.target) {
    q = q.where('entity_type', '=', filter.target.type);
    if (filter.target.id !== null) q = q.where('entity_id', '=', filter.target.id);
  }
  if (filter.organId !== null) q = q.where('organ_id', '=', filter.organId);
  if (filter.fromAt) q = q.where('occurred_at', '>=', filter.fromAt);
  if (filter.toAt) q = q.where('occurred_at', '<', filter.toAt);
  const rows = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  return { entries: rows.slice(0, limit).map(entryOf), more: rows.length > limit, lostPosition: false };
}

/** One entry by its number, when the reader's scope holds it; null otherwise (as if there were none). */
export async function findAuditEntry(db: Db, id: number, scope: AuditReadScope): Promise<AuditEntry | null> {
  const within = await resolveScope(db, scope);
  const row = await db.selectFrom('audit_events').selectAll().where('id', '=', id).where((eb) => scoped(eb, within)).executeTakeFirst();
  return row ? entryOf(row) : null;
}

/** `type:id` → what the target is called now. */
export type AuditTargetNames = Map<string, string>;
export const targetKey = (type: string, id: string) => `${type}:${id}`;

/** A person as every row names them: 姓名（用户名）. */
const personName = (displayName: string, username: string) => `${displayName}（${username}）`;

/**
 * What a page's targets are called now — an item's or a consultation's title, a user's name and account, an
 * application's or a letter's tracking number, a proposal's number and title, an API token's name and holder
 * (tokenTitle) — one query per kind of target on the page, never one per row. A target since deleted is simply
 * absent (the page shows its number), but for an API token: its entries record its name and its holder's account,
 * so a token gone is named from them, its holder by their name now where the account remains (one more query).
 * The people who acted are among the users read (`user:<id>`), so every row names them alike (auditActorName).
 */
export async function auditTargetNames(db: Db, entries: AuditEntry[]): Promise<AuditTargetNames> {
  const actors = entries.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId]));
  const idsOf = (type: string) => [...new Set([
    ...entries.filter((e) => e.entityType === type && /^[1-9]\d{0,11}$/.test(e.entityId)).map((e) => Number(e.entityId)),
    ...(type === 'user' ? actors : []),
  ])];
  const names: AuditTargetNames = new Map();
  const put = (type: string, rows: { id: number; name: string }[]) => { for (const r of rows) if (r.name.trim()) names.set(targetKey(type, String(r.id)), r.name.trim()); };
  const readers: Record<string, (ids: number[]) => Promise<{ id: number; name: string }[]>> = {
    publication: (ids) => db.selectFrom('publications').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    user: async (ids) => (await db.selectFrom('users').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute())
      .map((u) => ({ id: u.id, name: personName(u.display_name, u.username) })),
    application: (ids) => db.selectFrom('applications').select(['id', 'tracking_no as name']).where('id', 'in', ids).execute(),
    letter: (ids) => db.selectFrom('letters').select(['id', 'tracking_no as name']).where('id', 'in', ids).execute(),
    consultation: (ids) => db.selectFrom('consultations').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    proposal: async (ids) => (await db.selectFrom('proposals').select(['id', 'number', 'title']).where('id', 'in', ids).execute())
      .map((p) => ({ id: p.id, name: `${p.number} ${p.title}` })),
    api_token: async (ids) => (await db.selectFrom('api_tokens as t').innerJoin('users as u', 'u.id', 't.user_id').select(['t.id', 't.name', 'u.display_name', 'u.username'])
      .where('t.id', 'in', ids).execute()).map((t) => ({ id: t.id, name: tokenTitle(t.name, personName(t.display_name, t.username)) })),
  };
  for (const [type, read] of Object.entries(readers)) {
    const ids = idsOf(type);
    if (ids.length) put(type, await read(ids));
  }
  await nameGoneTokens(db, entries, names);
  return names;
}

/** The API tokens of the page no longer stored, named from what their entries record (auditTargetNames). */
async function nameGoneTokens(db: Db, entries: AuditEntry[], names: AuditTargetNames): Promise<void> {
  const gone = new Map<string, { name: string; user: string }>();
  for (const e of entries) {
    const key = targetKey(e.entityType, e.entityId);
    const recorded = e.entityType === 'api_token' && !names.has(key) && !gone.has(key) ? recordedToken(e.before, e.after) : null;
    if (recorded) gone.set(key, recorded);
  }
  if (gone.size === 0) return;
  const accounts = [...new Set([...gone.values()].map((t) => t.user))];
  const holders = new Map((await db.selectFrom('users').select(['display_name', 'username']).where('username', 'in', accounts).execute())
    .map((u) => [u.username, personName(u.display_name, u.username)]));
  for (const [key, t] of gone) names.set(key, tokenTitle(t.name, holders.get(t.user) ?? t.user));
}

/**
 * Who acted, named as every row names a person: 姓名（用户名） as the account is now, with ，API where the entry
 * says it came through an API token. Entries record the actor's label as it was written — a sign-in, or a
 * change to one's own account, recorded the bare username before 2026-12-07, and the label is in the entry's
 * hash, so it is never rewritten — the name is read from the account instead. Only when the account no longer
 * exists (or the actor was no account: 系统：…, a username typed at sign-in) is the recorded label shown.
 */
export function auditActorName(e: Pick<AuditEntry, 'actorUserId' | 'actorLabel'>, names: AuditTargetNames): string {
  const name = e.actorUserId === null ? undefined : names.get(targetKey('user', String(e.actorUserId)));
  if (name === undefined) return e.actorLabel;
  return e.actorLabel.endsWith('，API）') ? `${name.slice(0, -1)}，API）` : name;
}
