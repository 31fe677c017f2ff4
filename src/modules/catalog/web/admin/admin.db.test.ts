import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { createNode, createOrgan, createStaff } from '../../../../../test/support/factories.ts';

describeEachDialect('back office', (db) => {
  it('sends anonymous visitors to the login page and refuses a wrong password in Chinese', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    await createStaff(deps, organ.code, 'organ_admin', 'right-password-1');
    const res = await app.inject('/admin/publications');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/login?next=%2Fadmin%2Fpublications');
    await expect(loginAs(app, 'nobody', 'wrong-password')).rejects.toThrow('login failed: 401');
    await app.close();
  });

  it('keeps what was typed and shows the error next to the field, saving nothing', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const staff = await createStaff(deps, organ.code, 'editor');
    const { cookies, csrf } = await loginAs(app, staff.username, staff.password);
    const before = await deps.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies,
      payload: { _csrf: csrf, title: '我输入的标题', formedOn: '2026-13-40', stage: 'result', nodeIds: String(node) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('成文日期应为有效日期');
    expect(res.body).toContain('value="我输入的标题"');
    expect(res.body).toContain('href="#f-formedOn"');
    const after = await deps.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await app.close();
  });

  it('refuses a form post without the CSRF token', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    const { cookies } = await loginAs(app, staff.username, staff.password);
    const res = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies, payload: { title: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('页面已过期');
    await app.close();
  });

  it('lets an organ admin draft, attach and publish an item that then appears in the catalog, sitemap and API', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '工作动态' });
    const admin = await createStaff(deps, organ.code, 'organ_admin');
    const { cookies, csrf } = await loginAs(app, admin.username, admin.password);
    const created = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies,
      payload: { _csrf: csrf, title: '县住建局召开扬尘治理推进会', formedOn: '2026-03-09', stage: 'execution', nodeIds: String(node), bodyHtml: '<p>会议要求<script>x()</script>抓好落实。</p>' },
    });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(created.headers.location as string)![1]);
    const boundary = '----gk';
    const upload = await app.inject({
      method: 'POST', url: `/admin/publications/${id}/attachments?_csrf=${encodeURIComponent(csrf)}`, cookies,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="会议纪要.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(303);
    const published = await app.inject({ method: 'POST', url: `/admin/publications/${id}/publish`, cookies, payload: { _csrf: csrf } });
    expect(published.statusCode).toBe(303);
    const portal = await app.inject(`/organs/${organ.code}/catalog/${node}`);
    expect(portal.body).toContain('县住建局召开扬尘治理推进会');
    const item = await app.inject(`/organs/${organ.code}/items/${id}`);
    expect(item.body).not.toContain('<script>');
    expect(item.body).toContain('会议纪要.pdf');
    expect(item.body).toMatch(/PDF，\d+(\.\d)? B/);
    expect((await app.inject('/sitemap.xml')).body).toContain(`/organs/${organ.code}/items/${id}`);
    const api = await app.inject(`/api/v1/publications/${id}`);
    expect(api.statusCode).toBe(200);
    expect(api.json().indexNumber).toMatch(/\/2026-00001$/);
    const audit = await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'publication').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['publication.create', 'attachment.add', 'publication.publish']);
    await app.close();
  });

  it('does not let an editor publish, and explains why', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const editor = await createStaff(deps, organ.code, 'editor');
    const { cookies, csrf } = await loginAs(app, editor.username, editor.password);
    const created = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies,
      payload: { _csrf: csrf, title: '草稿', formedOn: '2026-03-09', stage: 'result', nodeIds: String(node), bodyHtml: '<p>正文</p>' },
    });
    const id = Number(/(\d+)$/.exec(created.headers.location as string)![1]);
    const page = await app.inject({ url: `/admin/publications/${id}`, cookies });
    expect(page.body).toContain('只有本机关管理员可以发布');
    const res = await app.inject({ method: 'POST', url: `/admin/publications/${id}/publish`, cookies, payload: { _csrf: csrf } });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('只有本机关的管理员可以直接发布');
    await app.close();
  });
});
