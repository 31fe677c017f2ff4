/** What both full-text engines share: checked tokens, the chunk rows (texts for snippets, tokens on PostgreSQL), and when nothing can match. */
import { sql } from 'kysely';
import type { Executor } from '../../catalog/index.ts';
import type { IndexedDoc, Match, Scope } from './full-text-index.ts';

// Tokens hold letters and digits only (domain/tokenize.ts), so quoting them is safe in both syntaxes.
export const assertToken = (t: string) => {
  if (!/^[\p{L}\p{N}]+$/u.test(t)) throw new Error(`非法检索词元：${t}`);
  return t;
};

export const splitTokens = (tokens: string) => (tokens ? tokens.split(' ') : []);

/** Nothing can match: nothing asked, or an empty organ or key list, or an empty word list. */
export const empty = (m: Match, s: Scope) => (!m.keywords.length && !m.words) || s.organIds?.length === 0 || s.keys?.length === 0 || (m.words !== undefined && !m.words.length);

/** The chunks' texts (for snippets), with their tsvectors on PostgreSQL, in statements of up to 500 rows. */
export async function insertChunkTexts(db: Executor, docs: IndexedDoc[], withTokens: boolean): Promise<void> {
  const all = docs.flatMap((doc) => doc.chunks.map((c) => ({ publicationId: doc.publicationId, c })));
  for (let i = 0; i < all.length; i += 500) {
    const rows = all.slice(i, i + 500).map(({ publicationId, c }) => withTokens
      ? sql`(${publicationId}, ${c.field}, ${c.attachmentId}, ${c.seq}, ${c.text}, ${tsvectorLiteral(splitTokens(c.grams))}::tsvector, ${tsvectorLiteral(splitTokens(c.words))}::tsvector)`
      : sql`(${publicationId}, ${c.field}, ${c.attachmentId}, ${c.seq}, ${c.text})`);
    if (withTokens) await sql`insert into search_chunks (publication_id, field, attachment_id, seq, text, grams, words) values ${sql.join(rows)}`.execute(db);
    else await sql`insert into search_chunks (publication_id, field, attachment_id, seq, text) values ${sql.join(rows)}`.execute(db);
  }
}

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

