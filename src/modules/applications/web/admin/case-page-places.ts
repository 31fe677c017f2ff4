/**
 * The places of a case's back-office page that a redirect lands at (the fragment) and that show the
 * flash addressed to them (platform/views/flash.tsx): the routes redirect to them, the page renders them.
 * Both lie far below the top of the page, out of view of a flash there on a phone.
 */
/** 文书: a letter's 送达 recorded (the section's heading; the table keeps its id `letters`). */
export const CASE_LETTERS = 'h-letters';
/** 行政复议和行政诉讼: an appeal recorded or its result updated. */
export const CASE_APPEALS = 'appeals';

/** Every landing place of the case's page. */
export const CASE_PAGE_PLACES = [CASE_LETTERS, CASE_APPEALS] as const;
