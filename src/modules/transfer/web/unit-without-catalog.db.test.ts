import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';

/**
 * Noticed at an earlier stop: /admin/transfer leaves out units without a catalog, but their own address
 * /admin/organs/<unit>/transfer still showed the import form, whose every row must fail (an item needs a
 * catalog node of its organ). The page now says where the unit's items are published and links the
 * organ's 导入与导出; an import posted there anyway is refused with a stable code and writes nothing.
 */
describeEachDialect('导入导出: a unit without catalog', (db) => {
  it('shows no import form, points to its organ, and refuses an import', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      await createNode(deps, organ.id, { name: '政策文件' });
      const unit = await createOrgan(deps, { parentCode: organ.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
      const admin = await createStaff(deps, organ.code, 'organ_admin');
      const s = await loginAs(app, admin.username, admin.password);

      const page = await app.inject({ url: `/admin/organs/${unit.code}/transfer`, cookies: s.cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`action="/admin/organs/${unit.code}/transfer/import"`);
      expect(page.body).toContain('没有自己的公开目录');
      expect(page.body).toContain(`<a href="/admin/organs/${organ.code}/transfer">青岚县住房和城乡建设局的导入与导出</a>`);

      const form = multipartForm([
        { name: '_csrf', value: s.csrf }, { name: 'mode', value: 'draft' },
        { name: 'file', value: '标题,目录\r\n测试信息,政策文件\r\n', fileName: 'items.csv' },
      ]);
      const refused = await app.inject({ method: 'POST', url: `/admin/organs/${unit.code}/transfer/import`, cookies: s.cookies, ...form });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('没有自己的公开目录');
      const written = await deps.db.selectFrom('publications').select('id').where('organ_id', '=', unit.id).execute();
      expect(written).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
