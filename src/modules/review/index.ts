/** Submission, the review chain, the confidentiality review and every post-publication verb. */
export { REVIEW_ROLES, REVIEW_ROLE_LABELS, DEFAULT_CHAIN, SECRECY_LEVELS, SECRECY_LABELS, WITHDRAW_REASONS, type ChainStage, type ReviewRole, type WithdrawReason } from './domain/review-roles.ts';
export { REVIEW_VERBS, VERB_LABELS, TRANSITIONS, decide, type ReviewVerb, type ReviewFacts } from './domain/review-workflow.ts';
export { performReviewVerb, type VerbInput } from './use-cases/perform-review-verb.ts';
export { publishImported, publishImportedIn } from './use-cases/publish-imported.ts';
export { addRevisionAttachment, removeRevisionAttachment, keepRevisionAttachment } from './use-cases/revision-attachments.ts';
export { findPendingRevision, type PendingRevision } from './storage/revisions-repository.ts';
export { fillReviewForm, reviewFormSchema } from './use-cases/fill-review-form.ts';
export { saveReviewChain, reviewChainSchema } from './use-cases/save-review-chain.ts';
export { scanPublication, htmlToText } from './use-cases/scan-publication.ts';
// The review scan and its gate as pure rules, for what publishes without the chain (a content import).
export { scanItemTexts, scanGateReasons, type ItemFinding, type AttachmentRead, type ScannedItem } from './domain/item-scan.ts';
export { publishScheduled, SCHEDULE_GRACE_MINUTES } from './jobs/publish-scheduled.ts';
export { expireLapsedPublications } from './jobs/expire-lapsed.ts';
export { loadChain, loadForm, decisionsFor, versionsFor, type ReviewForm, type StoredFinding } from './storage/review-repository.ts';
export { reviewQueue, returnedTo, pendingRevisionsOf } from './storage/review-inbox.ts';
export { latePublications } from './storage/late-publications.ts';
export { countLateInChain, inChainDeadlines, type InChainDeadline } from './use-cases/late-in-chain.ts';
export { reviewOverview, type ReviewOverview } from './use-cases/review-overview.ts';
export { loadReviewFacts } from './use-cases/perform-review-verb.ts';
export { createSubmissionTask, submissionTaskSchema, linkToTask } from './use-cases/submission-tasks.ts';
export { openTasks } from './storage/submission-tasks-repository.ts';
export { reviewFormDocument, type ReviewFormData } from './domain/review-form-document.ts';
export { reviewFormModel } from './use-cases/review-form-model.ts';
export { ReviewPanel } from './web/review-panel.tsx';
export { reviewAdminRoutes } from './web/review-admin-routes.tsx';
export { publicationEditorRoutes } from './web/publication-editor-routes.tsx';
export { reviewApi } from './web/publication-verbs-api.ts';
// What follows the catalog API's change of an item (catalogApi's afterItemChanged): its scan.
export { followItemChange } from './use-cases/draft-edits.ts';
export { queueWaitingLabel } from './domain/queue-waiting-label.ts';
