import fs from 'node:fs';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision, PUBLISHED_TITLE, REVISED_TITLE } from '../../../../test/support/pending-revision.ts';
import { attachmentPath, findPublication, listAttachments } from '../../catalog/index.ts';
import { findPendingRevision } from '../index.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/**
 * 撤回修订 in the back office asks first, as 撤回 and 标记废止 do (a page, no JavaScript): it names what will be lost —
 * the revision's changes of the text, the files uploaded with it by name — and that the published version stays; only
 * its POST with confirm=1 discards the revision. It deleted the uploaded files on one click (found by a helper).
 * And the returned revision's banner says to each reader what they can do: its proposer reworks or withdraws it,
 * anyone else waits for the proposer, named.
 */
describeEachDialect('撤回修订 asks first; a returned revision tells each reader what they can do', (db) => {
  it('撤回修订: a page naming the changes and the files that will be lost comes first; only its confirm discards the revision', async () => {
    const { app, deps } = await buildTestApp(db());
    const r = await createPendingRevision(app, deps);
    try {
      expect((await r.upload('停水时间调整.txt', '调整后的停水时间：6 月 3 日。')).statusCode).toBe(303);
      const added = (await listAttachments(deps.db, r.item.id, 'all')).find((a) => a.fileName === '停水时间调整.txt')!;
      const file = attachmentPath(deps.dataDir, added.storageKey);
      const post = (fields: Record<string, string>) => app.inject({ method: 'POST', url: `/admin/publications/${r.item.id}/verbs/withdraw_amendment`, cookies: r.mine.cookies, payload: fields });

      const ask = await post({ _csrf: r.mine.csrf });
      expect(ask.statusCode).toBe(200);
      const said = text(ask.body);
      expect(said).toContain(`撤回修订：${PUBLISHED_TITLE}`);
      expect(said).toContain('修订对以下内容的改动将放弃：标题');
      expect(said).toContain(REVISED_TITLE);
      expect(said).toContain('随修订上传的 1 个附件将删除：停水时间调整.txt');
      expect(said).toContain('已发布的版本不变');
      expect(ask.body).toMatch(new RegExp(`<form method="post" action="/admin/publications/${r.item.id}/verbs/withdraw_amendment">`));
      expect(ask.body).toMatch(/<input type="hidden" name="confirm" value="1"\/?>/);
      expect(ask.body).toMatch(new RegExp(`<a href="/admin/publications/${r.item.id}#review-h">取消`));
      // Nothing is lost yet.
      expect(await findPendingRevision(deps.db, r.item.id)).not.toBeNull();
      expect(fs.existsSync(file)).toBe(true);

      const done = await post({ _csrf: r.mine.csrf, confirm: '1' });
      expect(done.statusCode).toBe(303);
      expect(await findPendingRevision(deps.db, r.item.id)).toBeNull();
      expect(fs.existsSync(file)).toBe(false);
      expect((await findPublication(deps.db, r.item.id))!.title).toBe(PUBLISHED_TITLE);

      // Asked again from a page left open: refused in words, nothing to confirm.
      const again = await post({ _csrf: r.mine.csrf });
      expect(again.statusCode).toBe(303);
      const flash = Object.fromEntries(again.cookies.map((c) => [c.name, c.value]));
      expect(text((await app.inject({ url: `/admin/publications/${r.item.id}`, cookies: { ...r.mine.cookies, ...flash } })).body)).toContain('没有等待审核或退回的修订');
    } finally {
      await app.close();
    }
  });

  it('a returned revision: its proposer is told to rework or withdraw it, the publisher that it waits for the proposer, named', async () => {
    const { app, deps } = await buildTestApp(db());
    const r = await createPendingRevision(app, deps);
    try {
      const theirs = await loginAs(app, r.publisher.username, r.publisher.password);
      const back = await app.inject({ method: 'POST', url: `/admin/publications/${r.item.id}/verbs/return_amendment`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '请删去个人手机号', revisionSeen: /name="revisionSeen" value="([^"]+)"/.exec(await r.page(theirs))![1] } });
      expect(back.statusCode).toBe(303);
      const proposer = (await findPendingRevision(deps.db, r.item.id))!.proposedByLabel;
      const banner = (page: string) => text(page.slice(page.indexOf('修订已退回修改'), page.indexOf('审核通过前，门户显示现行版本')));

      const own = banner(await r.page());
      expect(own).toContain('请修改后重新提交修订，或撤回修订');
      const publisher = banner(await r.page(theirs));
      expect(publisher).not.toContain('重新提交修订，或撤回修订');
      expect(publisher).toContain(`等待修订人 ${proposer} 修改后重新提交或撤回修订`);
    } finally {
      await app.close();
    }
  });
});
