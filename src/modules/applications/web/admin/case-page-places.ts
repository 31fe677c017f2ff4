/**
 * The places of a case's back-office page that a redirect lands at (the fragment) and that show the
 * flash addressed to them (platform/views/flash.tsx): the routes redirect to them, the page renders them.
 * Both lie far below the top of the page, out of view of a flash there on a phone.
 */
/** 文书: a letter's 送达 recorded (the section's heading; the table keeps its id `letters`). */
export const CASE_LETTERS = 'h-letters';
/** 行政复议和行政诉讼: an appeal recorded or its result updated. */
export const CASE_APPEALS = 'appeals';

/** 重新设置查询码: a reset refused (the section; a reset done opens its own page with the new code). */
export const CASE_QUERY_CODE = 'query-code';
/** 建议转为主动公开: a flag refused (the section). */
export const CASE_PROACTIVE = 'proactive';
/** A verb's form (办理): its id on the page, where its form's address lands a refused verb's page (verb-forms.tsx). */
export const verbPlace = (verb: string) => `verb-${verb}`;

/** 登记复议或诉讼: the form's id, where its address lands a refused registration's page. */
export const APPEAL_FORM = 'appeal-form';
/** A letter's 登记送达 form: its id, where its address lands a refused 送达's page. */
export const servicePlace = (letterId: number) => `service-${letterId}`;
/** An appeal's 更新结果 form: its id, where its address lands a refused decision's page. */
export const appealPlace = (appealId: number) => `appeal-${appealId}`;

/** Every landing place of the case's page for a flash. */
export const CASE_PAGE_PLACES = [CASE_LETTERS, CASE_APPEALS, CASE_QUERY_CODE, CASE_PROACTIVE] as const;
