/**
 * A field's label as printed before its value: 申请编号： — the full-width colon keeps label and value
 * apart when the document is read, copied or heard, in every rendering (HTML, DOCX, PDF). A label
 * that already ends in a colon keeps its own.
 */
export const fieldLabel = (label: string): string => (/[：:]$/.test(label) ? label : `${label}：`);
