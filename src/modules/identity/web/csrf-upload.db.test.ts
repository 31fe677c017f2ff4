import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff } from '../../../../test/support/factories.ts';

// Issue 10: upload forms carried the CSRF token in the query string, where it lands in server logs.
describeEachDialect('the CSRF token of upload forms', (db) => {
  const boundary = '----gk-csrf';
  const multipart = (parts: { name: string; value: string; fileName?: string }[]) => ({
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${p.value}\r\n`).join('') + `--${boundary}--\r\n`,
  });

  async function world() {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    const staff = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, staff.username, staff.password);
    const count = async () => (await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', draft.id).execute()).length;
    return { app, draft, session, count };
  }

  it('travels in the form body, before the file, and never in the form’s address', async () => {
    const { app, draft, session, count } = await world();
    const page = await app.inject({ url: `/admin/publications/${draft.id}`, cookies: session.cookies });
    // The 上传 button is one of the item's form (it sends what is typed there too): the browser sends that
    // form's fields in page order, its token (its first field) before the attachment's file box.
    const button = /<button[^>]*formenctype="multipart\/form-data"[^>]*formaction="[^"]*\/attachments"[^>]*>上传<\/button>/.exec(page.body)![0];
    expect(button).not.toContain('_csrf=');
    expect(button).toContain('form="publication-form"');
    const form = page.body.indexOf('<form id="publication-form"');
    expect(form).toBeGreaterThan(-1);
    expect(page.body.indexOf('name="_csrf"', form)).toBeLessThan(page.body.indexOf('name="attachment" type="file" form="publication-form"'));
    const res = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/attachments`, cookies: session.cookies,
      ...multipart([{ name: '_csrf', value: session.csrf }, { name: 'file', value: '会议纪要。', fileName: '纪要.txt' }]),
    });
    expect(res.statusCode).toBe(303);
    expect(await count()).toBe(1);
  });

  it('is refused in the query string, missing, or after the file', async () => {
    const { app, draft, session, count } = await world();
    const file = { name: 'file', value: '会议纪要。', fileName: '纪要.txt' };
    for (const [url, parts] of [
      [`/admin/publications/${draft.id}/attachments?_csrf=${encodeURIComponent(session.csrf)}`, [file]],
      [`/admin/publications/${draft.id}/attachments`, [file]],
      [`/admin/publications/${draft.id}/attachments`, [file, { name: '_csrf', value: session.csrf }]],
    ] as const) {
      const res = await app.inject({ method: 'POST', url, cookies: session.cookies, ...multipart([...parts]) });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('页面已过期');
    }
    expect(await count()).toBe(0);
  });
});
