export * from './domain/labels.ts';
export { catalogPath, itemPath, nodePath } from './domain/portal-paths.ts';
export { scopeLabel } from './domain/scope-label.ts';
export { isNoneDocumentNumber } from './domain/document-number-none.ts';
export { DOCUMENT_NUMBER_TAKEN, documentNumberConflict, documentNumberRepeatedMessage, documentNumberTakenMessage, storedSpellingsOf, type DocumentNumberHolder } from './domain/document-number-taken.ts';
export { documentNumberHolders } from './storage/document-number-holders-repository.ts';
export { handlingOrganOf, organWithUnits } from './domain/handling-organ.ts';
export type { Organ, OrganInput } from './domain/organ.ts';
export type { Publication, Attachment } from './domain/publication.ts';
export { publicationInputSchema, type PublicationInput } from './domain/publication-input.ts';
export { buildTree, distinctNodeLabels, inTreeOrder, pathTo, subtreeIds, type TreeBranch } from './domain/catalog-tree.ts';
export { saveOrgan } from './use-cases/save-organ.ts';
export { addCatalogNode, updateCatalogNode, reorderCatalogNode, removeCatalogNode } from './use-cases/manage-catalog-nodes.ts';
export { createPublication, updatePublication } from './use-cases/save-publication.ts';
export { markPublished, type PublishStamp } from './use-cases/publish-publication.ts';
export { publishRefusals } from './domain/publish-rules.ts';
export { DOC_TYPE_WARNING_CODES, docTypeWarnings, type DocTypeWarning, type DocTypeWarningCode } from './domain/doc-type-warnings.ts';
export { POLICY_UNPUBLISHED, policyUnpublishedSaid, policyUnpublishedWarnings, type PolicyUnpublishedWarning } from './domain/policy-unpublished-warning.ts';
export { policyUnpublishedWarningsOf } from './use-cases/doc-type-warnings-of.ts';
export { publicationInputColumns, checkReferences as checkPublicationReferences } from './use-cases/save-publication.ts';
export { applyApprovedAmendment } from './use-cases/apply-amendment.ts';
export { requireRoleOnOrgan, requireDraftRights } from './use-cases/authorize.ts';
export { audit as appendCatalogAudit } from './use-cases/audit-helper.ts';
export type { Executor } from './storage/executor.ts';
export {
  addAttachment, removeAttachment, attachmentPath, sendAttachmentFile, MAX_ATTACHMENT_BYTES, type RevisionUpload, setAttachmentTitles, titleChanges,
} from './use-cases/manage-attachments.ts';
export { findAttachment, removeWithRevision, keepWithRevision, retitleWithRevision, settleRevisionAttachments } from './storage/revision-attachments.ts';
export { checkAttachmentTitle, attachmentLabel, MAX_ATTACHMENT_TITLE } from './domain/attachment-title.ts';
export { listOrgans, listOrgansInTree, findOrganByCode, findOrganById, organChain, anyOrganExists, firstTopOrgan, type OrganInTree } from './storage/organs-repository.ts';
export { listCatalogNodes, findCatalogNode, publishedCountsByNode, type CatalogNode } from './storage/catalog-nodes-repository.ts';
export {
  findPublication, latestDocumentNumber, listAttachments, type AttachmentView, pagePublishedInNodes, latestPublished, pageForStaff, publishedForSitemap, publishedIdsInYear, addViewCounts,
  type PublicationListItem, type StaffListItem, type StaffListOrder,
} from './storage/publications-repository.ts';
export { organScope, type OrganScope } from './use-cases/organ-scope.ts';
export { organByCode, organNotFound } from './use-cases/organ-by-code.ts';
export { unitHandledBy } from './use-cases/unit-handled-by.ts';
export { feedRoutes, FEED_ITEMS } from './web/portal/feed-routes.ts';
export { ViewCounter } from './use-cases/view-counter.ts';
export { settleStaffMenu, staffContext, type StaffContext, type OrganNeed } from './web/staff-context.ts';
// The catalog's routes (the portal, the organs-and-tree back office, the JSON API), mounted by src/main.
export { portalRoutes } from './web/portal/portal-routes.tsx';
export { organCrumbs } from './web/portal/organ-home-page.tsx';
export { withWholePhoneNumbers } from './web/portal/whole-phone-numbers.ts';
export { UnitGuidancePage, type UnitService } from './web/portal/unit-guidance-page.tsx';
export { catalogAdminRoutes } from './web/admin/admin-routes.tsx';
export { catalogApi } from './web/api/catalog-api.ts';
// The API's building blocks, for the areas whose API speaks about items (review's verbs).
export { apiValidatorCompiler } from './web/api/api-validator-compiler.ts';
export { jsonObjectBody, withoutNulls } from './web/api/api-access.ts';
export { publicationDetail, attachment as attachmentSchema } from './web/api/publication-schemas.ts';
export { presentAttachment } from './web/api/presenters.ts';
export { readUploadedFile } from './web/api/uploaded-file.ts';
export { publicationJson } from './web/api/publications-routes.ts';
export { errorResponses, jsonResponse, publicationAttachmentParams, publicationIdParams } from './web/api/schemas.ts';
// Whose site it is: the identity settings, the portal frame every page shows, the emblem.
export { SiteFrames, FRAME_CACHE_MS } from './use-cases/site-frames.ts';
export { saveSiteIdentity, identityFor } from './use-cases/site-identity.ts';
export { siteIdentityRoutes } from './web/admin/site-identity-routes.tsx';
export { emblemRoute } from './web/portal/emblem-route.ts';
// 政策解读: an item kind of its own, its links to the policies it explains, and the policies waiting for one.
export {
  ITEM_KINDS, ITEM_KIND_LABELS, INTERPRETATION_FORMS, INTERPRETATION_FORM_LABELS, DEFAULT_INTERPRETATION_WORKING_DAYS, interpretationTitleFor,
  type ItemKind, type InterpretationForm,
} from './domain/interpretation.ts';
export { InterpretationErrorCode } from './domain/interpretation-codes.ts';
export {
  countOverdueInterpretations, policiesAwaitingInterpretation, interpretationLinks, interpretationPublishRefusals, policyCandidatesFor,
  type AwaitingInterpretation,
} from './use-cases/interpretations.ts';
export type { LinkedItem, PolicyCandidate } from './storage/interpretations-repository.ts';
export { catalogChanged } from './use-cases/catalog-changed.ts';
// Safe catalog change (issue 17): rename, move, merge and split with a preview, their history, and the
// portal's permanent redirects, which the import also records for an old site's addresses.
export { previewCatalogChange, applyCatalogChange, type CatalogChangePreview } from './use-cases/change-catalog.ts';
export { CATALOG_CHANGE_KINDS, CATALOG_CHANGE_LABELS, type CatalogChangeKind, type CatalogChangePlan } from './domain/catalog-change.ts';
export { dropRedirectsFrom, recordRedirect, redirectsTo, resolveRedirect, type Redirect } from './storage/redirects-repository.ts';
export { catchUpItemNumbers, itemNumbersTaken, nodeNumbersTaken } from './storage/item-numbers-repository.ts';
export { redirectOwners, type RedirectOwner } from './storage/redirect-owners-repository.ts';
export { nodePaths } from './domain/catalog-change.ts';
export { addressKey, oldAddressOf, siteAddressOf, type SiteAddress } from './domain/redirect-address.ts';
export { movedAddressAnswer, NOT_YET_PUBLISHED } from './use-cases/moved-address.ts';
// 基层政务公开标准目录 (docs/standard-directories.md): the 事项 an item's editor offers.
export { listDirectoryMatters, type DirectoryMatter } from './storage/directory-matters-repository.ts';
// Which required 事项 have no published item yet (the supervision page and the site inspection count them).
export { matterCoverage, type MatterCoverage, type MatterCoverageRow } from './use-cases/matter-coverage.ts';
// Content import and export (issue 17, docs/import-export.md): the writes an import makes in its one transaction, and what an export reads.
export {
  ensureCatalogPaths, ensureDirectoryMatters, importAmendingCandidates, importLinkTargets, insertImportedDraft, linkImportedItem, matterCode, type ImportedNode, type ImportedFile, type ImportedMatter,
} from './use-cases/import-content.ts';
// What an item's back-office page says of its import (file, when, by whom, 原网址).
export { importRecordOf, type ImportRecord } from './use-cases/import-record.ts';
export { directoryStageWord, isTemplateId, parseTemplateMatter } from './domain/standard-directory.ts';
export { interpretationRefusals, interpretationValidityRefusals, INTERPRETATION_NO_VALIDITY, type InterpretationFacts } from './domain/interpretation.ts';
export { interpretationFactsOf } from './use-cases/interpretations.ts';
export { checkAttachmentFile } from './use-cases/manage-attachments.ts';
export { indexNumbersTaken } from './storage/publication-writes-repository.ts';
// An import's rows that repeat an item of the organ (transfer's suspected duplicates).
export { importDuplicateCandidates, serializeOrganImports, type DuplicateCandidate } from './storage/import-duplicates-repository.ts';
export { publishedItemIds, publishedItemTitles } from './storage/organ-items-repository.ts';
// The static copy writes every redirect of a site or an organ as files (docs/static-site.md).
export { listRedirects, type RedirectEntry } from './storage/redirect-list-repository.ts';
export { recordAmendingDocument, resolveAmendingDocument, publicValidityLinks, validityLinksOf, type ValidityLinkItem } from './use-cases/amending-documents.ts';
export { AmendmentErrorCode, amendingRefusal, documentName } from './domain/amendment-link.ts';
// Which document may amend or replace another (ADR 0048): the review's verbs, the item form, the API and the import ask it.
export {
  COUNTERPART_ERROR_CODES, comparedDates, counterpartReasons, documentDatesOf, type CounterpartDocument, type CounterpartRole, type DocumentDates,
} from './domain/counterpart-document.ts';
