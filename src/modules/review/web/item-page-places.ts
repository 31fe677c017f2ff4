/**
 * The places of an item's back-office page that a redirect lands at (the fragment) and that show the
 * flash addressed to them (platform/views/flash.tsx): the routes redirect to them, the page renders them.
 */
/** 审核与发布: the review verbs, the 保密审查表. */
export const REVIEW_PANEL = 'review-h';
/** 敏感信息扫描: 应用建议遮盖. */
export const SCAN_FINDINGS = 'scan-h';
/** 附件: a pending revision's attachments. */
export const ATTACHMENTS = 'att-h';

/** Every landing place of the item's page. */
export const ITEM_PAGE_PLACES = [REVIEW_PANEL, SCAN_FINDINGS, ATTACHMENTS] as const;
