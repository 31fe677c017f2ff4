import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from '../../catalog/index.ts';
import type { Phrase } from '../domain/tokenize.ts';
import type { ChunkRow } from '../domain/index-entry.ts';
import { sqliteFts5Index } from './sqlite-fts5-index.ts';
import { postgresTsvectorIndex } from './postgres-tsvector-index.ts';

export type { ChunkRow };

/** One published item as the index stores it: its chunks with their tokens and what filters need. */
export type IndexedDoc = { publicationId: number; sortKey: number; organId: number; stage: string; genre: string; validity: string; chunks: ChunkRow[] };

/**
 * What must occur in an item: every keyword (any one of its alternative phrases) in the gram
 * tokens — of the title only, if asked — and, if given, any of the word phrases in the word tokens.
 * With no keywords and no word phrases nothing matches.
 */
export type Match = { keywords: Phrase[][]; titleOnly?: boolean; words?: Phrase[] };

/** Which items may answer: some organs (null = all), a stage, genre, validity, a sort-key range, or only these keys. */
export type Scope = { organIds: number[] | null; stage?: string; genre?: string; validity?: string; minKey?: number; maxKey?: number; keys?: number[] | null };

/**
 * The one port over the two full-text engines. Both are fed the tokens the app made
 * (domain/tokenize.ts, domain/word-signal.ts) in the same chunks and answer the same phrase
 * queries — consecutive positions within one chunk, the last token possibly a prefix — so they
 * return the same items, always as sort keys (domain/sort-key.ts), newest first.
 */
export interface FullTextIndex {
  /** Stores items' chunks and tokens (a rebuild passes a whole batch: a few statements, not a few per item). */
  insert(db: Executor, docs: IndexedDoc[]): Promise<void>;
  /** Takes items' tokens out, by their sort keys and the organs they were indexed under (their chunk rows and search_docs rows are the caller's). */
  remove(db: Executor, docs: { sortKey: number; organId: number }[]): Promise<void>;
  /** The newest matching items, at most `limit`, newest first. */
  newest(db: Executor, m: Match, s: Scope, limit: number): Promise<number[]>;
  /**
   * The newest items of the scope, at most `limit`, newest first, with no word asked: a listing by filters alone
   * (docs/search.md, "Filters without a word"). Bounded like `newest`: the filters' tags or the sort key's order are
   * read from the newest end and the reading stops, never every item of the scope sorted. A scope without any filter
   * is the caller's to refuse; here it lists the newest items of the whole index.
   */
  listed(db: Executor, s: Scope, limit: number): Promise<number[]>;
  /** How many items match, counting no further than `cap`. */
  countUpTo(db: Executor, m: Match, s: Scope, cap: number): Promise<number>;
  /** Which of `keys` match. The keys are in the scope already (they came from `newest` or a look-up in it); its filters are not applied again. */
  among(db: Executor, m: Match, s: Scope, keys: number[]): Promise<Set<number>>;
  /**
   * Tidies the index after a rebuild, in short steps (each its own statement, between them
   * `between()` — the caller lets the server answer), so readers and writers wait at most one step.
   * Pass the database, not a transaction.
   */
  compact(db: Executor, between: () => Promise<void>): Promise<void>;
}

/**
 * How SQLite reads a key list: a long one (a catalog node) by key up to `maxSeeks` keys, else by scanning
 * `scanBatch` matches at a time; the many keys of a window asked about (`among`) by the matches of their
 * range, at most `rangeRowsPerKey` a key, and those below the last match read one by one. `organMajor`:
 * whether a search within a few organs reads their key ranges of `search_organ_items` (migration 068)
 * once that table is complete, or the organ tags of `search_items` (false: the way before it).
 */
export type IndexTuning = { maxSeeks: number; scanBatch: number; rangeRowsPerKey: number; organMajor: boolean };
export const DEFAULT_TUNING: IndexTuning = { maxSeeks: 20_000, scanBatch: 5_000, rangeRowsPerKey: 16, organMajor: true };

/**
 * How PostgreSQL lists the newest matches (see `newestAdaptive`): it first checks the scope's newest
 * `probeFirst` items one by one, then goes on checking item by item while that is estimated cheaper
 * than going through the GIN indexes, at most `probeMax` items a step. `probeCost` scales the
 * estimated cost of checking item by item (0: always item by item; Infinity: never);
 * `candidateCost` is what reading one candidate from a GIN index costs against reading one chunk's
 * tokens for a phrase check (about 6 µs against 25 µs here; the tokens are stored out of line).
 */
export type PgTuning = { probeFirst: number; probeMax: number; probeCost: number; candidateCost: number };
export const DEFAULT_PG_TUNING: PgTuning = { probeFirst: 200, probeMax: 20_000, probeCost: 1, candidateCost: 0.25 };

export function fullTextIndexFor(dialect: DialectName, tuning?: IndexTuning | PgTuning): FullTextIndex {
  if (dialect === 'postgres') return postgresTsvectorIndex(tuning && 'probeFirst' in tuning ? tuning : DEFAULT_PG_TUNING);
  return sqliteFts5Index(tuning && 'maxSeeks' in tuning ? tuning : DEFAULT_TUNING);
}
