import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildDeps, createDraft, createNode, createOrgan, system } from '../support/factories.ts';
import { pageForStaff } from '../../src/modules/catalog/index.ts';
import { listWork } from '../../src/modules/applications/index.ts';
import { registerInPerson } from '../../src/modules/applications/testing/application-factories.ts';

// Issue 10: staff search escaped % and _ without an ESCAPE clause, so a search for “%” found nothing.
describeEachDialect('searching staff lists for % and _', (db) => {
  it('finds titles containing a literal % or _ and nothing else', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const percent = await createDraft(deps, organ.id, [node], { title: '棚户区改造完成率100%的通报' });
    const underscore = await createDraft(deps, organ.id, [node], { title: '附件名称为project_list的说明' });
    await createDraft(deps, organ.id, [node], { title: '关于开展扬尘治理的通知' });
    const titles = async (q: string) => (await pageForStaff(deps.db, { organIds: [organ.id], q, page: 1, pageSize: 30 })).items.map((i) => i.id);
    expect(await titles('%')).toEqual([percent.id]);
    expect(await titles('_')).toEqual([underscore.id]);
    expect(await titles('100%的')).toEqual([percent.id]);
    expect(await titles('\\')).toEqual([]);
  });

  it('finds applications whose subject contains a literal % and nothing else', async () => {
    const deps = buildDeps(db());
    const organ = await createOrgan(deps);
    const a = await registerInPerson(deps, system, organ.id, '2026-03-09', { subject: '申请公开保障房分配率达到95%的依据' });
    await registerInPerson(deps, system, organ.id, '2026-03-09', { subject: '申请公开老旧小区改造资金安排' });
    expect((await listWork(deps, [organ.id], 'all', { q: '%' })).items.map((x) => x.id)).toEqual([a.id]);
    expect((await listWork(deps, [organ.id], 'all', { q: '_' })).items).toEqual([]);
  });
});
