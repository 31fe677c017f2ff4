import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../test/support/factories.ts';
import { findPublication } from '../../catalog/index.ts';

/**
 * 撤回 and 标记废止 change what the public reads, yet acted on one click once their <details> was open,
 * and 撤回原因 arrived with 误发布 chosen (found by an outside tester). The reason now starts at 请选择
 * and each verb asks first on a page naming the item and what the public will see, without JavaScript;
 * only its POST with the CSRF token and confirm=1 acts, through the same decide and audit.
 */
describeEachDialect('confirming 撤回 and 标记废止 of a published item', (db) => {
  it('撤回: the reason starts at 请选择 and is required; a page naming the item and what the public will see comes first', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的通知' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const post = (fields: Record<string, string>) => app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/withdraw`, cookies: s.cookies, payload: fields });
      const status = async () => (await findPublication(deps.db, item.id))?.status;
      const audited = async () => (await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'publication.withdraw').execute()).length;

      const page = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: s.cookies })).body;
      const select = /<select id="f-withdrawReason"[^>]*>([\s\S]*?)<\/select>/.exec(page)?.[1] ?? '';
      expect(select).toMatch(/^<option value(="")?( selected(="")?)?>请选择<\/option>/);
      expect(select).not.toMatch(/<option value="published_in_error" selected/);

      // Nothing chosen: refused with a clear message, nothing asked, nothing changed.
      const unchosen = await post({ _csrf: s.csrf, withdrawReason: '', withdrawNote: '' });
      expect(unchosen.statusCode).toBe(303);
      const flash = Object.fromEntries(unchosen.cookies.map((c) => [c.name, c.value]));
      const told = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: { ...s.cookies, ...flash } })).body.replace(/<[^>]+>/g, '');
      expect(told).toContain('未能撤回：请选择撤回原因');
      expect(await status()).toBe('published');

      // Chosen: the confirmation, naming the item and what its address will say; nothing changed yet.
      const ask = await post({ _csrf: s.csrf, withdrawReason: 'contains_personal_data', withdrawNote: '附件含有住址' });
      expect(ask.statusCode).toBe(200);
      expect(ask.body).toContain('撤回：关于供热收费标准的通知');
      expect(ask.body).toContain(`/organs/${organ.code}/items/${item.id}`);
      expect(ask.body.replace(/<[^>]+>/g, '')).toContain('撤回原因：含有个人信息（附件含有住址）');
      expect(ask.body).toMatch(new RegExp(`<form method="post" action="/admin/publications/${item.id}/verbs/withdraw">`));
      expect(ask.body).toContain(`name="_csrf" value="${s.csrf}"`);
      expect(ask.body).toMatch(/<input type="hidden" name="confirm" value="1"\/?>/);
      expect(ask.body).toMatch(/<input type="hidden" name="withdrawReason" value="contains_personal_data"\/?>/);
      expect(ask.body).toMatch(/<input type="hidden" name="withdrawNote" value="附件含有住址"\/?>/);
      expect(ask.body).toMatch(new RegExp(`<a href="/admin/publications/${item.id}#review-h">取消`));
      expect(await status()).toBe('published');
      expect(await audited()).toBe(0);

      // Without the CSRF token: refused as every staff form.
      expect((await post({ confirm: '1', withdrawReason: 'contains_personal_data', withdrawNote: '附件含有住址' })).statusCode).toBe(403);
      expect(await status()).toBe('published');

      const done = await post({ _csrf: s.csrf, confirm: '1', withdrawReason: 'contains_personal_data', withdrawNote: '附件含有住址' });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe(`/admin/publications/${item.id}#review-h`);
      const after = await deps.db.selectFrom('publications').select(['status', 'withdrawn_reason', 'withdrawn_note']).where('id', '=', item.id).executeTakeFirstOrThrow();
      expect(after).toEqual({ status: 'withdrawn', withdrawn_reason: 'contains_personal_data', withdrawn_note: '附件含有住址' });
      expect(await audited()).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('标记废止: a page naming the item and its replacement comes first; a refusal is told before any page', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const item = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的通知' });
      const newer = await createPublished(deps, organ.id, [node], { title: '关于供热收费标准的新通知' });
      const publisher = await createStaff(deps, organ.code, 'disclosure_office');
      const s = await loginAs(app, publisher.username, publisher.password);
      const post = (fields: Record<string, string>) => app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/repeal`, cookies: s.cookies, payload: fields });
      const validity = async () => (await findPublication(deps.db, item.id))?.validity;

      const page = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: s.cookies })).body;
      expect(page).toMatch(/<summary>标记废止<\/summary>/);

      // Refused by the same rules before anything is asked.
      const wrong = await post({ _csrf: s.csrf, replacedById: 'abc' });
      expect(wrong.statusCode).toBe(303);
      expect(await validity()).toBe('valid');

      const ask = await post({ _csrf: s.csrf, replacedById: ` ${newer.id} ` });
      expect(ask.statusCode).toBe(200);
      const text = ask.body.replace(/<[^>]+>/g, '');
      expect(text).toContain('标记废止：关于供热收费标准的通知');
      expect(text).toContain('《关于供热收费标准的新通知》');
      expect(text).toContain('已废止');
      expect(ask.body).toMatch(new RegExp(`<input type="hidden" name="replacedById" value="${newer.id}"/?>`));
      expect(ask.body).toMatch(/<input type="hidden" name="confirm" value="1"\/?>/);
      expect(await validity()).toBe('valid');

      // Without a replacement: the page says none is named.
      const none = await post({ _csrf: s.csrf, replacedById: '' });
      expect(none.statusCode).toBe(200);
      expect(none.body.replace(/<[^>]+>/g, '')).toContain('不指明替代文件');

      const done = await post({ _csrf: s.csrf, confirm: '1', replacedById: String(newer.id) });
      expect(done.statusCode).toBe(303);
      const repealed = await findPublication(deps.db, item.id);
      expect([repealed?.validity, repealed?.replacedById]).toEqual(['repealed', newer.id]);
      expect((await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'publication.repeal').execute()).length).toBe(1);

      // Repealed already: no page to confirm, the reason as before.
      const again = await post({ _csrf: s.csrf, replacedById: '' });
      expect(again.statusCode).toBe(303);
    } finally {
      await app.close();
    }
  });
});
