import { DomainError } from '../../../shared/domain-error.ts';
import type { PublicationInput } from '../domain/publication-input.ts';
import type { Publication } from '../domain/publication.ts';
import { replacePlacements, snapshotVersion, updatePublicationAtVersion } from '../storage/publication-writes-repository.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { findPublication } from '../storage/publications-repository.ts';
import { publicationInputColumns } from './save-publication.ts';
import { saveInterpretedPolicies } from './interpretations.ts';

/**
 * Replaces a published item's content with an approved amendment, inside the caller's transaction:
 * the version it replaces is kept as a snapshot, validity (changed only by 废止) and its index number
 * stay, and the write happens only if nobody changed the item meanwhile. Its only caller is the
 * review area, which decides that an amendment is approved.
 */
export async function applyApprovedAmendment(
  trx: Executor, p: Publication, amended: PublicationInput,
  meta: { changeNote: string; proposedBy: number | null; at: string },
): Promise<Publication> {
  const organ = (await findOrganById(trx, p.organId))!;
  const { nodeIds: _n, viewCount: _v, ...snapshot } = p;
  await snapshotVersion(trx, { publicationId: p.id, versionNo: p.version, changeNote: meta.changeNote, snapshotJson: JSON.stringify(snapshot), createdBy: meta.proposedBy, at: meta.at });
  const { validity: _validity, replaced_by_id: _replacedBy, ...content } = publicationInputColumns(amended, organ.name);
  if (!(await updatePublicationAtVersion(trx, p.id, p.version, { ...content, updated_at: meta.at, version: p.version + 1 }))) {
    throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人处理，请刷新后重试', { httpStatus: 409 });
  }
  await replacePlacements(trx, p.id, amended.nodeIds);
  // An interpretation's amendment may name other policies (checked when it was proposed and approved).
  await saveInterpretedPolicies(trx, p.id, amended, meta.at);
  return (await findPublication(trx, p.id))!;
}
