import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan } from '../../../../test/support/factories.ts';

/**
 * An item must go in at least one catalog node. The 工作台 offers no 新建信息 for an organ without one,
 * but the form's address still opened a form whose save could only fail (请至少选择一个目录栏目): it now
 * says at the 目录栏目 why, and who can build the catalog.
 */
describeEachDialect('the new-item form of an organ without a catalog', (db) => {
  it('says where the 目录栏目 would be that the organ has none yet, and who builds them', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    for (const [role, words] of [['editor', '机关管理员建立目录后'], ['organ_admin', `href="/admin/organs/${organ.code}/catalog"`]] as const) {
      const who = await createActor(deps, organ.code, role);
      const session = await loginAs(app, who.username, who.password);
      const page = (await app.inject({ url: `/admin/organs/${organ.code}/publications/new`, cookies: session.cookies })).body;
      const fieldset = /<fieldset id="f-nodeIds"[\s\S]*?<\/fieldset>/.exec(page)?.[0] ?? '';
      expect(fieldset, role).toContain('还没有目录栏目');
      expect(fieldset, role).toContain(words);
    }
    await app.close();
  });
});
