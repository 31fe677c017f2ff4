// The interaction area (互动交流): the department mailbox (部门信箱) — letters without an account, reply
// deadlines in working days, transfer, reviewed replies, ratings, published letters and statistics.
// Other areas import only from here.
export { LETTER_TYPES, LETTER_TYPE_LABELS, LETTER_STATES, LETTER_STATE_LABELS, RATINGS, RATING_LABELS, type Letter, type LetterState, type LetterType, type Rating } from './domain/letter.ts';
export { LETTER_TRANSITIONS, LETTER_VERBS, letterVerbsIn, type LetterCommand, type LetterVerb } from './domain/letter-verbs.ts';
export { decideLetter, type LetterDecision, type LetterFacts } from './domain/decide-letter.ts';
export { DEFAULT_REPLY_WORKING_DAYS, RATING_WINDOW_DAYS, DUE_SOON_WORKING_DAYS as LETTER_DUE_SOON_WORKING_DAYS, threeMonthLine, effectiveRating } from './domain/letter-clock.ts';
export { InteractionErrorCode } from './domain/error-codes.ts';
export { submitLetter, findLetterReceipt, type LetterReceipt } from './use-cases/submit-letter.ts';
export { checkLetter, rateLetter, type PublicLetter } from './use-cases/check-letter.ts';
export { performLetterVerb } from './use-cases/perform-letter-verb.ts';
export { letterDetails } from './use-cases/letter-details.ts';
export { resetLetterQueryCode, letterQueryCodeNoticeFor } from './use-cases/reset-letter-query-code.ts';
export { listLetters, countLetterWork } from './use-cases/list-letters.ts';
export { letterAccess, type LetterAccess, type LetterPerson } from './domain/letter-access.ts';
export { listUnitLetters, countUnitLetterWork, letterAccessOf, type UnitStaffScope } from './use-cases/unit-letters.ts';
export { listPublishedLetters, findPublishedLetter, type PublishedLetter } from './use-cases/published-letters.ts';
export { letterStatistics, type LetterStatistics } from './use-cases/letter-statistics.ts';
export { getLetterSettings, updateLetterSettings } from './use-cases/manage-letter-settings.ts';
export { lettersPortalRoutes, type LettersPortalOptions } from './web/portal/letters-portal-routes.tsx';
export { lettersAdminRoutes } from './web/admin/letters-admin-routes.tsx';
export { lettersApi } from './web/api/letters-api.ts';
// Public consultation (意见征集): drafts open for comments, moderated comments, the feedback report.
export { CONSULTATION_PHASE_LABELS, COMMENT_STATE_LABELS, ConsultationErrorCode, FEEDBACK_WORKING_DAYS, consultationPhase, decideConsultation, type Consultation, type ConsultationPhase } from './domain/consultation.ts';
export {
  openConsultation, submitComment, moderateComment, publishFeedback, findPublicConsultation, listPublicConsultations, listStaffConsultations,
  consultationDetails, countLateConsultationFeedback, type CommentReceipt, type PublicConsultation, type PublicComment,
} from './use-cases/consultations.ts';
export { consultationsApi } from './web/api/consultations-api.ts';
export { consultationsPortalRoutes } from './web/portal/consultations-portal-routes.tsx';
export { consultationsAdminRoutes } from './web/admin/consultations-admin-routes.tsx';
// 建议提案 (人大代表建议 / 政协提案): records, reply, 满意度, published results, the annual report's figures.
export {
  PROPOSAL_KINDS, PROPOSAL_KIND_LABELS, PROPOSAL_STATES, PROPOSAL_STATE_LABELS, PROPOSAL_RESULTS, PROPOSAL_RESULT_LABELS, HANDLING_ROLE_LABELS,
  DEFAULT_DUE_MONTHS, DEFAULT_PUBLISH_WORKING_DAYS, PROPOSAL_DUE_SOON_WORKING_DAYS, ProposalErrorCode, type Proposal, type ProposalKind, type ProposalState,
} from './domain/proposal.ts';
export { PROPOSAL_TRANSITIONS, PROPOSAL_VERBS, proposalStateDiagram, type ProposalCommand, type ProposalVerb } from './domain/proposal-verbs.ts';
export { decideProposal, checkProposalInput, type ProposalFacts } from './domain/decide-proposal.ts';
export {
  registerProposal, performProposalVerb, proposalCommandFrom, proposalDetails, listProposals, countProposalWork, listProposalDeadlines, getProposalSettings, updateProposalSettings,
} from './use-cases/proposals.ts';
export { listPublishedProposals, findPublishedProposal, proposalYearFigures, type PublishedProposal, type ProposalYearFigures } from './use-cases/published-proposals.ts';
export { seedDemoProposals, type DemoProposal } from './use-cases/seed-demo-proposals.ts';
// What the site search (modules/search) may find of 互动交流: opened consultations and published proposal results, titles only.
export { searchableInteraction, INTERACTION_SEARCH_BOUND, type SearchableConsultation, type SearchableProposal } from './use-cases/search-entries.ts';
export { proposalsAdminRoutes } from './web/admin/proposals-admin-routes.tsx';
export { proposalsPortalRoutes } from './web/portal/proposals-portal-routes.tsx';
export { proposalsApi } from './web/api/proposals-api.ts';
