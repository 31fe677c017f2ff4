import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished } from '../../../../test/support/factories.ts';
import { internalTargets } from './inspection-repository.ts';

describeEachDialect('what internal links point at', (db) => {
  it('answers for more linked ids than one statement may bind', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '被链接的信息' });
    // 70,000 ids: more than SQLite (32,766) or PostgreSQL (65,535) takes in one statement.
    const many = Array.from({ length: 70_000 }, (_, i) => 10_000_000 + i);
    const found = await internalTargets(deps.db, { itemIds: [...many, item.id], attachmentIds: many, nodeIds: [...many, node], organCodes: [organ.code] });
    expect([...found.items.keys()]).toEqual([item.id]);
    expect(found.attachments.size).toBe(0);
    expect([...found.nodes.keys()]).toEqual([node]);
    expect(found.organCodes).toEqual(new Set([organ.code]));
  }, 60_000);
});
