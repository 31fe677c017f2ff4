import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The visitors of a search term (docs/search.md, "Search terms"): per day, term and scope, how many
 * different visitors searched it (`visitors`) and how many of them found nothing (`zero_visitors`) —
 * each visitor once a day per term, under the scope they first searched it in. Only the numbers are
 * kept; who the visitors were is told apart in memory for the day and never written.
 *
 * Rows counted before this migration hold searches only, and several may have been one person (one
 * visitor loading a page three times made three). Each is given the fewest visitors it can have had:
 * one a day for the term (on its row of the lowest scope id), and one who found nothing on a day some
 * search of it found nothing — so what one person searched on one day is never shown, while a term
 * searched on several days still counts those days.
 */
export const migration: Migration = {
  name: '074-search-term-visitors',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('search_terms').addColumn('visitors', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('search_terms').addColumn('zero_visitors', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await visitorsOfEarlierCounts(db);
  },
};

/** The earlier rows' visitors, as above: one a day per term, one who found nothing where a search found nothing. */
export async function visitorsOfEarlierCounts(db: Kysely<any>) {
  await sql`update search_terms set visitors = 1 where organ_id = (
    select min(s.organ_id) from search_terms s where s.searched_on = search_terms.searched_on and s.term = search_terms.term)`.execute(db);
  await sql`update search_terms set zero_visitors = 1 where zero_results > 0 and organ_id = (
    select min(s.organ_id) from search_terms s where s.searched_on = search_terms.searched_on and s.term = search_terms.term and s.zero_results > 0)`.execute(db);
}
