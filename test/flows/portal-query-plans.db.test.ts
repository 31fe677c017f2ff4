import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../support/factories.ts';
import { buildApp } from '../../src/main/build-app.ts';
import { BIG_TABLES, fullScans } from '../support/query-plans.ts';

/**
 * Issue 18: every query of a public page uses an index on the tables that grow with the catalog —
 * none reads the whole of `publications` or `publication_placements`. Each page's queries are
 * captured as they run and explained on both databases (PostgreSQL with sequential scans disabled,
 * so a plan still scans only where no index can serve the query).
 */
describeEachDialect('query plans of the public pages', (db) => {
  it('use an index on the big tables for every query', async () => {
    const seen: { node: RootOperationNode; queryId: QueryId }[] = [];
    const capture: KyselyPlugin = { transformQuery: (a) => { seen.push({ node: a.node, queryId: a.queryId }); return a.node; }, transformResult: async (a) => a.result };
    const base = buildDeps(db());
    const kysely = db().db;
    const app = await buildApp({ ...base, db: kysely.withPlugin(capture) }, { publicUrl: null });
    try {
      const organ = await createOrgan(base);
      const root = await createNode(base, organ.id);
      const child = await createNode(base, organ.id, { parentId: root });
      let last = 0;
      for (let i = 0; i < 6; i++) last = (await createPublished(base, organ.id, [i % 2 ? child : root])).id;
      // A unit without a catalog: its home, catalog (paged, its second page too) and feed list the organ's items it submitted (报送单位).
      const unit = await createOrgan(base, { kind: 'unit', parentCode: organ.code });
      for (let i = 0; i < 22; i++) await createPublished(base, organ.id, [root], { submittingUnitCode: unit.code });
      const pages = ['/', '/organs', `/organs/${organ.code}`, `/organs/${organ.code}/catalog`, `/organs/${organ.code}/catalog/${root}`,
        `/organs/${unit.code}`, `/organs/${unit.code}/catalog`, `/organs/${unit.code}/catalog?page=2`, `/organs/${unit.code}/feed.atom`,
        `/organs/${organ.code}/items/${last}`, `/organs/${organ.code}/feed.atom`, `/organs/${organ.code}/guide`, '/sitemap.xml'];
      const full: string[] = [];
      let explained = 0;
      for (const url of pages) {
        seen.length = 0;
        expect((await app.inject({ url })).statusCode, url).toBe(200);
        for (const q of [...seen]) {
          if (q.node.kind !== 'SelectQueryNode') continue;
          const compiled = kysely.getExecutor().compileQuery(q.node, q.queryId);
          if (!BIG_TABLES.some((t) => compiled.sql.includes(`"${t}"`))) continue;
          explained++;
          for (const scan of await fullScans(db(), compiled.sql, compiled.parameters)) full.push(`${url}: ${scan} in ${compiled.sql}`);
        }
      }
      console.log(`query plans [${db().dialect}]: ${explained} queries on the big tables explained over ${pages.length} pages, ${full.length} full scans`);
      expect(explained).toBeGreaterThan(pages.length);
      expect(full).toEqual([]);
      // The check sees a full scan when there is one (no index on a title).
      expect(await fullScans(db(), 'select "p"."id" from "publications" as "p" where "p"."title" = $1'.replace('$1', db().dialect === 'postgres' ? '$1' : '?'), ['x'])).not.toEqual([]);
    } finally {
      await app.close();
    }
  });
});
