import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../../../platform/db/dialect.ts';
import type { Executor } from '../../catalog/index.ts';
import type { Phrase } from '../domain/tokenize.ts';

export type ChunkRow = { publicationId: number; field: 'title' | 'meta' | 'body' | 'attachment'; attachmentId: number | null; seq: number; text: string; grams: string[]; words: string[] };
export type TokenColumn = 'grams' | 'words';

/**
 * The one port over the two full-text engines. Both are fed the tokens the app made
 * (domain/tokenize.ts, domain/word-signal.ts) and answer the same phrase queries — consecutive
 * positions, the last token possibly a prefix — so they match the same chunks.
 */
export interface FullTextIndex {
  /** Stores an item's chunks (search_chunks) with their tokens. */
  insertChunks(db: Executor, rows: ChunkRow[]): Promise<void>;
  remove(db: Executor, chunkIds: number[]): Promise<void>;
  /** `select publication_id` of chunks where any of the phrases occurs in the column (and the chunk is a title, if asked). */
  matching(column: TokenColumn, phrases: Phrase[], opts?: MatchOptions): RawBuilder<{ publication_id: number }>;
}

/** titleOnly: only title chunks; within: only chunks of these items (the ranking's candidates). */
export type MatchOptions = { titleOnly?: boolean; within?: number[] };

const extra = (opts: MatchOptions) => {
  const parts = [];
  if (opts.titleOnly) parts.push(sql`and c.field = 'title'`);
  if (opts.within) parts.push(sql`and c.publication_id in (${sql.join(opts.within.length ? opts.within : [-1])})`);
  return sql.join(parts, sql` `);
};

export function fullTextIndexFor(dialect: DialectName): FullTextIndex {
  return dialect === 'postgres' ? postgresTsvector : sqliteFts5;
}

// Tokens hold letters and digits only (domain/tokenize.ts), so quoting them is safe in both syntaxes.
const assertToken = (t: string) => {
  if (!/^[\p{L}\p{N}]+$/u.test(t)) throw new Error(`非法检索词元：${t}`);
  return t;
};

/** SQLite FTS5, contentless, rowid = chunk id; `"a b c"*` is a phrase whose last token is a prefix. */
const sqliteFts5: FullTextIndex = {
  async insertChunks(db, rows) {
    const fts = [];
    for (const r of rows) {
      const { id } = await db.insertInto('search_chunks')
        .values({ publication_id: r.publicationId, field: r.field, attachment_id: r.attachmentId, seq: r.seq, text: r.text }).returning('id').executeTakeFirstOrThrow();
      fts.push(sql`(${Number(id)}, ${r.grams.join(' ')}, ${r.words.join(' ')})`);
    }
    if (fts.length) await sql`insert into search_fts (rowid, grams, words) values ${sql.join(fts)}`.execute(db);
  },
  async remove(db, chunkIds) {
    for (let i = 0; i < chunkIds.length; i += 500) {
      const ids = chunkIds.slice(i, i + 500);
      await sql`delete from search_fts where rowid in (${sql.join(ids)})`.execute(db);
    }
  },
  matching(column, phrases, opts = {}) {
    const expr = phrases.map((p) => `"${p.tokens.map(assertToken).join(' ')}"${p.prefixLast ? '*' : ''}`).join(' OR ');
    const match = `${column} : (${expr})`;
    return sql`select c.publication_id from search_fts f join search_chunks c on c.id = f.rowid where search_fts match ${match} ${extra(opts)}`;
  },
};

/** A tsvector literal with our own positions (1-based; chunks stay under PostgreSQL's 16,383). */
export function tsvectorLiteral(tokens: string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t) ?? [];
    if (list.length < 256) list.push(i + 1); // tsvector keeps at most 256 positions per lexeme
    positions.set(assertToken(t), list);
  });
  return [...positions].map(([t, ps]) => `'${t}':${ps.join(',')}`).join(' ');
}

const tsquery = (phrases: Phrase[]) =>
  phrases.map((p) => `(${p.tokens.map((t, i) => `'${assertToken(t)}'${p.prefixLast && i === p.tokens.length - 1 ? ':*' : ''}`).join(' <-> ')})`).join(' | ');

/** PostgreSQL tsvector + GIN: the literal is cast as is, never parsed by a text-search configuration. */
const postgresTsvector: FullTextIndex = {
  async insertChunks(db, rows) {
    if (!rows.length) return;
    const values = rows.map((r) => sql`(${r.publicationId}, ${r.field}, ${r.attachmentId}, ${r.seq}, ${r.text}, ${tsvectorLiteral(r.grams)}::tsvector, ${tsvectorLiteral(r.words)}::tsvector)`);
    await sql`insert into search_chunks (publication_id, field, attachment_id, seq, text, grams, words) values ${sql.join(values)}`.execute(db);
  },
  async remove() {
    // The tokens live in the chunk rows, which the caller deletes.
  },
  matching(column, phrases, opts = {}) {
    const q = tsquery(phrases);
    const col = sql.ref(`c.${column}`);
    return sql`select c.publication_id from search_chunks c where ${col} @@ ${q}::tsquery ${extra(opts)}`;
  },
};
