/** Stable error codes of the interaction area (docs/errors.md). */
export const InteractionErrorCode = {
  invalidInput: 'ERR_LETTER_INVALID_INPUT',
  notFound: 'ERR_LETTER_NOT_FOUND',
  queryFailed: 'ERR_LETTER_QUERY_FAILED',
  verbNotAllowed: 'ERR_LETTER_VERB_NOT_ALLOWED',
  reasonRequired: 'ERR_LETTER_REASON_REQUIRED',
  replyRequired: 'ERR_LETTER_REPLY_REQUIRED',
  sameReviewer: 'ERR_LETTER_SAME_REVIEWER',
  badUnit: 'ERR_LETTER_BAD_UNIT',
  badTargetOrgan: 'ERR_LETTER_BAD_TARGET_ORGAN',
  ratingClosed: 'ERR_LETTER_RATING_CLOSED',
  alreadyRated: 'ERR_LETTER_ALREADY_RATED',
  invalidDate: 'ERR_LETTER_INVALID_DATE',
  versionConflict: 'ERR_LETTER_VERSION_CONFLICT',
  spamSuspected: 'ERR_LETTER_SPAM_SUSPECTED',
  formExpired: 'ERR_LETTER_FORM_EXPIRED',
  submitLimited: 'ERR_LETTER_SUBMIT_LIMITED',
} as const;
