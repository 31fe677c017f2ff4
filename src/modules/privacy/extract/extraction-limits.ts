/**
 * Fixed budgets for reading a file's text (issue 10: a 128-byte zip or a 300 KB PDF once held the
 * server for minutes). A file over any of them is reported unreadable — not scanned, never clean.
 * See docs/privacy-scanner.md and docs/security.md.
 */
export type ExtractionLimits = {
  /** Entries a zip-based document (.docx, .xlsx) may list in its central directory. */
  maxZipEntries: number;
  /** Bytes the parts we read may inflate to, declared in the directory and counted while inflating. */
  maxExpandedBytes: number;
  /** Pages of a PDF. */
  maxPdfPages: number;
  /** Characters of extracted text (the scanner reads it all afterwards). */
  maxTextChars: number;
  /** Wall time for one file, measured from when a reader takes it; then the reader is stopped. */
  timeoutMs: number;
  /** JavaScript heap of the reader (worker resourceLimits); beyond it the reader is stopped. */
  maxHeapMb: number;
};

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxZipEntries: 10_000,
  maxExpandedBytes: 64 * 1024 * 1024,
  maxPdfPages: 1_000,
  maxTextChars: 10_000_000,
  timeoutMs: 30_000,
  maxHeapMb: 512,
};

/** Thrown when a file exceeds a budget; its message (Chinese) says which. */
export class ExtractionLimitError extends Error {}

export const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
