import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';

/**
 * Found by an outside tester: 标记已修改 took a 文号, a title or a 编号, while 标记废止's 替代文件 took only the numeric 编号
 * (替代文件编号应为本平台的信息编号（数字）) — a number the portal never shows; it shows the 索引号. Both now take the same.
 */
describeEachDialect('标记废止 names its 替代文件 as 标记已修改 names its amending document', (db) => {
  it('by 索引号, 文号 or title; several found are listed to choose from', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水管理办法', formedOn: '2024-06-10' });
      const newer = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法', formedOn: '2024-09-01' });
      const twinA = await createPublished(deps, organ.id, [node], { title: '关于排水的通知', formedOn: '2024-09-02' });
      const twinB = await createPublished(deps, organ.id, [node], { title: '关于排水的通知', formedOn: '2024-09-03' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const verb = async (payload: Record<string, string>) => {
        const res = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/repeal`, cookies: s.cookies, payload: { _csrf: s.csrf, ...payload } });
        const flash = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
        const page = res.statusCode === 303 ? (await app.inject({ url: `/admin/publications/${item.id}`, cookies: { ...s.cookies, ...flash } })).body : res.body;
        return page.replace(/<[^>]+>/g, '');
      };
      const ambiguous = await verb({ replacedById: '关于排水的通知' });
      expect(ambiguous).toContain('“关于排水的通知”对应多份文件，请填写其中一份的编号：');
      expect(ambiguous).toContain(`${twinA.id}（索引号 ${twinA.indexNumber}`);
      expect(ambiguous).toContain(`${twinB.id}（索引号 ${twinB.indexNumber}`);
      // The confirmation page names the document the 索引号 found.
      expect(await verb({ replacedById: newer.indexNumber! })).toContain('青岚县城镇排水与污水处理管理办法');
      await verb({ replacedById: newer.indexNumber!, confirm: '1' });
      const repealed = await findPublication(deps.db, item.id);
      expect([repealed?.validity, repealed?.replacedById]).toEqual(['repealed', newer.id]);
    } finally {
      await app.close();
    }
  });
});
