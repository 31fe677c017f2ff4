import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { buildTestApp, loginAs } from '../../../../../test/support/app.ts';
import { createNode, createOrgan, createReviewCast, createStaff } from '../../../../../test/support/factories.ts';

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
      payload: { _csrf: csrf, title: '我输入的标题', formedOn: '2026-13-40', stage: 'result', docType: 'other', nodeIds: String(node) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('成文日期应为有效日期');
    expect(res.body).toContain('value="我输入的标题"');
    expect(res.body).toContain('href="#f-formedOn"');
    expect(res.body).toMatch(/id="f-formedOn"[^>]*aria-invalid="true"[^>]*aria-describedby="h-formedOn e-formedOn"/);
    const after = await deps.db.selectFrom('publications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await app.close();
  });

  it('refuses a 成文日期 far in the future (2099) next to the field, saving nothing', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const staff = await createStaff(deps, organ.code, 'editor');
    const { cookies, csrf } = await loginAs(app, staff.username, staff.password);
    const res = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies,
      payload: { _csrf: csrf, title: '未来的文件', formedOn: '2099-01-01', stage: 'result', docType: 'other', nodeIds: String(node) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('成文日期不能晚于今天一年以上');
    expect(res.body).toContain('href="#f-formedOn"');
    const saved = await deps.db.selectFrom('publications').select('id').where('title', '=', '未来的文件').execute();
    expect(saved).toEqual([]);
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

  it('takes an item from drafter through the three-level review to publication, which then appears in the catalog, sitemap and API', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id, { name: '工作动态' });
    const cast = await createReviewCast(deps, organ.code);
    const as = async (who: { username: string; password: string }) => loginAs(app, who.username, who.password);
    const author = await as(cast.author);
    const created = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies: author.cookies,
      payload: { _csrf: author.csrf, title: '县住建局召开扬尘治理推进会', formedOn: '2026-03-09', stage: 'execution', docType: 'other', nodeIds: String(node), bodyHtml: '<p>会议要求<script>x()</script>抓好落实。</p>' },
    });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/publications\/(\d+)/.exec(created.headers.location as string)![1]);
    const boundary = '----gk';
    const upload = await app.inject({
      method: 'POST', url: `/admin/publications/${id}/attachments`, cookies: author.cookies,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${author.csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="会议纪要.txt"\r\nContent-Type: text/plain\r\n\r\n会议纪要：部署扬尘治理。\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(303);
    const verb = (who: { cookies: Record<string, string>; csrf: string }, v: string, extra: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: `/admin/publications/${id}/verbs/${v}`, cookies: who.cookies, payload: { _csrf: who.csrf, ...extra } });
    // Submitting without the review form is refused with the reason.
    await verb(author, 'submit');
    expect((await app.inject({ url: `/admin/publications/${id}`, cookies: author.cookies })).body).toContain('报送前请填写保密审查表的密级');
    await app.inject({ method: 'POST', url: `/admin/publications/${id}/review-form`, cookies: author.cookies, payload: { _csrf: author.csrf, secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密' } });
    await verb(author, 'submit');
    const head = await as(cast.unitHead);
    const inbox = await app.inject({ url: '/admin/review', cookies: head.cookies });
    expect(inbox.body).toContain('县住建局召开扬尘治理推进会');
    await verb(head, 'return_for_changes', { comment: '请补充会议时间' });
    await verb(author, 'submit');
    for (const who of [cast.unitHead, cast.office, cast.leader]) await verb(await as(who), 'approve', { comment: '同意' });
    const office = await as(cast.office);
    const page = await app.inject({ url: `/admin/publications/${id}`, cookies: office.cookies });
    expect(page.body).toContain('立即发布');
    expect((await verb(office, 'publish')).statusCode).toBe(303);
    expect((await app.inject(`/organs/${organ.code}/catalog/${node}`)).body).toContain('县住建局召开扬尘治理推进会');
    const item = await app.inject(`/organs/${organ.code}/items/${id}`);
    expect(item.body).not.toContain('<script>');
    expect(item.body).toContain('会议纪要.txt');
    expect((await app.inject('/sitemap.xml')).body).toContain(`/organs/${organ.code}/items/${id}`);
    expect((await app.inject(`/api/v1/publications/${id}`)).json().indexNumber).toMatch(/\/2026-00001$/);
    const form = await app.inject({ url: `/admin/publications/${id}/review-form`, cookies: office.cookies });
    for (const t of ['政府信息公开保密审查表', '非密', '股室负责人审核', '分管领导审签', '请补充会议时间']) expect(form.body).toContain(t);
    const pdf = await app.inject({ url: `/admin/publications/${id}/review-form.pdf`, cookies: office.cookies });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe("attachment; filename*=UTF-8''%E4%BF%9D%E5%AF%86%E5%AE%A1%E6%9F%A5%E8%A1%A8.pdf"); // 保密审查表.pdf
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await deps.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'publication').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'publication.create', 'attachment.add', 'review_form.fill', 'publication.submit', 'publication.return_for_changes', 'publication.submit',
      'publication.approve', 'publication.approve', 'publication.approve', 'publication.publish',
    ]);
    await app.close();
  });

  it('does not let the drafter publish, and says why', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const editor = await createStaff(deps, organ.code, 'editor');
    const { cookies, csrf } = await loginAs(app, editor.username, editor.password);
    const created = await app.inject({
      method: 'POST', url: `/admin/organs/${organ.code}/publications/new`, cookies,
      payload: { _csrf: csrf, title: '草稿', formedOn: '2026-03-09', stage: 'result', docType: 'other', nodeIds: String(node), bodyHtml: '<p>正文</p>' },
    });
    const id = Number(/(\d+)$/.exec(created.headers.location as string)![1]);
    const page = await app.inject({ url: `/admin/publications/${id}`, cookies });
    expect(page.body).not.toContain('立即发布');
    const refused = await app.inject({ method: 'POST', url: `/admin/publications/${id}/verbs/publish`, cookies, payload: { _csrf: csrf } });
    const flash = refused.cookies.find((c) => c.name === 'gk_flash')!;
    const after = await app.inject({ url: `/admin/publications/${id}`, cookies: { ...cookies, gk_flash: flash.value } });
    // Told where the page lands, under 审核与发布, each reason on its own line (docs/workflows/review-states.md).
    const told = /<div id="flash-review-h"[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(after.body)?.[1] ?? '';
    expect(told).toContain('<strong>未能发布：</strong>');
    expect(told).toContain('<li>当前状态为“草稿”，不能“发布”（仅限：审核通过待发布、定时发布）</li>');
    expect(told).toContain('<li>您不是本机关的发布人：本机关的信息由“政务公开办公室”发布（见审核流程设置）</li>');
    expect((await app.inject({ url: `/organs/${organ.code}/items/${id}` })).statusCode).toBe(404);
    await app.close();
  });
});
