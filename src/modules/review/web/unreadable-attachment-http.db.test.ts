import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { createPublication } from '../../catalog/index.ts';
import { createApiToken } from '../../identity/index.ts';
import { fillReviewForm, loadForm } from '../index.ts';

// Starts like a ZIP, so the upload's signature check takes it for a .docx; it is no Word file, and the scanner cannot read it.
const FAKE_DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('这不是一个真正的 Word 文件')]);
/** What an officer must be told when such a file stops an approval: which file, and what to do. */
/** The whole of what a place on the page tells (its flash and the reasons listed under it). */
const toldAt = (body: string, place: string) => new RegExp(`<div id="flash-${place}"[^>]*>([\\s\\S]*?)</div>`).exec(body)?.[1] ?? '';
const TOLD = /附件“停水范围\.docx”无法读取，未能完成保密审查扫描：请退回，由起草人（修订人）重新上传可读取的版本；或由审核人人工审阅该附件后，在扫描结果中说明可以公开的理由/;

/**
 * A revision (修订) of a published item that adds an attachment the scanner cannot read (a fake .docx):
 * 修订审核通过 is refused with a message naming the file and what to do, the revision stays pending,
 * and the unreadable file stands among the scan findings, where a reviewer may accept it after
 * reading it by hand — as for a new draft with the same file.
 */
describeEachDialect('an attachment the scanner cannot read stops an approval with a message naming it', (db) => {
  const pendingRevision = async () => {
    const { app, deps } = await buildTestApp(db());
    return { app, deps, ...await createPendingRevision(app, deps) };
  };

  it('refuses 修订审核通过 at the item page naming the file, keeps the revision pending, and lets a reviewer accept the file after reading it', async () => {
    const { app, deps, organ, item, publisher, upload } = await pendingRevision();
    // Plain text named .docx is refused at upload, as for a draft.
    const text = await upload('假文件.docx', Buffer.from('只是一段文字'));
    const told = await flashToldAt(app, text, await loginAs(app, publisher.username, publisher.password), 'att-h');
    expect(toldAt(told.body, 'att-h')).toContain('附件“假文件.docx”文件内容与扩展名“.docx”不符');
    // A ZIP that is no Word file passes the signature check: the scan finds it unreadable.
    expect((await upload('停水范围.docx', FAKE_DOCX)).statusCode).toBe(303);

    const theirs = await loginAs(app, publisher.username, publisher.password);
    const approve = (extra: Record<string, string> = {}) => app.inject({
      method: 'POST', url: `/admin/publications/${item.id}/verbs/approve_amendment`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '同意', ...extra },
    });
    const refused = await approve();
    expect(refused.statusCode).toBe(303);
    const { body } = await flashToldAt(app, refused, theirs, 'review-h');
    const flash = toldAt(body, 'review-h');
    expect(flash).toContain('未能修订审核通过');
    expect(flash).toMatch(TOLD);
    // Not counted as personal data it never saw.
    expect(flash).not.toContain('疑似个人信息');
    // Nothing applied: the revision waits, the portal shows the published text without the file.
    expect(body).toContain('待审核的修订');
    const portal = (await app.inject(`/organs/${organ.code}/items/${item.id}`)).body;
    expect(portal).toContain('关于城区停水的通知');
    expect(portal).not.toContain('停水范围.docx');
    const revision = await deps.db.selectFrom('publication_revisions').select('status').where('publication_id', '=', item.id).executeTakeFirstOrThrow();
    expect(revision.status).toBe('pending');

    // The page shows the unreadable file among the findings, so a reviewer who read it may accept it.
    const unreadable = (await loadForm(deps.db, item.id))!.scanFindings.find((f) => f.type === 'unreadable_attachment');
    expect(unreadable).toMatchObject({ source: '附件：停水范围.docx', severity: 'block' });
    expect(body).toMatch(/无法读取的附件/);
    const accepted = await approve({
      accept_0_source: unreadable!.source, accept_0_start: String(unreadable!.start), accept_0_end: String(unreadable!.end), accept_0_text: unreadable!.text,
      accept_0_reason: '已人工打开核对，附件为停水范围示意，不含个人信息',
    });
    expect((await flashToldAt(app, accepted, theirs, 'review-h')).text).toContain('已修订审核通过');
    expect((await app.inject(`/organs/${organ.code}/items/${item.id}`)).body).toContain('停水范围.docx');
    await app.close();
  });

  it('refuses approve-amendment over the API with 409 and the same message', async () => {
    const { app, deps, item, publisher, upload } = await pendingRevision();
    expect((await upload('停水范围.docx', FAKE_DOCX)).statusCode).toBe(303);
    const authorization = `Bearer ${await createApiToken(deps, publisher.username, 'test')}`;
    const res = await app.inject({ method: 'POST', url: `/api/v1/publications/${item.id}/approve-amendment`, headers: { authorization }, payload: { comment: '同意' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(TOLD);
    expect(res.json().error.reasons.map((r: { code: string }) => r.code)).toEqual(['ERR_REVIEW_SCAN_BLOCKED']);
    await app.close();
  });

  it('tells the same for a new draft with the same file: accepted at upload, submitted, its approval refused naming the file', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const author = await loginAs(app, cast.author.username, cast.author.password);
    const { id } = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    const up = await app.inject({
      method: 'POST', url: `/admin/publications/${id}/attachments`, cookies: author.cookies,
      ...multipartForm([{ name: '_csrf', value: author.csrf }, { name: 'file', value: FAKE_DOCX, fileName: '停水范围.docx' }]),
    });
    expect(up.statusCode).toBe(303);
    await fillReviewForm(deps, cast.author.actor, id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    const submitted = await app.inject({ method: 'POST', url: `/admin/publications/${id}/verbs/submit`, cookies: author.cookies, payload: { _csrf: author.csrf } });
    expect(toldAt((await flashToldAt(app, submitted, author, 'review-h')).body, 'review-h')).not.toContain('未能');
    const head = await loginAs(app, cast.unitHead.username, cast.unitHead.password);
    const refused = await app.inject({ method: 'POST', url: `/admin/publications/${id}/verbs/approve`, cookies: head.cookies, payload: { _csrf: head.csrf, comment: '同意' } });
    const text = toldAt((await flashToldAt(app, refused, head, 'review-h')).body, 'review-h');
    expect(text).toContain('未能审核通过');
    expect(text).toMatch(TOLD);
    await app.close();
  });
});
