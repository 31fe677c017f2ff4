import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createStaff, system } from '../../../../test/support/factories.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';
import { fillReviewForm } from '../index.ts';

/**
 * 先审查后公开 for a changed text (issue 9), in the back office: an officer's amendment of a published
 * item waits for the publisher, who sees what changes; the portal keeps the published text until then.
 */
describeEachDialect('amending a published item in the back office', (db) => {
  /** A published item with its 保密审查表, and the amendment an officer signed in proposed (`mine`), waiting for the publisher. */
  const publishedWithOfficers = async () => {
    const { app, deps } = await buildTestApp(db());
    return { app, deps, ...await createPendingRevision(app, deps) };
  };

  it('keeps the published text live until a second person approves the officer’s amendment and its new attachment', async () => {
    const { app, deps, organ, item, publisher, mine, upload } = await publishedWithOfficers();
    const portal = async () => (await app.inject(`/organs/${organ.code}/items/${item.id}`)).body;

    expect((await upload('停水范围(城区).txt', '停水范围示意。')).statusCode).toBe(303);
    expect(await portal()).toContain('关于城区停水的通知');
    expect(await portal()).not.toContain('停水范围(城区).txt');
    const added = await deps.db.selectFrom('attachments').select(['id', 'file_name']).where('publication_id', '=', item.id).executeTakeFirstOrThrow();
    expect((await app.inject(`/attachments/${added.id}/${encodeURIComponent(added.file_name)}`)).statusCode).toBe(404);
    const download = await app.inject({ url: `/admin/attachments/${added.id}`, cookies: mine.cookies });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('停水范围')}%28%E5%9F%8E%E5%8C%BA%29.txt`); // 停水范围(城区).txt

    // The officer cannot approve their own amendment; the publisher sees what it changes and approves it.
    const own = await app.inject({ url: `/admin/publications/${item.id}`, cookies: mine.cookies });
    expect(own.body).toContain('待审核的修订');
    expect(own.body).not.toContain('修订审核通过</button>');
    const theirs = await loginAs(app, publisher.username, publisher.password);
    const review = await app.inject({ url: `/admin/publications/${item.id}`, cookies: theirs.cookies });
    expect(review.body).toContain('停水时间改为 6 月 3 日');
    expect(review.body).toMatch(/<th scope="row">标题<\/th><td>.*?现行：<\/span>关于城区停水的通知<\/p>.*?修订后：<\/span>关于城区停水<ins><span class="visually-hidden">〔新增：<\/span>时间调整<span class="visually-hidden">〕<\/span><\/ins>的通知<\/p>/);
    expect(review.body).toContain('新增附件');
    const approved = await app.inject({
      method: 'POST', url: `/admin/publications/${item.id}/verbs/approve_amendment`, cookies: theirs.cookies,
      payload: { _csrf: theirs.csrf, comment: '同意' },
    });
    expect(approved.statusCode).toBe(303);
    expect(await portal()).toContain('关于城区停水时间调整的通知');
    expect(await portal()).toContain('停水范围(城区).txt');
    expect(await portal()).toContain('停水时间改为 6 月 3 日');
    await app.close();
  });

  it('tells another officer that a revision is already under review, with a link to it, not that the item must be returned', async () => {
    const { app, deps, organ, item, publisher, mine } = await publishedWithOfficers();
    const colleague = await createStaff(deps, organ.code, 'editor');

    for (const who of [colleague, publisher]) {
      const session = await loginAs(app, who.username, who.password);
      const page = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: session.cookies })).body;
      expect(page).not.toContain('请由审核人退回');
      expect(page).toMatch(/已有一份修订正在等待审核[\s\S]*?不能另提修订/);
      expect(page).toContain('href="#revision-h"');
      expect(page).toContain('id="revision-h"');
    }
    // The officer who proposed it reworks it: no such notice; the 保密审查表 signed for the published
    // text is shown, not offered for saving (its save would be refused with "请由审核人退回").
    const own = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: mine.cookies })).body;
    expect(own).not.toContain('不能另提修订');
    expect(own).not.toContain('保存审查表');
    expect(own).toContain('密级：<strong>非密</strong>');
    await expect(fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' }))
      .rejects.toMatchObject({ code: 'ERR_REVIEW_FORM_LOCKED', message: expect.not.stringContaining('退回') });
    await app.close();
  });
});
