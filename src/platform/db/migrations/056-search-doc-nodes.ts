import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * SQLite: the catalog nodes of each indexed item under its sort key (issue 13; docs/search.md, "Speed").
 * A search counts its 目录栏目 facet over its newest 1,000 matches; their nodes were read from
 * `publication_placements` by publication id, a page apiece wherever ids and publication days do not
 * follow each other (an imported archive, the benchmark's corpus): 10.6 ms for 1,000 matches at
 * 1,000,000 items on a fresh connection, the largest part of the facet read once the other facets came
 * from the sort-key index of 055. In sort-key order the newest matches' nodes lie on a few pages.
 *
 * The table is a copy kept by triggers, so the areas that place items (catalog: creating, editing and
 * moving items between nodes) and the index that writes `search_docs` need not know of it: a row for
 * each placement of an item that has a `search_docs` row. Filled here from the rows already indexed
 * (no rebuild). PostgreSQL reads the nodes by id as before, so it has no such table.
 */
export const migration: Migration = {
  name: '056-search-doc-nodes',
  async up(db: Kysely<any>, { dialect }) {
    if (dialect !== 'sqlite') return;
    await sql`create table search_doc_nodes (sort_key integer not null, node_id integer not null, primary key (sort_key, node_id)) without rowid`.execute(db);
    await sql`insert or ignore into search_doc_nodes (sort_key, node_id)
      select d.sort_key, p.node_id from search_docs d join publication_placements p on p.publication_id = d.publication_id`.execute(db);
    await sql`create trigger search_doc_nodes_doc_in after insert on search_docs begin
      insert or ignore into search_doc_nodes (sort_key, node_id) select new.sort_key, p.node_id from publication_placements p where p.publication_id = new.publication_id;
    end`.execute(db);
    await sql`create trigger search_doc_nodes_doc_out after delete on search_docs begin
      delete from search_doc_nodes where sort_key = old.sort_key;
    end`.execute(db);
    await sql`create trigger search_doc_nodes_doc_change after update of sort_key, publication_id on search_docs begin
      delete from search_doc_nodes where sort_key = old.sort_key;
      insert or ignore into search_doc_nodes (sort_key, node_id) select new.sort_key, p.node_id from publication_placements p where p.publication_id = new.publication_id;
    end`.execute(db);
    await sql`create trigger search_doc_nodes_placed after insert on publication_placements begin
      insert or ignore into search_doc_nodes (sort_key, node_id) select d.sort_key, new.node_id from search_docs d where d.publication_id = new.publication_id;
    end`.execute(db);
    await sql`create trigger search_doc_nodes_unplaced after delete on publication_placements begin
      delete from search_doc_nodes where node_id = old.node_id and sort_key in (select d.sort_key from search_docs d where d.publication_id = old.publication_id);
    end`.execute(db);
    await sql`create trigger search_doc_nodes_replaced after update on publication_placements begin
      delete from search_doc_nodes where node_id = old.node_id and sort_key in (select d.sort_key from search_docs d where d.publication_id = old.publication_id);
      insert or ignore into search_doc_nodes (sort_key, node_id) select d.sort_key, new.node_id from search_docs d where d.publication_id = new.publication_id;
    end`.execute(db);
  },
};
