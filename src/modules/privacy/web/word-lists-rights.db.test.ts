import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff, system } from '../../../../test/support/factories.ts';
import { listWordLists, saveWordList } from '../index.ts';

// Issue 10: any staff member could read every organ's sensitive-word list at /admin/word-lists?edit=N.
describeEachDialect('who may read and change a sensitive-word list', (db) => {
  let n = 0;
  async function world() {
    n++;
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps);
    const a = await createOrgan(deps, { parentCode: county.code, name: '测试县财政局' });
    const b = await createOrgan(deps, { parentCode: county.code, name: '测试县住建局' });
    await saveWordList(deps, system, { name: `财政局内部词表${n}`, organCode: a.code, entriesText: '甲方秘密词\t阻止' });
    await saveWordList(deps, system, { name: `全区通用词表${n}`, entriesText: '全区秘密词\t阻止' });
    const lists = await listWordLists(deps.db);
    const aList = lists.find((l) => l.name === `财政局内部词表${n}`)!;
    const regionList = lists.find((l) => l.name === `全区通用词表${n}`)!;
    return { app, deps, a, b, aList, regionList };
  }

  it('refuses another organ’s staff and admin the list’s words, and leaves it out of their page', async () => {
    const w = await world();
    for (const role of ['editor', 'organ_admin'] as const) {
      const staff = await createStaff(w.deps, w.b.code, role);
      const { cookies } = await loginAs(w.app, staff.username, staff.password);
      const res = await w.app.inject({ method: 'GET', url: `/admin/word-lists?edit=${w.aList.id}`, cookies });
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain('甲方秘密词');
      const page = await w.app.inject({ method: 'GET', url: '/admin/word-lists', cookies });
      expect(page.body).not.toContain(`财政局内部词表${n}`);
      const region = await w.app.inject({ method: 'GET', url: `/admin/word-lists?edit=${w.regionList.id}`, cookies });
      expect(region.statusCode, role).toBe(403);
      expect(region.body).not.toContain('全区秘密词');
    }
    await w.app.close();
  });

  it('refuses an organ admin overwriting another organ’s list by moving it into their own organ', async () => {
    const w = await world();
    const bAdmin = await createStaff(w.deps, w.b.code, 'organ_admin');
    const { cookies, csrf } = await loginAs(w.app, bAdmin.username, bAdmin.password);
    const res = await w.app.inject({
      method: 'POST', url: `/admin/word-lists/${w.aList.id}`, cookies,
      payload: { _csrf: csrf, name: `财政局内部词表${n}`, organCode: w.b.code, entriesText: '替换\t提示' },
    });
    expect(res.statusCode).toBe(403);
    const after = (await listWordLists(w.deps.db)).find((l) => l.id === w.aList.id)!;
    expect(after).toMatchObject({ organ_id: w.a.id, entries_text: '甲方秘密词\t阻止' });
    await w.app.close();
  });

  it('lets the organ’s own admin read and change it', async () => {
    const w = await world();
    const aAdmin = await createStaff(w.deps, w.a.code, 'organ_admin');
    const { cookies } = await loginAs(w.app, aAdmin.username, aAdmin.password);
    const res = await w.app.inject({ method: 'GET', url: `/admin/word-lists?edit=${w.aList.id}`, cookies });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('甲方秘密词');
    await w.app.close();
  });
  // Found by an outside tester: a unit's 信息员 was offered 新建词表 with the one scope 全区通用, and saving it gave 403.
  it('offers the form only with the scopes the person may save to, and otherwise says who maintains the lists', async () => {
    const w = await world();
    const unit = await createOrgan(w.deps, { parentCode: w.a.code, kind: 'unit', name: '测试股' });
    const clerk = await createStaff(w.deps, unit.code, 'editor');
    const page = (await w.app.inject({ method: 'GET', url: '/admin/word-lists', cookies: (await loginAs(w.app, clerk.username, clerk.password)).cookies })).body;
    expect(page).not.toContain('新建词表');
    expect(page).not.toContain('id="f-organCode"');
    expect(page).toContain('id="word-lists-maintainers"');
    const admin = await createStaff(w.deps, w.a.code, 'organ_admin');
    const adminPage = (await w.app.inject({ method: 'GET', url: '/admin/word-lists', cookies: (await loginAs(w.app, admin.username, admin.password)).cookies })).body;
    expect(adminPage).toContain('新建词表');
    expect(adminPage).toContain(`<option value="${w.a.code}"`);
    expect(adminPage).not.toContain('<option value="">全区通用</option>');
    await w.app.close();
  });
});
