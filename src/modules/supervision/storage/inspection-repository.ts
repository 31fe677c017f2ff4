import type { Selectable } from 'kysely';
import type { InspectionRunsTable } from '../../../platform/db/schema-areas/supervision-inspection.ts';
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

export type InspectionRunRow = {
  id: number; runKey: string; trigger: 'schedule' | 'manual' | 'cli'; startedAt: string | null; finishedAt: string | null;
  status: 'queued' | 'running' | 'done' | 'failed'; resultJson: string | null; error: string | null;
  /** The organs it covers (empty for a run older than migration 061). */
  organCodes: string[]; requestedAt: string | null; leaseUntil: string | null; organsDone: number; itemsRead: number;
};

type RunRecord = Selectable<InspectionRunsTable>;
const asRun = (r: RunRecord): InspectionRunRow => ({
  id: r.id, runKey: r.run_key, trigger: r.trigger, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, resultJson: r.result_json, error: r.error,
  organCodes: r.organ_codes ? (JSON.parse(r.organ_codes) as string[]) : [], requestedAt: r.requested_at, leaseUntil: r.lease_until, organsDone: r.organs_done, itemsRead: r.items_read,
});

/** Who runs a run and until when its lease holds (renewed while it works). */
export type RunLease = { owner: string; leaseUntil: string };

/** Claims a run by its key: the id when this caller inserted the row, null when another instance already has it. */
export async function claimInspectionRun(db: Executor, runKey: string, trigger: InspectionRunRow['trigger'], at: string, lease: RunLease, organCodes: string[]): Promise<number | null> {
  const r = await db
    .insertInto('inspection_runs')
    .values({ run_key: runKey, trigger, started_at: at, status: 'running', owner: lease.owner, lease_until: lease.leaseUntil, organ_codes: JSON.stringify(organCodes) })
    .onConflict((oc) => oc.column('run_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Records a run asked for (立即检查) as queued under its key, or finds the open run that already holds
 * the key (the same request made again, on this instance or another): `created` says which.
 */
export async function queueInspectionRun(db: Executor, runKey: string, q: { organCodes: string[]; requestedBy: number | null; at: string }): Promise<{ run: InspectionRunRow; created: boolean }> {
  // A key is held only while its run is open; a run that ends between the insert and the read frees it, so try again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = await db
      .insertInto('inspection_runs')
      .values({ run_key: runKey, trigger: 'manual', status: 'queued', organ_codes: JSON.stringify(q.organCodes), requested_by: q.requestedBy, requested_at: q.at })
      .onConflict((oc) => oc.column('run_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { run: asRun(inserted), created: true };
    const open = await db.selectFrom('inspection_runs').selectAll().where('run_key', '=', runKey).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    if (open) return { run: asRun(open), created: false };
  }
  throw new Error(`inspection run key ${runKey} neither free nor open`);
}

/** Takes the oldest queued run for this owner (status running, started now, under its lease); null when none is queued. */
export async function takeQueuedRun(db: Executor, at: string, lease: RunLease): Promise<InspectionRunRow | null> {
  for (;;) {
    const next = await db.selectFrom('inspection_runs').select('id').where('status', '=', 'queued').orderBy('id').limit(1).executeTakeFirst();
    if (!next) return null;
    // Another instance may take it first: only the update that still finds it queued wins.
    const taken = await db.updateTable('inspection_runs')
      .set({ status: 'running', started_at: at, owner: lease.owner, lease_until: lease.leaseUntil })
      .where('id', '=', next.id).where('status', '=', 'queued')
      .returningAll().executeTakeFirst();
    if (taken) return asRun(taken);
  }
}

/** Whether any run is queued (read before starting a thread to run it). */
export async function hasQueuedRun(db: Executor): Promise<boolean> {
  return (await db.selectFrom('inspection_runs').select('id').where('status', '=', 'queued').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Renews a running run's lease and records how far it has got; false when the run is no longer this
 * owner's (its lease lapsed and it was recorded as interrupted), so the owner stops.
 */
export async function renewRunLease(db: Executor, id: number, lease: RunLease, progress: { organsDone: number; itemsRead: number }): Promise<boolean> {
  const r = await db.updateTable('inspection_runs')
    .set({ lease_until: lease.leaseUntil, organs_done: progress.organsDone, items_read: progress.itemsRead })
    .where('id', '=', id).where('status', '=', 'running').where('owner', '=', lease.owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Records a run as ended, if it is still running: done with its findings, or failed with why. A run
 * that was asked for (立即检查) frees its key (renamed `KEY:done:ID` or `KEY:failed:ID`), so the same
 * request can be made again; `progress` is how far it got. False when the run was no longer running
 * (recorded as interrupted meanwhile).
 */
export async function finishInspectionRun(
  db: Executor, id: number, at: string, outcome: { resultJson: string } | { error: string }, progress?: { organsDone: number; itemsRead: number },
): Promise<boolean> {
  const run = await db.selectFrom('inspection_runs').select(['run_key', 'requested_at']).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
  if (!run) return false;
  const status = 'resultJson' in outcome ? 'done' as const : 'failed' as const;
  const r = await db
    .updateTable('inspection_runs')
    .set({
      ...('resultJson' in outcome ? { result_json: outcome.resultJson } : { error: outcome.error }),
      finished_at: at, status, lease_until: null,
      ...(progress ? { organs_done: progress.organsDone, items_read: progress.itemsRead } : {}),
      ...(run.requested_at !== null ? { run_key: `${run.run_key}:${status}:${id}` } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Records a run as interrupted (status failed, with why) and frees its key, renaming it
 * `KEY:interrupted:ID`, so the next claim of the key runs it again; a run that was asked for
 * (立即检查) is queued again under its key, with the same organs, asker and time. Only a run still
 * running — with `lapsedBefore`, only one whose lease ended before that instant (its owner is gone).
 */
export async function interruptInspectionRun(db: Executor, id: number, at: string, why: string, lapsedBefore?: string): Promise<boolean> {
  const run = await db.selectFrom('inspection_runs').selectAll().where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
  if (!run) return false;
  let update = db
    .updateTable('inspection_runs')
    .set({ finished_at: at, status: 'failed', error: why, run_key: `${run.run_key}:interrupted:${id}`, lease_until: null })
    .where('id', '=', id)
    .where('status', '=', 'running');
  // A lease renewed meanwhile keeps the run its owner's.
  if (lapsedBefore !== undefined) update = update.where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', lapsedBefore)]));
  const r = await update.executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  if (run.requested_at !== null) {
    // Another request over the same organs may have been queued meanwhile: that one then stands for this one.
    await db.insertInto('inspection_runs')
      .values({ run_key: run.run_key, trigger: run.trigger, status: 'queued', organ_codes: run.organ_codes, requested_by: run.requested_by, requested_at: run.requested_at })
      .onConflict((oc) => oc.column('run_key').doNothing())
      .execute();
  }
  return true;
}

/** The running runs whose lease ended before `at` (their owner is gone); a run from before migration 061 has none. */
export async function lapsedRuns(db: Executor, at: string): Promise<InspectionRunRow[]> {
  const rows = await db.selectFrom('inspection_runs').selectAll().where('status', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)])).orderBy('id').execute();
  return rows.map(asRun);
}

/** The queued and running runs, oldest first. */
export async function openRuns(db: Executor): Promise<InspectionRunRow[]> {
  const rows = await db.selectFrom('inspection_runs').selectAll().where('status', 'in', ['queued', 'running']).orderBy('id').execute();
  return rows.map(asRun);
}

export async function findInspectionRun(db: Executor, id: number): Promise<InspectionRunRow | null> {
  const r = await db.selectFrom('inspection_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? asRun(r) : null;
}

/** The newest finished runs (with their findings), newest first. */
export async function recentFinishedRuns(db: Executor, limit: number): Promise<InspectionRunRow[]> {
  const rows = await db.selectFrom('inspection_runs').selectAll().where('status', '=', 'done').orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(asRun);
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
