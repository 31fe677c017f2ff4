/** Submission, the review chain, the confidentiality review and every post-publication verb. */
export { REVIEW_ROLES, REVIEW_ROLE_LABELS, DEFAULT_CHAIN, SECRECY_LEVELS, SECRECY_LABELS, WITHDRAW_REASONS, type ChainStage, type ReviewRole, type WithdrawReason } from './domain/review-roles.ts';
export { REVIEW_VERBS, VERB_LABELS, TRANSITIONS, decide, type ReviewVerb, type ReviewFacts } from './domain/review-workflow.ts';
export { performReviewVerb, type VerbInput } from './use-cases/perform-review-verb.ts';
export { fillReviewForm, reviewFormSchema } from './use-cases/fill-review-form.ts';
export { saveReviewChain, reviewChainSchema } from './use-cases/save-review-chain.ts';
export { scanPublication, htmlToText } from './use-cases/scan-publication.ts';
export { publishScheduled, SCHEDULE_GRACE_MINUTES } from './jobs/publish-scheduled.ts';
export { loadChain, loadForm, decisionsFor, versionsFor, type ReviewForm, type StoredFinding } from './storage/review-repository.ts';
export { reviewQueue } from './storage/review-inbox.ts';
export { latePublications } from './storage/late-publications.ts';
export { countLateInChain, inChainDeadlines, type InChainDeadline } from './use-cases/late-in-chain.ts';
export { reviewOverview, type ReviewOverview } from './use-cases/review-overview.ts';
export { loadReviewFacts } from './use-cases/perform-review-verb.ts';
export { createSubmissionTask, openTasks, submissionTaskSchema, linkToTask } from './use-cases/submission-tasks.ts';
export { reviewFormDocument, type ReviewFormData } from './domain/review-form-document.ts';
export { ReviewPanel } from './web/review-panel.tsx';
export { reviewAdminRoutes, type Reminder } from './web/review-admin-routes.tsx';
