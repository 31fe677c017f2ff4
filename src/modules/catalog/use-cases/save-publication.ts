import type { AppDeps } from '../../../platform/app-deps.ts';
import { sanitizeRichText } from '../../../platform/views/sanitize-rich-text.ts';
import { DomainError } from '../../../shared/domain-error.ts';
import { addDays, chinaDateOf } from '../../../shared/iso-date.ts';
import type { Actor } from '../../identity/index.ts';
import { publicationInputSchema, type PublicationInput } from '../domain/publication-input.ts';
import type { Publication } from '../domain/publication.ts';
import { actorUserId } from '../../identity/index.ts';
import type { Executor } from '../storage/executor.ts';
import { findOrganById } from '../storage/organs-repository.ts';
import { findPublication } from '../storage/publications-repository.ts';
import { nodeOrgans } from '../storage/catalog-nodes-repository.ts';
import { findDirectoryMatter } from '../storage/directory-matters-repository.ts';
import { insertPlacements, insertPublication, publicationExists, replacePlacements, updatePublicationAtVersion } from '../storage/publication-writes-repository.ts';
import { DOCUMENT_NUMBER_TAKEN, documentNumberConflict, documentNumberTakenMessage, storedSpellingsOf } from '../domain/document-number-taken.ts';
import { documentNumberHolders } from '../storage/document-number-holders-repository.ts';
import { holdSqliteWriteLock, lockOrganDocumentNumbers } from '../storage/document-number-lock.ts';
import type { DialectName } from '../../../platform/db/dialect.ts';
import { audit } from './audit-helper.ts';
import { requireDraftRights, submittingUnitFor } from './authorize.ts';
import { checkInterpretation, interpretationColumns, saveInterpretedPolicies } from './interpretations.ts';
import { interpretationValidityRefusals } from '../domain/interpretation.ts';
import { counterpartReasons, documentDatesOf } from '../domain/counterpart-document.ts';

export function publicationInputColumns(input: PublicationInput, organName: string) {
  return {
    title: input.title,
    document_number: input.documentNumber || null,
    publishing_organ_name: input.publishingOrganName || organName,
    formed_on: input.formedOn,
    subject: input.subject,
    genre: input.genre,
    stage: input.stage,
    disclosure_mode: input.disclosureMode,
    withheld_reason: input.disclosureMode === 'withheld' ? input.withheldReason : null,
    disclosure_period: input.disclosurePeriod,
    audience: input.audience,
    validity: input.validity,
    replaced_by_id: input.replacedById,
    valid_through_on: input.validThroughOn,
    keywords: input.keywords.join(' '),
    summary: input.summary,
    body_html: sanitizeRichText(input.bodyHtml),
    source: input.source,
    consult_phone: input.consultPhone || null,
    doc_type: input.docType,
    directory_matter_id: input.matterId,
    ...interpretationColumns(input),
  };
}

/**
 * The nodes are the organ's own, a named replacement exists (and is not the item itself), and an
 * interpretation names only policies `actor` may link and, as its 图解, one of its own pictures; the 文号 is
 * no other item's; a 政策解读 carries no 效力 of its own (interpretationValidityRefusals). Call in the transaction
 * that writes the item: the 文号's check holds the organ's lock to its end.
 * `revisionOf`: the published item a revision (修订) would change. A revision keeps the item's 效力 (only 废止 and
 * 标记已修改 change it: applyApprovedAmendment), so that is what counts — a document 已废止 is not made a 政策解读
 * whatever 有效性 the revision sends, and an interpretation 已废止 before the rule can still be revised.
 */
export async function checkReferences(
  trx: Executor, dialect: DialectName, actor: Actor, organId: number, input: PublicationInput, selfId?: number, revisionOf?: Pick<Publication, 'itemKind' | 'validity'>,
) {
  const keptValidity = revisionOf ? (revisionOf.itemKind === 'interpretation' ? 'valid' : revisionOf.validity) : input.validity;
  const noValidity = interpretationValidityRefusals({ itemKind: input.itemKind, validity: keptValidity, validThroughOn: input.validThroughOn });
  if (noValidity.length) throw new DomainError(noValidity[0]!.code, noValidity[0]!.message, { field: noValidity[0]!.field, reasons: noValidity });
  const nodes = await nodeOrgans(trx, input.nodeIds);
  const foreign = input.nodeIds.filter((id) => !nodes.some((n) => n.id === id && n.organ_id === organId));
  if (foreign.length) throw new DomainError('ERR_CATALOG_NODE_NOT_FOUND', '所选目录栏目不存在或不属于本机关', { field: 'nodeIds' });
  if (input.replacedById !== null) {
    if (input.replacedById === selfId) throw new DomainError('ERR_CATALOG_REPLACEMENT_INVALID', '替代文件不能是本文件', { field: 'replacedById' });
    if (!(await publicationExists(trx, input.replacedById))) throw new DomainError('ERR_CATALOG_REPLACEMENT_INVALID', `替代文件（编号 ${input.replacedById}）不存在`, { field: 'replacedById' });
  }
  await checkInterpretation(trx, actor, organId, input, selfId);
  await refuseTakenDocumentNumber(trx, dialect, organId, input, selfId ?? null);
  if (input.matterId !== null) {
    const matter = await findDirectoryMatter(trx, input.matterId);
    if (!matter || matter.organId !== organId || !input.nodeIds.includes(matter.nodeId)) {
      throw new DomainError('ERR_CATALOG_MATTER_INVALID', '所选标准目录事项不属于本信息所在的目录栏目，请先勾选该事项所在的栏目', { field: 'matterId' });
    }
  }
}

/**
 * One 文号, one document (docs/rules/proactive-disclosure.md, "文号"): a 文号 another item of the organ has — withdrawn
 * ones aside, the item itself (a revision) aside, an interpretation and the policy it explains aside — is refused by
 * the field, naming that item (its id in the reason: the API answers it, the form links it). A draft, an edit, a
 * revision (修订, checked again when approved) alike. Under the organ's lock (lockOrganDocumentNumbers), held until
 * the caller's transaction ends: two saves of one 文号 at the same moment are checked one after the other, and the
 * second is refused here by the first's item, never stored beside it.
 */
export async function refuseTakenDocumentNumber(trx: Executor, dialect: DialectName, organId: number, input: PublicationInput, selfId: number | null): Promise<void> {
  if (!input.documentNumber) return;
  await lockOrganDocumentNumbers(trx, dialect, organId);
  const holders = await documentNumberHolders(trx, organId, storedSpellingsOf(input.documentNumber), selfId);
  const taken = documentNumberConflict({ id: selfId, itemKind: input.itemKind, policyIds: input.policyIds }, input.documentNumber, holders);
  if (taken) throw new DomainError(DOCUMENT_NUMBER_TAKEN, documentNumberTakenMessage(taken), { field: 'documentNumber', httpStatus: 409, itemId: taken.id });
}

/**
 * The 替代文件 a draft names (替代文件编号, `replacedById`: the item form's and the API's) obeys 标记废止's rule — or 标记已修改's
 * when the item is 已修改, for that field then names the document that amended it (ADR 0026) — never a 政策解读, never a
 * document made before the item (counterpart-document.ts, ADR 0048), refused by the field with the verbs' codes and words.
 * The item's own 成文日期 counts only when the officer set it (`formedOnSet`); a draft has no publication date. Not asked
 * of a revision, which does not write the 替代文件 (applyApprovedAmendment keeps it).
 */
async function refuseWrongCounterpart(trx: Executor, input: PublicationInput, formedOnSet: boolean): Promise<void> {
  if (input.replacedById === null) return;
  const other = await findPublication(trx, input.replacedById);
  if (!other) return;
  const reasons = counterpartReasons(
    input.validity === 'amended' ? 'amending' : 'replacement', { formedOn: formedOnSet ? input.formedOn : null, publishedOn: null },
    { itemKind: other.itemKind, title: other.title, ...documentDatesOf(other) },
  );
  if (reasons.length) throw DomainError.fromReasons(reasons.map((r) => ({ ...r, field: 'replacedById' })));
}

/**
 * A 成文日期 more than a year after today (China time) is a typing error (e.g. 2099), refused at once;
 * a nearer future date is caught when the draft is submitted for review (ERR_REVIEW_FORMED_IN_FUTURE).
 */
function refuseFarFutureFormedOn(deps: AppDeps, input: PublicationInput): void {
  const limit = addDays(chinaDateOf(deps.clock.now()), 366);
  if (input.formedOn > limit) {
    throw new DomainError('ERR_VALIDATION', `成文日期不能晚于今天一年以上（最晚 ${limit}），请核对`, { field: 'formedOn' });
  }
}

/**
 * How a save tells whether the officer set the 成文日期: the date the form gave (`formedOnDefault`, the
 * item form's hidden field). A date other than that one — or any date when none is given (the API, a
 * form of an older page) — is the officer's.
 */
export type SaveOptions = {
  formedOnDefault?: string;
  /**
   * Creating only: run in the creating transaction once the draft is stored, for a record another area keeps of
   * it (the month's 调度通报). Should it throw — a unique key taken by a concurrent creation — nothing is created.
   */
  inTransaction?: (trx: Executor, publicationId: number) => Promise<void>;
};
const formedOnSetBy = (input: PublicationInput, options: SaveOptions) => (options.formedOnDefault && input.formedOn === options.formedOnDefault ? 0 : 1);

/** Creates a draft in an organ's catalog. Rich text is sanitised before it is stored. */
export async function createPublication(deps: AppDeps, actor: Actor, organId: number, raw: unknown, options: SaveOptions = {}): Promise<Publication> {
  const input = publicationInputSchema.parse(raw);
  refuseFarFutureFormedOn(deps, input);
  return deps.db.transaction().execute(async (trx) => {
    // SQLite: the write lock first, so a save beside another process's waits for it and reads what it wrote (holdSqliteWriteLock).
    if (deps.dialect === 'sqlite') await holdSqliteWriteLock(trx);
    const organ = await findOrganById(trx, organId);
    if (!organ) throw new DomainError('ERR_CATALOG_ORGAN_NOT_FOUND', '机关不存在', { httpStatus: 404 });
    const submittingUnitId = await submittingUnitFor(trx, actor, organId, typeof (raw as { submittingUnitCode?: unknown })?.submittingUnitCode === 'string' && (raw as { submittingUnitCode: string }).submittingUnitCode ? (raw as { submittingUnitCode: string }).submittingUnitCode : null);
    await requireDraftRights(trx, actor, organId, submittingUnitId);
    await checkReferences(trx, deps.dialect, actor, organId, input);
    await refuseWrongCounterpart(trx, input, formedOnSetBy(input, options) === 1);
    const at = deps.clock.now().toISOString();
    const id = await insertPublication(trx, {
      ...publicationInputColumns(input, organ.name), organ_id: organId, index_number: null, published_on: null, published_at: null, status: 'draft',
      publish_route: null, published_by: null, created_by: actorUserId(actor), created_at: at, updated_at: at, version: 1, view_count: 0,
      submitting_unit_id: submittingUnitId, formed_on_set: formedOnSetBy(input, options),
    });
    await insertPlacements(trx, id, input.nodeIds);
    await saveInterpretedPolicies(trx, id, input, at);
    await audit(trx, deps, actor, at, { action: 'publication.create', entityType: 'publication', entityId: id, organId, after: input });
    if (options.inTransaction) await options.inTransaction(trx, id);
    return (await findPublication(trx, id))!;
  });
}

/**
 * Edits the metadata and placements. `expectedVersion` guards against overwriting someone else's
 * change. Status is never changed here: only its verbs (publish …) do that.
 */
export async function updatePublication(deps: AppDeps, actor: Actor, id: number, raw: unknown, expectedVersion?: number, options: SaveOptions = {}): Promise<Publication> {
  const input = publicationInputSchema.parse(raw);
  refuseFarFutureFormedOn(deps, input);
  return deps.db.transaction().execute(async (trx) => {
    if (deps.dialect === 'sqlite') await holdSqliteWriteLock(trx);
    const before = await findPublication(trx, id);
    if (!before) throw new DomainError('ERR_CATALOG_PUBLICATION_NOT_FOUND', '信息不存在', { httpStatus: 404 });
    await requireDraftRights(trx, actor, before.organId, before.submittingUnitId);
    // Content changes only while the author holds the item; afterwards only through workflow verbs.
    if (before.status === 'published') {
      throw new DomainError('ERR_CATALOG_USE_AMEND', '已发布的信息请使用“修订”，修订说明会记录在版本中', { httpStatus: 409 });
    }
    if (!['draft', 'returned'].includes(before.status) && actor.kind !== 'system') {
      throw new DomainError('ERR_CATALOG_LOCKED_IN_REVIEW', '审核中或已审核的信息不能修改；如需修改，请由审核人退回', { httpStatus: 409 });
    }
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人修改，请刷新后重新编辑', { httpStatus: 409 });
    }
    await checkReferences(trx, deps.dialect, actor, before.organId, input, id);
    await refuseWrongCounterpart(trx, input, formedOnSetBy(input, options) === 1);
    const organ = (await findOrganById(trx, before.organId))!;
    const at = deps.clock.now().toISOString();
    const updated = await updatePublicationAtVersion(trx, id, before.version, {
      ...publicationInputColumns(input, organ.name), formed_on_set: formedOnSetBy(input, options), updated_at: at, version: before.version + 1,
    });
    if (!updated) throw new DomainError('ERR_CATALOG_VERSION_CONFLICT', '该信息已被他人修改，请刷新后重新编辑', { httpStatus: 409 });
    await replacePlacements(trx, id, input.nodeIds);
    await saveInterpretedPolicies(trx, id, input, at);
    await audit(trx, deps, actor, at, { action: 'publication.update', entityType: 'publication', entityId: id, organId: before.organId, before, after: input });
    return (await findPublication(trx, id))!;
  });
}
