import type { ExpectedSpan } from './markup.ts';

/** One labelled case, as stored in cases.jsonl. */
export type CorpusCase = {
  id: string;
  /** Where the text comes from: prose, table (tab-separated rows), or the extracted text of a docx/xlsx/html/pdf. */
  source: 'prose' | 'table' | 'docx' | 'xlsx' | 'html' | 'pdf';
  /** positive: holds findings; negative: must hold none; near_miss: looks like personal data but is not. */
  kind: 'positive' | 'negative' | 'near_miss';
  text: string;
  expected: ExpectedSpan[];
};
