import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { lastPublishedOnByNode } from './node-supervision-repository.ts';

describeEachDialect('the newest publish date per node', (db) => {
  it('is the same whichever way a node is read (its own few items, or the organ’s items newest first)', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const other = await createOrgan(deps);
    const [busy, stale, small, draftsOnly, empty] = await Promise.all(['工作动态', '历史文件', '通知公告', '草稿栏目', '空白栏目'].map((name) => createNode(deps, organ.id, { name })));
    const otherNode = await createNode(deps, other.id, { name: '工作动态' });
    const publishOn = async (nodes: number[], on: string, organId = organ.id) => {
      const p = await createPublished(deps, organId, nodes);
      await deps.db.updateTable('publications').set({ published_on: on }).where('id', '=', p.id).execute();
    };
    // More than `direct` (3) items in busy and stale; the stale node's newest is older than many of the organ's items.
    for (const on of ['2025-01-05', '2025-03-01', '2025-02-11', '2025-02-20']) await publishOn([stale], on);
    for (const on of ['2026-01-10', '2026-02-01', '2026-03-02', '2026-02-15', '2026-01-20']) await publishOn([busy], on);
    await publishOn([busy, small], '2026-03-05'); // placed in two nodes
    await publishOn([small], '2025-12-31');
    await createDraft(deps, organ.id, [draftsOnly]);
    await createDraft(deps, organ.id, [busy]); // a draft counts for nothing, even the newest
    const withdrawnLater = await createPublished(deps, organ.id, [stale]);
    await deps.db.updateTable('publications').set({ published_on: '2026-03-09', status: 'withdrawn' }).where('id', '=', withdrawnLater.id).execute();
    await publishOn([otherNode], '2026-03-09', other.id); // another organ's item does not count

    const expected = new Map([[busy, '2026-03-05'], [stale, '2025-03-01'], [small, '2026-03-05']]);
    for (const direct of [0, 1, 3, 500]) expect(await lastPublishedOnByNode(deps.db, organ.id, direct)).toEqual(expected);
    expect(empty).toBeGreaterThan(0);
    expect(await lastPublishedOnByNode(deps.db, other.id)).toEqual(new Map([[otherNode, '2026-03-09']]));
  });
});
