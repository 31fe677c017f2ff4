import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../support/db.ts';
import { buildTestApp, loginAs } from '../support/app.ts';
import { createDraft, createNode, createOrgan, createStaff, system } from '../support/factories.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES } from '../../src/modules/catalog/index.ts';
import { createApiToken } from '../../src/modules/identity/index.ts';

/**
 * Issue 19: uploads that try to be something else, sessions an attacker tries to plant, and forms
 * posted without the page's token. Prints attempts and refusals.
 */
describeEachDialect('hostile uploads, session fixation and CSRF', (db) => {
  it('refuses disguised, scripted, empty, oversized and traversing uploads, and stores the rest under generated names inside the data directory', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    const staff = await createStaff(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, staff.username, 'uploads')}`;
    const upload = (fileName: string, bytes: Buffer) => {
      const boundary = '----gk-sec';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
      return app.inject({
        method: 'POST', url: `/api/v1/publications/${draft.id}/attachments`, headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
    };
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const cases: [string, string, Buffer, number][] = [
      ['a Windows program named setup.pdf', 'setup.pdf', exe, 400],
      ['an SVG with a script', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 400],
      ['an HTML page', 'notice.html', Buffer.from('<html><script>alert(1)</script></html>'), 400],
      ['an HTML page named .txt', 'notice.txt', Buffer.from('<html><body><script>alert(1)</script></body></html>'), 201],
      ['an empty file', 'empty.pdf', Buffer.alloc(0), 400],
      ['a file one byte over the limit', 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES - 8, 0x20)]), 413],
      ['a name that climbs out of the folder', '../../../../tmp/evil.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 201],
    ];
    let refused = 0;
    for (const [what, name, bytes, status] of cases) {
      const res = await upload(name, bytes);
      expect(res.statusCode, what).toBe(status);
      if (status >= 400) {
        refused++;
        expect(res.json().error.message, what).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const rows = await db().db.selectFrom('attachments').select(['file_name', 'storage_key', 'mime_type']).where('publication_id', '=', draft.id).execute();
    expect(rows.map((r) => r.file_name).sort()).toEqual(['evil.pdf', 'notice.txt']);
    for (const r of rows) {
      const stored = path.resolve(deps.dataDir, 'attachments', r.storage_key);
      expect(stored.startsWith(path.resolve(deps.dataDir, 'attachments') + path.sep)).toBe(true);
      expect(path.basename(stored)).not.toContain('evil');
      expect(fs.existsSync(stored)).toBe(true);
    }
    expect(fs.existsSync('/tmp/evil.pdf')).toBe(false);
    // Served to readers only as a download, with the type it was stored as: a .txt holding HTML never renders.
    const txt = rows.find((r) => r.file_name === 'notice.txt')!;
    expect(txt.mime_type).toBe('text/plain; charset=utf-8');
    console.log(`hostile uploads [${db().dialect}]: ${cases.length} tried, ${refused} refused, ${cases.length - refused} stored safely`);
    await app.close();
  });

  it('never adopts a session id the visitor brought, and ends the old session at logout', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const staff = await createStaff(deps, organ.code, 'editor');
    const planted = 'attacker-chosen-session-value-0123456789';
    const form = await app.inject({ url: '/admin/login', cookies: { gk_session: planted } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const loginCookie = form.cookies.find((c) => c.name === 'gk_login_csrf')!.value;
    const res = await app.inject({ method: 'POST', url: '/admin/login', cookies: { gk_session: planted, gk_login_csrf: loginCookie }, payload: { _csrf: csrf, username: staff.username, password: staff.password, next: '/admin' } });
    const issued = res.cookies.find((c) => c.name === 'gk_session')!;
    expect(issued.value).not.toBe(planted);
    expect(issued.httpOnly).toBe(true);
    expect(issued.sameSite).toBe('Lax');
    expect((await app.inject({ url: '/admin', cookies: { gk_session: planted } })).statusCode).toBe(303);
    const page = await app.inject({ url: '/admin', cookies: { gk_session: issued.value } });
    expect(page.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    await app.inject({ method: 'POST', url: '/admin/logout', cookies: { gk_session: issued.value }, payload: { _csrf: token } });
    expect((await app.inject({ url: '/admin', cookies: { gk_session: issued.value } })).statusCode).toBe(303);
    await app.close();
  });

  it('refuses a staff form posted without the page token, with another session\'s token, or with a stale one', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    await addAttachment(deps, system, draft.id, { fileName: '附件.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') });
    const attachment = await db().db.selectFrom('attachments').select('id').where('publication_id', '=', draft.id).executeTakeFirstOrThrow();
    const staff = await createStaff(deps, organ.code, 'editor');
    const mine = await loginAs(app, staff.username, staff.password);
    const other = await loginAs(app, staff.username, staff.password);
    const stale = mine.csrf;
    await app.inject({ method: 'POST', url: '/admin/logout', cookies: mine.cookies, payload: { _csrf: mine.csrf } });
    const fresh = await loginAs(app, staff.username, staff.password);
    const url = `/admin/attachments/${attachment.id}/delete`;
    for (const [what, payload] of [['no token', {}], ['another session\'s token', { _csrf: other.csrf }], ['a token of an ended session', { _csrf: stale }]] as const) {
      const res = await app.inject({ method: 'POST', url, cookies: fresh.cookies, payload });
      expect(res.statusCode, what).toBe(403);
      expect(res.body, what).toContain('页面已过期');
    }
    expect(await db().db.selectFrom('attachments').select('id').where('id', '=', attachment.id).executeTakeFirst()).toBeTruthy();
    await app.close();
  });
});
