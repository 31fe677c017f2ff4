import type { FindingType } from '../../../src/modules/privacy/domain/finding.ts';

export type ExpectedSpan = { type: FindingType; start: number; end: number; text: string };

/**
 * Corpus cases are written with the expected findings marked inline: `身份证号⟦id_card|341525…⟧`.
 * Returns the plain text and the exact spans.
 */
export function parseMarkup(marked: string): { text: string; expected: ExpectedSpan[] } {
  let text = '';
  const expected: ExpectedSpan[] = [];
  const re = /⟦([a-z_]+)\|([^⟧]*)⟧/g;
  let at = 0;
  for (let m = re.exec(marked); m; m = re.exec(marked)) {
    text += marked.slice(at, m.index);
    const start = text.length;
    text += m[2];
    expected.push({ type: m[1] as FindingType, start, end: text.length, text: m[2] });
    at = m.index + m[0].length;
  }
  text += marked.slice(at);
  if (text.includes('⟦') || text.includes('⟧')) throw new Error(`unbalanced markup: ${marked}`);
  return { text, expected };
}

/** Marks a value: `mark('id_card', id)` → `⟦id_card|…⟧`. */
export const mark = (type: FindingType, value: string): string => `⟦${type}|${value}⟧`;

/** Finds planted values in text extracted from a document, in order. */
export function locate(text: string, planted: { type: FindingType; value: string }[]): ExpectedSpan[] {
  let from = 0;
  return planted.map(({ type, value }) => {
    const start = text.indexOf(value, from);
    if (start === -1) throw new Error(`planted value ${value} not found in extracted text`);
    from = start + value.length;
    return { type, start, end: start + value.length, text: value };
  });
}
