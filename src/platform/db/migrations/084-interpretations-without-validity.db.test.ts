import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildDeps, createNode, createOrgan, createPublished, publicationInput } from '../../../../test/support/factories.ts';
import { clearInterpretationValidity } from './084-interpretations-without-validity.ts';

describeEachDialect('migration 084: a 政策解读 carries no 效力 of its own', (db) => {
  it('makes an interpretation marked 已废止, 已修改 or 已失效 before the rule 有效 with no 有效期至, in the catalog and the search facet; documents unchanged', async () => {
    const deps = buildDeps(db(), '2026-12-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const policy = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法' });
    const interpretation = (title: string) => createPublished(deps, organ.id, [node], publicationInput([node], { title, itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id] }));
    const repealed = await interpretation('解读甲');
    const lapsed = await interpretation('解读乙');
    const inForce = await interpretation('解读丙');
    const repealedDoc = await createPublished(deps, organ.id, [node], { title: '办法丁', validity: 'repealed' });
    // The rows as the portal and the review left them before the rule.
    await deps.db.updateTable('publications').set({ validity: 'repealed', repealed_on: '2026-11-02' }).where('id', '=', repealed.id).execute();
    await deps.db.updateTable('publications').set({ validity: 'expired', valid_through_on: '2026-06-06', repealed_on: '2026-06-06', lapsed_by_date: 1 }).where('id', '=', lapsed.id).execute();
    await deps.db.updateTable('search_docs').set({ validity: 'repealed' }).where('publication_id', '=', repealed.id).execute();

    expect(await clearInterpretationValidity(deps.db)).toBe(2);
    const rows = await deps.db.selectFrom('publications').select(['id', 'validity', 'valid_through_on', 'repealed_on', 'lapsed_by_date'])
      .where('id', 'in', [repealed.id, lapsed.id, inForce.id, repealedDoc.id]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: repealed.id, validity: 'valid', valid_through_on: null, repealed_on: null, lapsed_by_date: 0 },
      { id: lapsed.id, validity: 'valid', valid_through_on: null, repealed_on: null, lapsed_by_date: 0 },
      { id: inForce.id, validity: 'valid', valid_through_on: null, repealed_on: null, lapsed_by_date: 0 },
      { id: repealedDoc.id, validity: 'repealed', valid_through_on: null, repealed_on: null, lapsed_by_date: 0 },
    ]);
    const facet = await deps.db.selectFrom('search_docs').select('validity').where('publication_id', '=', repealed.id).executeTakeFirst();
    expect(facet?.validity ?? 'valid').toBe('valid');
    expect(await clearInterpretationValidity(deps.db)).toBe(0);
  });
});
