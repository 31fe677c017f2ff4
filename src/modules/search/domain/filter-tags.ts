/**
 * The filter values of an item as index tokens (SQLite adds them to each FTS5 row), so a search
 * limited to some organs or a 五公开 stage, 体裁 or validity is answered inside the full-text index,
 * newest first, without reading every match. A tag starts with a private-use character, which the
 * query tokenizer never produces (domain/tokenize.ts keeps letters and digits only), so no search
 * words can match a tag; then a letter for the kind and the value (strings as UTF-8 hex).
 */
const TAG = '\uE001';
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

export const organTag = (organId: number) => `${TAG}o${organId}`;
export const stageTag = (stage: string) => `${TAG}s${hex(stage)}`;
export const genreTag = (genre: string) => `${TAG}g${hex(genre)}`;
export const validityTag = (validity: string) => `${TAG}v${hex(validity)}`;

export const tagsOf = (doc: { organId: number; stage: string; genre: string; validity: string }): string[] =>
  [organTag(doc.organId), stageTag(doc.stage), genreTag(doc.genre), validityTag(doc.validity)];
