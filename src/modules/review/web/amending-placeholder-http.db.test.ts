import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';

/**
 * 标记已修改's field showed the demo's 文号 as its placeholder (如 岚建规〔2026〕2号) in every county that installs gongkai:
 * the example is the organ's own latest 文号 (as the item form's 文号 hint), and without one the field says what it takes.
 */
describeEachDialect('the placeholder of 标记已修改’s field', (db) => {
  it('is the organ’s own latest 文号, never the demo’s', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '松河县住房和城乡建设局', shortName: '县住建局' });
      const node = await createNode(deps, organ.id);
      const office = await createStaff(deps, organ.code, 'disclosure_office');
      const session = await loginAs(app, office.username, office.password);
      const item = await createPublished(deps, organ.id, [node], { title: '松河县物业服务收费管理办法', formedOn: '2026-03-02' });
      const placeholder = async () => /<input id="f-amendingId" name="amending" placeholder="([^"]*)"/.exec((await app.inject({ url: `/admin/publications/${item.id}`, cookies: session.cookies })).body)?.[1];
      expect(await placeholder()).toBe('文号、完整标题或信息编号');
      await createPublished(deps, organ.id, [node], { title: '关于修改物业服务收费管理办法的决定', documentNumber: '松建规〔2026〕3号', formedOn: '2026-11-20' });
      expect(await placeholder()).toBe('如 松建规〔2026〕3号');
    } finally {
      await app.close();
    }
  });
});
