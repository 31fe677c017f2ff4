import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, loginAs } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { createStaff } from '../support/factories.ts';
import { seedDemo, seedDemoSearchLog } from '../../src/main/seed-demo.ts';
import { reindex } from '../../src/modules/search/index.ts';

/**
 * An officer trying the demo opened 检索统计 and found it empty: a term shows only once 3 readers searched it, and the
 * demo had no searches. The seed now runs a quarter's searches of the demo's readers against its index and counts
 * them through the portal's own counter, so the page shows what is searched most and what found nothing — the latter
 * only terms the demo's items really do not answer.
 */
describeEachDialect('the demo’s search log', (db) => {
  it('fills 检索统计 with what readers searched, through the portal’s counter, with real 无结果 terms', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-07T02:00:00Z');
    try {
      await seedDemo(deps);
      await reindex(deps);
      const seeded = await seedDemoSearchLog(deps);
      expect(seeded.searches).toBeGreaterThan(1000);
      const staff = await createStaff(deps, 'qlx-zjj', 'disclosure_office');
      const { cookies } = await loginAs(app, staff.username, staff.password);
      const table = (body: string, id: string) => {
        const html = new RegExp(`<table class="list" id="${id}">[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
        return [...html.matchAll(/<tr><td>([^<]*)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g)].map((m) => ({ term: m[1], visitors: Number(m[2]), zeroVisitors: Number(m[3]), searches: Number(m[4]) }));
      };
      for (const days of [7, 30, 90]) {
        const res = await app.inject({ url: `/admin/search-terms?days=${days}&organ=all`, cookies });
        expect(res.statusCode).toBe(200);
        const popular = table(res.body, 'search-terms-popular');
        expect(popular.length, `${days} days`).toBeGreaterThan(5);
        for (const r of popular) {
          expect(r.visitors).toBeGreaterThanOrEqual(3);
          expect(r.searches).toBeGreaterThanOrEqual(r.visitors); // a reader searching again is one reader
        }
        if (days >= 30) expect(popular.some((r) => r.searches > r.visitors)).toBe(true);
        const zero = table(res.body, 'search-terms-zero');
        expect(zero.length, `${days} days`).toBeGreaterThan(0);
        // Each 无结果 term finds nothing on the portal's search indeed.
        for (const r of zero) expect((await app.inject(`/search?q=${encodeURIComponent(r.term)}`)).body, r.term).not.toMatch(/共找到 [1-9]/);
      }
      // The most searched term finds items.
      const top = table((await app.inject({ url: '/admin/search-terms?days=90&organ=all', cookies })).body, 'search-terms-popular')[0];
      expect((await app.inject(`/search?q=${encodeURIComponent(top.term)}`)).body).toMatch(/共找到 [1-9]/);
    } finally {
      await app.close();
    }
  }, 300_000); // the whole demo seeded and indexed
});

/**
 * The start said `已载入演示检索记录：…` even when the counter's write failed (it logs the error and keeps the counts for
 * a retry): the search log is now said to be loaded only once written, and a failed write stops the step.
 */
describeEachDialect('the demo’s search log that cannot be written', (db) => {
  it('is refused with its code, not said to be loaded', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-07T02:00:00Z');
    try {
      await seedDemo(deps);
      await reindex(deps);
      await sql`alter table search_terms rename to search_terms_away`.execute(deps.db);
      await expect(seedDemoSearchLog(deps)).rejects.toMatchObject({ code: 'ERR_DEMO_SEARCH_LOG_NOT_WRITTEN' });
    } finally {
      await app.close();
    }
  }, 300_000);
});
