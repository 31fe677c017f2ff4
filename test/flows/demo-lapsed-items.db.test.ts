import { expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';
import { seedDemo } from '../../src/main/seed-demo.ts';
import { expireLapsedPublications } from '../../src/modules/review/index.ts';

/**
 * An outside citizen tester: items 1021 (施行 2020-11-08) and 1395 (施行 2021-06-07), each 有效期五年 by its
 * own text, showed 有效 in December 2026. The demo gives such items their 有效期至 (ADR 0027); those past it
 * by the demo's last day are 已失效, and the item page says until when it was in force.
 */
describeEachDialect('the demo’s lapsed documents', (db) => {
  it('an item whose 五年 ended says 已失效 with its 有效期至 on its page, and the job finds nothing older left', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    await seedDemo(deps);
    const rows = await deps.db.selectFrom('publications as p').innerJoin('organs as o', 'o.id', 'p.organ_id')
      .select(['p.id', 'p.validity', 'p.valid_through_on', 'p.repealed_on', 'p.lapsed_by_date', 'o.code'])
      .where('p.body_html', 'like', '%自2020年11月8日起施行，有效期五年%').where('p.item_kind', '=', 'document').execute();
    expect(rows.length).toBeGreaterThan(0);
    // Lapsed by its date (migration 069), so a 修订 prolonging it would make it 有效 again.
    for (const r of rows) expect(r).toMatchObject({ validity: 'expired', valid_through_on: '2025-11-07', repealed_on: '2025-11-07', lapsed_by_date: 1 });
    const page = (await app.inject(`/organs/${rows[0].code}/items/${rows[0].id}`)).body;
    expect(page).toContain('有效期至 <span class="nowrap">2025-11-07</span>，已于 <span class="nowrap">2025-11-08</span> 失效。');
    // Nothing the seed left 有效 is past its day on 2026-12-06 but for what ended after the demo's last day.
    const run = await expireLapsedPublications(deps);
    const lapsed = run.expired.length ? await deps.db.selectFrom('publications').select('valid_through_on').where('id', 'in', run.expired).execute() : [];
    for (const r of lapsed) expect(r.valid_through_on! > '2026-11-27' && r.valid_through_on! < '2026-12-06').toBe(true);
    await app.close();
  });
});
