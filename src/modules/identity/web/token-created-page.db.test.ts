import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';

// An outside tester: the secret shown once sat above the 创建令牌 form, and a second submit of the now
// empty form answered 请为令牌起一个名称 — and the secret was gone while the token existed. The page
// that shows it now has no create form: the secret, 请立即复制, and a link to create another.
describeEachDialect('the page that shows a new API token', (db) => {
  it('shows the secret with 请立即复制 and no form that could replace it; the list page still creates', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const me = await createStaff(deps, organ.code, 'editor');
    const s = await loginAs(app, me.username, me.password);
    const created = await app.inject({
      method: 'POST', url: '/admin/tokens', cookies: s.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, name: '同步脚本', days: '30' }).toString(),
    });
    expect(created.statusCode).toBe(200);
    const secret = /<code>(gk_[^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    expect(secret).not.toBe('');
    expect(created.body).toContain('请立即复制');
    expect(created.body).toContain('同步脚本');
    expect(created.body).not.toMatch(/<form method="post" action="\/admin\/tokens"/);
    expect(created.body).not.toContain('name="name"');
    expect(created.body).toMatch(/<a[^>]*href="\/admin\/tokens(#[\w-]+)?"[^>]*>[^<]*新建另一个令牌/);
    expect(created.headers['cache-control']).toContain('no-store');
    // The secret works (it is the token just made).
    expect((await app.inject({ url: '/api/v1/tokens', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(200);

    const list = await app.inject({ url: '/admin/tokens', cookies: s.cookies });
    expect(list.body).toMatch(/<form method="post" action="\/admin\/tokens"/);
    expect(list.body).not.toContain(secret);
    await app.close();
  });
});
