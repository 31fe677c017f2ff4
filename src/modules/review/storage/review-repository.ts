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
