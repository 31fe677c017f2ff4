import type { Transaction } from 'kysely';
import type { Db } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { DEFAULT_CHAIN, DEFAULT_PUBLISHER_ROLE, type ChainStage, type ReviewRole, type SecrecyLevel } from '../domain/review-roles.ts';

type Executor = Db | Transaction<Database>;

export async function loadChain(db: Executor, organId: number): Promise<{ stages: ChainStage[]; publisherRole: ReviewRole; configured: boolean }> {
  const [stages, settings] = await Promise.all([
    db.selectFrom('review_chain_stages').selectAll().where('organ_id', '=', organId).orderBy('position').execute(),
    db.selectFrom('review_settings').selectAll().where('organ_id', '=', organId).executeTakeFirst(),
  ]);
  return {
    stages: stages.length ? stages.map((s) => ({ position: s.position, name: s.name, role: s.role as ReviewRole })) : DEFAULT_CHAIN,
    publisherRole: (settings?.publisher_role as ReviewRole | undefined) ?? DEFAULT_PUBLISHER_ROLE,
    configured: stages.length > 0,
  };
}

export type ReviewForm = {
  publicationId: number; secrecyLevel: SecrecyLevel; involvesPersonalInfo: boolean; avoidanceNote: string; scanJustification: string;
  scanFindings: StoredFinding[]; scannedAt: string | null;
};
export type StoredFinding = {
  source: string; type: string; text: string; start: number; end: number; severity: string; suggestion: string;
  /** The text just around the finding, for showing it in context. */
  before?: string; after?: string;
  /** A reviewer's acceptance of this one finding, with the reason it may stand (never for a 密级标志). */
  accepted?: FindingAcceptance;
};
export type FindingAcceptance = {
  reason: string; byUserId: number | null; byLabel: string; at: string;
  /** When a revision took the acceptance over from the scan before it (the finding and its context unchanged; carryIntoRevision). */
  carriedAt?: string;
};

export async function loadForm(db: Executor, publicationId: number): Promise<ReviewForm | null> {
  const r = await db.selectFrom('review_forms').selectAll().where('publication_id', '=', publicationId).executeTakeFirst();
  return r
    ? {
        publicationId, secrecyLevel: r.secrecy_level as SecrecyLevel, involvesPersonalInfo: r.involves_personal_info === 1, avoidanceNote: r.avoidance_note,
        scanJustification: r.scan_justification, scanFindings: JSON.parse(r.scan_findings_json) as StoredFinding[], scannedAt: r.scanned_at,
      }
    : null;
}

export async function decisionsFor(db: Executor, publicationId: number) {
  return db.selectFrom('review_decisions').selectAll().where('publication_id', '=', publicationId).orderBy('id').execute();
}

export async function versionsFor(db: Executor, publicationId: number) {
  return db.selectFrom('publication_versions').select(['version_no', 'change_note', 'created_at']).where('publication_id', '=', publicationId).orderBy('version_no').execute();
}

/** Writes the drafter's part of an item's review form, creating the form (not yet scanned) if it has none. */
export async function saveDrafterPart(db: Executor, publicationId: number, f: { secrecyLevel: string; involvesPersonalInfo: boolean; avoidanceNote: string; at: string }): Promise<void> {
  const values = { secrecy_level: f.secrecyLevel, involves_personal_info: f.involvesPersonalInfo ? 1 : 0, avoidance_note: f.avoidanceNote, updated_at: f.at };
  await db
    .insertInto('review_forms')
    .values({ publication_id: publicationId, ...values, scan_justification: '', scan_findings_json: '[]', scanned_at: null })
    .onConflict((oc) => oc.column('publication_id').doUpdateSet(values))
    .execute();
}

/** Removes an item's review form (the drafter cleared it before submitting; clearReviewForm). */
export async function deleteForm(db: Executor, publicationId: number): Promise<void> {
  await db.deleteFrom('review_forms').where('publication_id', '=', publicationId).execute();
}

/** Replaces an organ's review stages (in order) and its publisher role. */
export async function replaceChain(db: Executor, organId: number, stages: { name: string; role: string }[], publisherRole: string, at: string): Promise<void> {
  await db.deleteFrom('review_chain_stages').where('organ_id', '=', organId).execute();
  await db.insertInto('review_chain_stages').values(stages.map((s, position) => ({ organ_id: organId, position, name: s.name, role: s.role }))).execute();
  await db
    .insertInto('review_settings')
    .values({ organ_id: organId, publisher_role: publisherRole, updated_at: at })
    .onConflict((oc) => oc.column('organ_id').doUpdateSet({ publisher_role: publisherRole, updated_at: at }))
    .execute();
}

/** A new round starts without a justification: earlier ones spoke of earlier text. */
export async function clearScanJustification(db: Executor, publicationId: number): Promise<void> {
  await db.updateTable('review_forms').set({ scan_justification: '' }).where('publication_id', '=', publicationId).execute();
}

/** A reviewer's reason why blocking scanner findings may stand. */
export async function recordScanJustification(db: Executor, publicationId: number, justification: string, at: string): Promise<void> {
  await db.updateTable('review_forms').set({ scan_justification: justification, updated_at: at }).where('publication_id', '=', publicationId).execute();
}

/** The latest scan of the item, kept on its review form. */
export async function recordScanFindings(db: Executor, publicationId: number, findings: StoredFinding[], at: string): Promise<void> {
  await db.updateTable('review_forms').set({ scan_findings_json: JSON.stringify(findings), scanned_at: at, updated_at: at }).where('publication_id', '=', publicationId).execute();
}

/**
 * The scan a refused verb made, kept as the item's latest only if no other scan was recorded since the
 * one the verb read (`was`): a later scan is never overwritten by an earlier one.
 */
export async function recordScanFindingsIfUnchanged(db: Executor, publicationId: number, findings: StoredFinding[], at: string, was: string | null): Promise<void> {
  await db.updateTable('review_forms').set({ scan_findings_json: JSON.stringify(findings), scanned_at: at, updated_at: at })
    .where('publication_id', '=', publicationId).where((eb) => (was === null ? eb('scanned_at', 'is', null) : eb('scanned_at', '=', was))).execute();
}

/** One signed decision on the item (三级审核 sign-off, return, publish …), as the review form prints it. */
export async function recordDecision(db: Executor, d: {
  publicationId: number; publicationVersion: number; verb: string; stagePosition: number | null; stageName: string | null; role: string | null;
  comment: string; userId: number | null; userLabel: string; at: string;
}): Promise<void> {
  await db.insertInto('review_decisions').values({
    publication_id: d.publicationId, publication_version: d.publicationVersion, verb: d.verb, stage_position: d.stagePosition,
    stage_name: d.stageName, role: d.role, comment: d.comment, user_id: d.userId, user_label: d.userLabel, decided_at: d.at,
  }).execute();
}
