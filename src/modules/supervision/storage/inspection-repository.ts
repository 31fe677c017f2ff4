import type { Executor } from '../../catalog/index.ts';
import type { LinkResult } from '../use-cases/http-link-checker.ts';

/** Published items of an organ as the inspection reads them: text, links, placements and publish date. */
/**
 * One page of an organ's published items for the inspection, in id order after `afterId`: at most
 * `limit` items with their nodes and the files the public sees. The inspection reads an organ in
 * such pages, so its memory and each statement's parameters stay bounded however many items the
 * organ has (one statement binds at most 32,766 values on SQLite, 65,535 on PostgreSQL).
 */
export async function publishedItemsForInspection(db: Executor, organId: number, afterId: number, limit: number) {
  const items = await db
    .selectFrom('publications')
    .select(['id', 'title', 'body_html', 'published_on', 'submitting_unit_id'])
    .where('organ_id', '=', organId)
    .where('status', '=', 'published')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  const ids = items.map((i) => i.id);
  const placements = ids.length === 0 ? [] : await db.selectFrom('publication_placements').select(['publication_id', 'node_id']).where('publication_id', 'in', ids).orderBy('node_id').execute();
  const attachments = ids.length === 0 ? [] : await db.selectFrom('attachments').select(['id', 'publication_id', 'file_name', 'storage_key', 'size_bytes']).where('publication_id', 'in', ids)
    // What the public sees: not the files a pending revision adds (migration 013).
    .where((eb) => eb.or([eb('revision_state', 'is', null), eb('revision_state', '!=', 'pending_add')]))
    .orderBy('id').execute();
  const nodesOf = new Map<number, number[]>();
  for (const p of placements) nodesOf.set(p.publication_id, [...(nodesOf.get(p.publication_id) ?? []), p.node_id]);
  const filesOf = new Map<number, { id: number; fileName: string; storageKey: string; sizeBytes: number }[]>();
  for (const a of attachments) filesOf.set(a.publication_id, [...(filesOf.get(a.publication_id) ?? []), { id: a.id, fileName: a.file_name, storageKey: a.storage_key, sizeBytes: a.size_bytes }]);
  return items.map((i) => ({
    id: i.id, title: i.title, bodyHtml: i.body_html, publishedOn: i.published_on, submittingUnitId: i.submitting_unit_id,
    nodeIds: nodesOf.get(i.id) ?? [],
    attachments: filesOf.get(i.id) ?? [],
  }));
}

/** Rows for a long list of keys, asked 500 at a time (one statement may bind only so many values: 32,766 on SQLite). */
async function inParts<K, R>(keys: K[], read: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += 500) out.push(...(await read(keys.slice(i, i + 500))));
  return out;
}

/** What internal links point at: items with their organ and state, attachments with their item's state, nodes and organs. */
export async function internalTargets(db: Executor, q: { itemIds: number[]; attachmentIds: number[]; nodeIds: number[]; organCodes: string[] }) {
  const items = await inParts(q.itemIds, (ids) => db
    .selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
    .select(['p.id', 'p.status', 'o.code']).where('p.id', 'in', ids).execute());
  const attachments = await inParts(q.attachmentIds, (ids) => db
    .selectFrom('attachments as a').innerJoin('publications as p', 'p.id', 'a.publication_id')
    .select(['a.id', 'a.storage_key', 'a.size_bytes', 'p.status']).where('a.id', 'in', ids).execute());
  const nodes = await inParts(q.nodeIds, (ids) => db
    .selectFrom('catalog_nodes as n').innerJoin('organs as o', 'o.id', 'n.organ_id')
    .select(['n.id', 'o.code']).where('n.id', 'in', ids).execute());
  const organs = await inParts(q.organCodes, (codes) => db.selectFrom('organs').select('code').where('code', 'in', codes).execute());
  return {
    items: new Map(items.map((i) => [i.id, { status: i.status, organCode: i.code }])),
    attachments: new Map(attachments.map((a) => [a.id, { storageKey: a.storage_key, sizeBytes: a.size_bytes, status: a.status }])),
    nodes: new Map(nodes.map((n) => [n.id, n.code])),
    organCodes: new Set(organs.map((o) => o.code)),
  };
}

/** External link results checked at or after `since` (the one-day cache). */
export async function freshLinkResults(db: Executor, urls: string[], since: string): Promise<Map<string, LinkResult & { checkedAt: string }>> {
  const out = new Map<string, LinkResult & { checkedAt: string }>();
  for (let i = 0; i < urls.length; i += 500) {
    const rows = await db.selectFrom('link_checks').selectAll().where('url', 'in', urls.slice(i, i + 500)).where('checked_at', '>=', since).execute();
    for (const r of rows) out.set(r.url, { ok: r.ok === 1, status: r.status, problem: r.problem, checkedAt: r.checked_at });
  }
  return out;
}

export async function saveLinkResults(db: Executor, results: Map<string, LinkResult>, at: string): Promise<void> {
  for (const [url, r] of results) {
    const values = { checked_at: at, ok: r.ok ? 1 : 0, status: r.status, problem: r.problem };
    await db.insertInto('link_checks').values({ url, ...values }).onConflict((oc) => oc.column('url').doUpdateSet(values)).execute();
  }
}

// --- Serious wording errors (严重表述错误) ---------------------------------------------------------

export type WordingRule = { id: number; organId: number; wrongPhrase: string; correctPhrase: string; note: string; createdAt: string };

export async function listWordingRules(db: Executor, organIds: number[]): Promise<WordingRule[]> {
  if (organIds.length === 0) return [];
  const rows = await db.selectFrom('wording_rules').selectAll().where('organ_id', 'in', organIds).orderBy('organ_id').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, organId: r.organ_id, wrongPhrase: r.wrong_phrase, correctPhrase: r.correct_phrase, note: r.note, createdAt: r.created_at }));
}

export async function findWordingRule(db: Executor, id: number): Promise<WordingRule | null> {
  const r = await db.selectFrom('wording_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, organId: r.organ_id, wrongPhrase: r.wrong_phrase, correctPhrase: r.correct_phrase, note: r.note, createdAt: r.created_at } : null;
}

/** Adds a rule; null when the organ already has one for this wrong phrase. */
export async function insertWordingRule(db: Executor, row: { organId: number; wrongPhrase: string; correctPhrase: string; note: string; createdBy: number | null; createdAt: string }): Promise<number | null> {
  const r = await db
    .insertInto('wording_rules')
    .values({ organ_id: row.organId, wrong_phrase: row.wrongPhrase, correct_phrase: row.correctPhrase, note: row.note, created_by: row.createdBy, created_at: row.createdAt })
    .onConflict((oc) => oc.columns(['organ_id', 'wrong_phrase']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function deleteWordingRule(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('wording_rules').where('id', '=', id).execute();
}

// --- Inspection runs ------------------------------------------------------------------------------

export type InspectionRunRow = { id: number; runKey: string; trigger: 'schedule' | 'manual' | 'cli'; startedAt: string; finishedAt: string | null; status: 'running' | 'done' | 'failed'; resultJson: string | null; error: string | null };

/** Claims a run by its key: the id when this caller inserted the row, null when another instance already has it. */
export async function claimInspectionRun(db: Executor, runKey: string, trigger: InspectionRunRow['trigger'], at: string): Promise<number | null> {
  const r = await db
    .insertInto('inspection_runs')
    .values({ run_key: runKey, trigger, started_at: at, status: 'running' })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function finishInspectionRun(db: Executor, id: number, at: string, outcome: { resultJson: string } | { error: string }): Promise<void> {
  await db
    .updateTable('inspection_runs')
    .set('resultJson' in outcome ? { finished_at: at, status: 'done', result_json: outcome.resultJson } : { finished_at: at, status: 'failed', error: outcome.error })
    .where('id', '=', id)
    .execute();
}

/**
 * Records a run as interrupted by a stop (status failed, with why) and frees its key, renaming it
 * `KEY:interrupted:ID`, so the next claim of the key runs it again. Only a run still running.
 */
export async function interruptInspectionRun(db: Executor, id: number, at: string, why: string): Promise<boolean> {
  const run = await db.selectFrom('inspection_runs').select('run_key').where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
  if (!run) return false;
  const r = await db
    .updateTable('inspection_runs')
    .set({ finished_at: at, status: 'failed', error: why, run_key: `${run.run_key}:interrupted:${id}` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The newest finished runs (with their findings), newest first. */
export async function recentFinishedRuns(db: Executor, limit: number): Promise<InspectionRunRow[]> {
  const rows = await db.selectFrom('inspection_runs').selectAll().where('status', '=', 'done').orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, runKey: r.run_key, trigger: r.trigger, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, resultJson: r.result_json, error: r.error }));
}

// --- E-mailed reminders -------------------------------------------------------------------------

export async function reminderAddresses(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('reminder_addresses').select(['organ_id', 'email']).execute();
  return new Map(rows.map((r) => [r.organ_id, r.email]));
}

export async function saveReminderAddress(db: Executor, organId: number, email: string | null, at: string): Promise<void> {
  if (email === null) {
    await db.deleteFrom('reminder_addresses').where('organ_id', '=', organId).execute();
    return;
  }
  await db.insertInto('reminder_addresses').values({ organ_id: organId, email, updated_at: at })
    .onConflict((oc) => oc.column('organ_id').doUpdateSet({ email, updated_at: at })).execute();
}

/** Records a reminder as sent; false when it was already (so each is sent once per deadline and recipient). */
export async function claimReminderMail(db: Executor, reminderKey: string, recipient: string, at: string): Promise<boolean> {
  const r = await db.insertInto('reminder_mails').values({ reminder_key: reminderKey, recipient, sent_at: at })
    .onConflict((oc) => oc.columns(['reminder_key', 'recipient']).doNothing()).returning('id').executeTakeFirst();
  return r !== undefined;
}

export async function releaseReminderMail(db: Executor, reminderKey: string, recipient: string): Promise<void> {
  await db.deleteFrom('reminder_mails').where('reminder_key', '=', reminderKey).where('recipient', '=', recipient).execute();
}
