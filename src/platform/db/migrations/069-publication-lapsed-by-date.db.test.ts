import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { markLapsedByDate } from './069-publication-lapsed-by-date.ts';

describeEachDialect('migration 069: which items already 已失效 lapsed by their date', (db) => {
  it('marks the items whose end is their 有效期至 (the lapse job’s and the demo’s), not an officer’s 已失效 or a repeal', async () => {
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const make = (title: string, validity: string, validThroughOn: string | null, repealedOn: string | null) =>
      createPublished(deps, organ.id, [node], { title, formedOn: '2021-06-07', validThroughOn: '2031-06-06' }).then(async (p) => {
        // The row as a database before 069 holds it.
        await deps.db.updateTable('publications').set({ validity, valid_through_on: validThroughOn, repealed_on: repealedOn, lapsed_by_date: 0 }).where('id', '=', p.id).execute();
        return p.id;
      });
    const byJob = await make('办法癸一', 'expired', '2026-06-06', '2026-06-06');
    const byOfficer = await make('办法癸二', 'expired', '2026-06-06', null);
    const byOfficerNoDate = await make('办法癸三', 'expired', null, null);
    const repealed = await make('办法癸四', 'repealed', '2026-06-06', '2026-06-06');
    await markLapsedByDate(deps.db);
    const flags = new Map((await deps.db.selectFrom('publications').select(['id', 'lapsed_by_date']).execute()).map((r) => [r.id, r.lapsed_by_date]));
    expect([byJob, byOfficer, byOfficerNoDate, repealed].map((id) => flags.get(id))).toEqual([1, 0, 0, 0]);
  });
});
