import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Escapes LIKE's wildcards (and the escape character itself) so the text matches literally. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `column LIKE '%text%' ESCAPE '\'`: the column contains the text, `%` and `_` included. The ESCAPE
 * clause is needed on SQLite, which has no default escape character (PostgreSQL's is `\`).
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(text)}%`} escape '\\'`;
}
