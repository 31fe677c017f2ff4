import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { publishedIds } from './search-repository.ts';

describeEachDialect('the items a rebuild indexes', (db) => {
  it('come oldest published first, so the index rows of items near in time are stored near each other', async () => {
    const deps = buildDeps(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const newest = await createPublished(deps, organ.id, [node]);
    deps.clock.set('2026-03-02T02:00:00Z'); // published later in id order, earlier in time (an import of old items)
    const oldest = await createPublished(deps, organ.id, [node]);
    const sameDayAsOldest = await createPublished(deps, organ.id, [node]);
    deps.clock.set('2026-03-05T02:00:00Z');
    const middle = await createPublished(deps, organ.id, [node]);
    expect(await publishedIds(deps.db, [organ.id])).toEqual([oldest.id, sameDayAsOldest.id, middle.id, newest.id]);
  });
});
