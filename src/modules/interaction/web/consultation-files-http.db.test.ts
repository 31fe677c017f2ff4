import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createActor, createOrgan, createStaff } from '../../../../test/support/factories.ts';
import { renderDocumentDocx, renderDocumentPdf } from '../../../platform/documents/index.ts';
import { openConsultation } from '../index.ts';

const upload = (csrf: string, fileName: string, bytes: Buffer) => {
  const boundary = '----gk-consultation';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
};

describeEachDialect('a consultation’s draft documents', (db) => {
  it('are uploaded by the organ’s staff after a scan, offered for download on the public page, and removed', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-06-01T02:00:00Z');
    const organ = await createOrgan(deps);
    const office = await createActor(deps, organ.code, 'disclosure_office');
    const c = await openConsultation(deps, office.actor, organ.id, { title: '老旧小区改造实施方案（征求意见稿）', body: '第一条 ……', howToComment: '可在本页发表意见。', startOn: '2026-06-01', endOn: '2026-06-30' });
    const staff = await createStaff(deps, organ.code, 'editor');
    const s = await loginAs(app, staff.username, staff.password);
    const admin = `/admin/consultations/${c.id}`;
    const pdf = await renderDocumentPdf({ title: '征求意见稿', blocks: [{ kind: 'paragraph', text: '青岚县老旧小区改造实施方案（征求意见稿）全文' }] });

    const ok = await app.inject({ method: 'POST', url: `${admin}/files`, cookies: s.cookies, ...upload(s.csrf, '../实施方案（征求意见稿）.pdf', pdf) });
    expect(ok.statusCode).toBe(303);
    const page = (await app.inject(`/organs/${organ.code}/consultations/${c.id}`)).body;
    const link = /href="([^"]+\/files\/\d+\/[^"]+)"/.exec(page)![1];
    expect(decodeURIComponent(link)).toContain('实施方案（征求意见稿）.pdf');
    const got = await app.inject(link);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('实施方案（征求意见稿）.pdf')}`);
    expect(got.rawPayload.equals(pdf)).toBe(true);

    // A document with an ID card number is refused with the reason, and nothing is kept.
    const leaky = await renderDocumentDocx({ title: '名单', blocks: [{ kind: 'paragraph', text: '联系人张某，身份证号 110101199003077578。' }] });
    const refused = await app.inject({ method: 'POST', url: `${admin}/files`, cookies: s.cookies, ...upload(s.csrf, '名单.docx', leaky) });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('“名单.docx”中有');
    const disguised = await app.inject({ method: 'POST', url: `${admin}/files`, cookies: s.cookies, ...upload(s.csrf, '方案.pdf', Buffer.from('MZ not a pdf')) });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.body).toContain('“方案.pdf”的内容不是它的扩展名所说的格式');
    expect(await deps.db.selectFrom('consultation_files').select('id').where('consultation_id', '=', c.id).execute()).toHaveLength(1);

    // Another organ's staff can neither add nor read them in the back office.
    const other = await createOrgan(deps);
    const outsider = await createStaff(deps, other.code, 'organ_admin');
    const o = await loginAs(app, outsider.username, outsider.password);
    expect((await app.inject({ method: 'POST', url: `${admin}/files`, cookies: o.cookies, ...upload(o.csrf, 'x.pdf', pdf) })).statusCode).toBe(403);
    const fileId = /\/files\/(\d+)\//.exec(link)![1];
    expect((await app.inject({ url: `${admin}/files/${fileId}`, cookies: o.cookies })).statusCode).toBe(403);

    const removed = await app.inject({ method: 'POST', url: `${admin}/files/${fileId}/delete`, cookies: s.cookies, payload: { _csrf: s.csrf } });
    expect(removed.statusCode).toBe(303);
    expect((await app.inject(link)).statusCode).toBe(404);
    expect((await app.inject(`/organs/${organ.code}/consultations/${c.id}`)).body).not.toContain('征求意见稿下载');
    await app.close();
  });
});
