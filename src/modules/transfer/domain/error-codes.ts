/** Stable error codes of content import and export (docs/errors.md). */
export const TransferErrorCode = {
  /** The item file cannot be read at all (a broken .xlsx, an unclosed CSV quote, not JSON). */
  fileUnreadable: 'ERR_TRANSFER_FILE_UNREADABLE',
  /** Rows of the item file are refused; every one is listed in `reasons`, and nothing was imported. */
  importInvalid: 'ERR_TRANSFER_IMPORT_INVALID',
  /** The attachments folder or ZIP named for an import cannot be read. */
  attachmentsUnreadable: 'ERR_TRANSFER_ATTACHMENTS_UNREADABLE',
  /** An export was asked in a format other than json, csv or xlsx. */
  exportFormat: 'ERR_TRANSFER_EXPORT_FORMAT',
} as const;
