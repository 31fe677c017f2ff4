/**
 * The site's stylesheets besides site.css, served by the app (src/platform/http/http-server.ts) and linked by the
 * pages that need them — from the page's body where a component brings its own, which HTML allows for a stylesheet
 * link. Never a <style> element or a style attribute: the Content-Security-Policy allows neither (docs/security.md).
 */
export const DOCUMENT_STYLESHEET = '/assets/document.css';
export const REPORT_STYLESHEET = '/assets/report.css';
export const RECEIPT_PRINT_STYLESHEET = '/assets/receipt-print.css';
