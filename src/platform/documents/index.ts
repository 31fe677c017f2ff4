export type { DocBlock, DocumentModel, TableCell, TextAlign } from './document-model.ts';
export { renderDocumentHtml, renderDocumentPage } from './render-html.ts';
export { DOCUMENT_CSS, LETTER_PAGE_CSS, STANDALONE_PAGE_STYLES } from './document-css.ts';
export { renderDocumentDocx } from './render-docx.ts';
export { renderDocumentPdf } from './render-pdf.ts';
export { renderXlsx, renderXlsxSheets, type XlsxSheetRows } from './render-xlsx.ts';
