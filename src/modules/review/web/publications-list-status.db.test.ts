import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';

describeEachDialect('信息管理 filtered by state', (db) => {
  it('lists only the items in the chosen state, for every state the 状态 box offers', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const inReview = await createDraft(deps, organ.id, [node], { title: '审核中的通知' });
    await deps.db.updateTable('publications').set({ status: 'in_review' }).where('id', '=', inReview.id).execute();
    await createPublished(deps, organ.id, [node], { title: '已发布的通知' });
    const staff = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies } = await loginAs(app, staff.username, staff.password);
    const list = async (status: string) => (await app.inject({ url: `/admin/publications?organ=${organ.code}&status=${status}`, cookies })).body;
    const page = await list('in_review');
    expect(page).toContain('审核中的通知');
    expect(page).not.toContain('已发布的通知');
    expect(page).toMatch(/<option value="in_review" selected/);
    expect(await list('scheduled')).not.toContain('的通知');
    await app.close();
  });
});
