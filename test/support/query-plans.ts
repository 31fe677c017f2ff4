import { CompiledQuery, sql } from 'kysely';
import type { DatabaseHandle } from '../../src/platform/db/connect.ts';

/** The tables that grow with the catalog: no query of a page may read them whole (issue 18). */
export const BIG_TABLES = ['publications', 'publication_placements'];

/**
 * The big tables a query reads whole, by their name or their alias in the query: PostgreSQL's plan
 * with sequential scans disabled (so it scans only where no index can serve the query), SQLite's
 * query plan (a SCAN not using an index).
 */
export async function fullScans(h: DatabaseHandle, text: string, parameters: readonly unknown[]): Promise<string[]> {
  const kysely = h.db;
  if (h.dialect === 'postgres') {
    return kysely.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const r = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]));
      const out: string[] = [];
      const walk = (n: Record<string, unknown>) => {
        if (n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(String(n['Relation Name']))) out.push(`Seq Scan on ${n['Relation Name']}`);
        for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
      };
      walk(((r.rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]).Plan);
      return out;
    });
  }
  const r = await kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]));
  const names = new Set(BIG_TABLES);
  for (const m of text.matchAll(/"(publications|publication_placements)" as "(\w+)"/g)) names.add(m[2]);
  return r.rows.map((x) => x.detail).filter((d) => {
    const m = /^SCAN (\w+)(?: AS (\w+))?(.*)$/.exec(d);
    return !!m && (names.has(m[1]) || (m[2] !== undefined && names.has(m[2]))) && !/USING (COVERING )?INDEX/.test(m[3]);
  });
}
