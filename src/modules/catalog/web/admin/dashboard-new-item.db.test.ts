import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createNode, createOrgan, createStaff } from '../../../../../test/support/factories.ts';

/**
 * Found by an outside tester: on a unit 信息员's 工作台 the unit's own row offered 新建信息 for the unit,
 * which has no catalog nodes — the form's required 目录栏目 had no choice and 保存草稿 always failed with
 * 请至少选择一个目录栏目 — and so did 信息管理's 在以下机关新建信息; the row's 栏目责任与更新周期 and 政策解读
 * said 本机关还没有目录栏目 and 放在（未选择任何栏目）中的有效文件. 新建信息 is offered only where an item has a
 * catalog node to go in; a unit without catalog says where its items go instead.
 */
describeEachDialect('新建信息 only where there is a catalog node to put the item in', (db) => {
  it('offers a unit’s 信息员 新建信息 on the bureau, submitted by the unit, and none on the unit without catalog', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      await createNode(deps, bureau.id, { name: '工作动态' });
      const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
      const clerk = await createStaff(deps, unit.code, 'editor');
      const { cookies } = await loginAs(app, clerk.username, clerk.password);
      const home = (await app.inject({ url: '/admin', cookies })).body;
      const unitRow = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?房地产市场监管股<\/a>[\s\S]*?<\/tr>/.exec(home)![0];
      const bureauRow = new RegExp(`<tr[^>]*><td data-label="机关"><a href="/organs/${bureau.code}"[\\s\\S]*?</tr>`).exec(home)![0];
      expect(bureauRow).toContain(`href="/admin/organs/${bureau.code}/publications/new">新建信息（房地产市场监管股报送）`);
      expect(unitRow).not.toContain('/publications/new');
      expect(unitRow).not.toContain('/supervision/nodes');
      expect(unitRow).not.toContain('/interpretations');
      expect(unitRow).toContain('本单位没有目录栏目，信息在所属机关的目录中发布');

      // 信息管理: the one organ with a catalog, straight to its form; never the unit.
      const list = (await app.inject({ url: '/admin/publications', cookies })).body;
      expect(list).not.toContain(`/admin/organs/${unit.code}/publications/new`);
      expect(list).not.toContain(`<option value="${unit.code}">${unit.name}</option></select><button class="btn" type="submit">新建信息`);
      expect(list).toContain(`<a class="btn" href="/admin/organs/${bureau.code}/publications/new">新建信息</a>`);
      expect((await app.inject({ url: `/admin/publications?organ=${unit.code}`, cookies })).body).not.toContain(`/admin/organs/${unit.code}/publications/new`);
    } finally {
      await app.close();
    }
  });

  it('tells the staff of an organ without catalog to build one first, and offers 新建信息 once it has a node', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    try {
      const bureau = await createOrgan(deps);
      const admin = await createStaff(deps, bureau.code, 'organ_admin');
      const { cookies } = await loginAs(app, admin.username, admin.password);
      const home = (await app.inject({ url: '/admin', cookies })).body;
      expect(home).not.toContain(`/admin/organs/${bureau.code}/publications/new`);
      expect(home).toContain('还没有目录栏目，请先在“管理目录”中建立目录');
      expect((await app.inject({ url: '/admin/publications', cookies })).body).not.toContain(`/admin/organs/${bureau.code}/publications/new`);
      await createNode(deps, bureau.id, { name: '工作动态' });
      expect((await app.inject({ url: '/admin', cookies })).body).toContain(`<a class="btn btn-small" href="/admin/organs/${bureau.code}/publications/new">新建信息</a>`);
    } finally {
      await app.close();
    }
  });

  it('tells an administrator, on a unit’s row, that its items go in the organ’s catalog — not to build one (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    try {
      const bureau = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      await createNode(deps, bureau.id, { name: '工作动态' });
      const unit = await createOrgan(deps, { parentCode: bureau.code, kind: 'unit', name: '青岚县住房和城乡建设局房地产市场监管股' });
      const admin = await createStaff(deps, bureau.code, 'organ_admin');
      const { cookies } = await loginAs(app, admin.username, admin.password);
      const home = (await app.inject({ url: '/admin', cookies })).body;
      const unitRow = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?房地产市场监管股<\/a>[\s\S]*?<\/tr>/.exec(home)![0];
      expect(unitRow).toContain('下属单位没有目录栏目，信息在青岚县住房和城乡建设局的目录中发布，由该单位报送');
      expect(unitRow).not.toContain('请先在“管理目录”中建立目录');
      expect(unitRow).not.toContain('本单位');
      // Nor links that lead nowhere for it: a unit without catalog has no catalog to manage, no items of its own to
      // review and no columns to assign tasks in (its items are the organ's). Its 机关设置 (name, phone, guide shown
      // on its portal pages) stays.
      for (const page of ['catalog', 'review-chain', 'tasks']) expect(unitRow, page).not.toContain(`/admin/organs/${unit.code}/${page}"`);
      expect(unitRow).toContain(`/admin/organs/${unit.code}/edit"`);
      const bureauRow = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?青岚县住房和城乡建设局<\/a>[\s\S]*?<\/tr>/.exec(home)![0];
      for (const page of ['catalog', 'edit', 'review-chain', 'tasks']) expect(bureauRow, page).toContain(`/admin/organs/${bureau.code}/${page}"`);

      // A unit that does have a catalog (set up before units had none) keeps 管理目录, to tidy it.
      await createNode(deps, unit.id, { name: '股室动态' });
      const later = (await app.inject({ url: '/admin', cookies })).body;
      expect(/<tr[^>]*>(?:(?!<\/tr>)[\s\S])*?房地产市场监管股<\/a>[\s\S]*?<\/tr>/.exec(later)![0]).toContain(`/admin/organs/${unit.code}/catalog"`);
    } finally {
      await app.close();
    }
  });
});
