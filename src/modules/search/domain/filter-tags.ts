/**
 * The filter values of an item as index tokens (SQLite adds them to each FTS5 row, PostgreSQL to each
 * item's pieces row, migration 044), so a search
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

/** The filters of a search's scope: any of some organs (null = all), a stage, 体裁, validity. */
export type TagFilters = { organIds: number[] | null; stage?: string; genre?: string; validity?: string };

/**
 * What an item's tags must hold for the item to be in the scope, as a conjunction of alternatives:
 * one of the organs, and the stage, 体裁 and 效力 asked (each engine writes it in its own syntax).
 */
export function scopeTags(s: TagFilters): string[][] {
  const all: string[][] = [];
  if (s.organIds) all.push(s.organIds.map(organTag));
  if (s.stage) all.push([stageTag(s.stage)]);
  if (s.genre) all.push([genreTag(s.genre)]);
  if (s.validity) all.push([validityTag(s.validity)]);
  return all;
}

/** Whether a token is a tag as made here (the one shape a tag has, checked before it is written into a query). */
export const isTag = (t: string) => /^\uE001[osgv][0-9a-f]*$/.test(t);
