import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';

describeEachDialect('the 新增用户 form', (db) => {
  it('reports every field error at once, not one per submit (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const session = await loginAs(app, admin.username, admin.password);
    const res = await app.inject({
      method: 'POST', url: '/admin/users', cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrf, username: '张', displayName: ' ', password: 'short', organCode: organ.code, role: 'editor' }).toString(),
    });
    expect(res.statusCode).toBe(400);
    for (const message of ['用户名应为 2–40 位字母、数字、下划线、点或连字符', '密码至少需要 8 个字符', '请填写姓名']) expect(res.body).toContain(message);
    expect(res.body).toContain('value="张"');
    await app.close();
  });

  it('starts on 请选择 for the role, and for the organ unless the admin has exactly one; an unchosen one is named at its field (found by an outside tester)', async () => {
    const { app, deps } = await buildTestApp(db());
    const county = await createOrgan(deps, { name: '青岚县人民政府' });
    await createOrgan(deps, { name: '青岚县住房和城乡建设局', parentCode: county.code });
    const sysadmin = await createStaff(deps, county.code, 'system_admin');
    const session = await loginAs(app, sysadmin.username, sysadmin.password);
    const page = await app.inject({ url: '/admin/users', cookies: session.cookies });
    const select = (html: string, name: string) => new RegExp(`<select id="f-${name}"[^>]*>(.*?)</select>`, 's').exec(html)![1];
    for (const name of ['role', 'organCode']) expect(select(page.body, name)).toMatch(/^<option value(="")? selected(="")?>请选择<\/option>/);
    expect(select(page.body, 'role')).not.toMatch(/<option value="system_admin" selected/);

    const res = await app.inject({
      method: 'POST', url: '/admin/users', cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrf, username: 'li.si', displayName: '李四', password: 'long-enough-1', organCode: '', role: '' }).toString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="e-role">请选择角色</);
    expect(res.body).toMatch(/id="e-organCode">请选择所属机关</);
    expect(res.body).toContain('value="li.si"');
    expect(res.body).toContain('value="李四"');
    expect(await deps.db.selectFrom('users').select('id').where('username', '=', 'li.si').executeTakeFirst()).toBeUndefined();

    // An administrator of exactly one organ has it chosen; the role still starts on 请选择.
    const only = await createOrgan(deps, { name: '青岚县自然资源局' });
    const admin = await createStaff(deps, only.code, 'organ_admin');
    const own = await loginAs(app, admin.username, admin.password);
    const theirs = await app.inject({ url: '/admin/users', cookies: own.cookies });
    expect(select(theirs.body, 'organCode')).not.toContain('请选择');
    expect(select(theirs.body, 'organCode')).toMatch(new RegExp(`<option value="${only.code}" selected`));
    expect(select(theirs.body, 'role')).toMatch(/^<option value(="")? selected(="")?>请选择<\/option>/);

    // 授予角色 on a user's page starts on 请选择 too, and grants nothing unchosen.
    const userPage = await app.inject({ url: `/admin/users/${admin.id}`, cookies: session.cookies });
    expect(select(userPage.body, 'role')).toMatch(/^<option value(="")?>请选择<\/option>/);
    const grant = await app.inject({
      method: 'POST', url: `/admin/users/${admin.id}/roles/grant`, cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrf, organCode: only.code, role: '' }).toString(),
    });
    expect(grant.statusCode).toBe(400);
    expect(grant.body).toContain('请选择角色');
    await app.close();
  });
});
