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
});
