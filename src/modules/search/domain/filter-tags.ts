/**
 * The filter values of an item as index tokens (SQLite keeps them in the FTS5 row's `tags`
 * column), so a search limited to some organs or a 五公开 stage, 体裁 or validity is answered
 * inside the full-text index, newest first, without reading every match. Values become letters and
 * digits only: a prefix for the kind, then the value's UTF-8 bytes in hex.
 */
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

export const organTag = (organId: number) => `o${organId}`;
export const stageTag = (stage: string) => `s${hex(stage)}`;
export const genreTag = (genre: string) => `g${hex(genre)}`;
export const validityTag = (validity: string) => `v${hex(validity)}`;

export const tagsOf = (doc: { organId: number; stage: string; genre: string; validity: string }): string[] =>
  [organTag(doc.organId), stageTag(doc.stage), genreTag(doc.genre), validityTag(doc.validity)];
