import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { updatePublication } from '../../catalog/index.ts';

describeEachDialect('two officers editing one draft', (db) => {
  it('tells the second how to keep the work the form still holds, not to refresh (which would throw it away)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const draft = await createDraft(deps, organ.id, [node], { title: '关于城区停水的通知' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const mine = await loginAs(app, officer.username, officer.password);
    // Someone else saves first.
    await updatePublication(deps, system, draft.id, publicationInput([node], { title: '关于城区停水的通知（修改）' }), draft.version);
    const { nodeIds, ...fields } = publicationInput([node], { title: '我改过的标题：关于城区停水时间调整的通知' });
    const res = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}`, cookies: mine.cookies,
      payload: new URLSearchParams({ ...fields, nodeIds: String(nodeIds[0]), expectedVersion: String(draft.version), _csrf: mine.csrf } as Record<string, string>).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('我改过的标题：关于城区停水时间调整的通知');
    expect(res.body).toContain('您的修改还没有保存');
    expect(res.body).toContain(`href="/admin/publications/${draft.id}" target="_blank"`);
    expect(res.body).not.toContain('请刷新');
  });
});
