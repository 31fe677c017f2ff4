import { DomainError } from '../../../shared/domain-error.ts';
import type { Organ } from '../domain/organ.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganByCode } from '../storage/organs-repository.ts';

/** The one answer for "no organ has this code", on portal pages, the API and the back office alike. */
export const organNotFound = (code: string) => new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', `机关“${code}”不存在`, { httpStatus: 404 });

/**
 * The organ of a public page or API call by its code, or 404. Services the public addresses to an
 * organ — applications, letters, consultations — pass `unitsRefused`: an internal unit (股室) takes
 * none in its own name (条例第二十七条), and the message says where to go instead.
 */
export async function organByCode(db: Executor, code: string, opts: { unitsRefused?: string } = {}): Promise<Organ> {
  const organ = await findOrganByCode(db, code);
  if (!organ) throw organNotFound(code);
  if (opts.unitsRefused && organ.kind === 'unit') throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', opts.unitsRefused, { httpStatus: 404 });
  return organ;
}
