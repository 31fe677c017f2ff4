import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';

/** A long 正文 of numbered paragraphs, the fourth of which says when the water is cut. */
const body = (when: string) => [
  ...Array.from({ length: 3 }, (_, i) => `<p>第${i + 1}条　为做好城区供水管网改造期间的群众生活保障工作，各社区应提前告知居民储水，做好老年人、残疾人等特殊群体的送水服务，并在小区公告栏张贴停水通知。</p>`),
  `<p>第4条　停水时间为${when}，届时请居民提前储水。</p>`,
  ...Array.from({ length: 3 }, (_, i) => `<p>第${i + 5}条　供水公司应设置临时供水点，安排专人值守，及时答复群众咨询，确保改造工程按期完成、按时恢复供水。</p>`),
].join('');

/** The part of the item's page that tells the revision: from its heading to the verbs. */
const revisionPart = (page: string) => page.slice(page.indexOf('<h3 id="revision-h"'), page.indexOf('<h3 id="verbs-h"'));

/**
 * An outside tester (a county officer) found the revision's changes shown as two whole texts, old and new:
 * in a long 正文 the reviewer could not see what changed. The changed phrase is marked, deleted and
 * inserted, in words a screen reader says too, and the unchanged paragraphs are folded.
 */
describeEachDialect('the reviewer sees what a revision changes, marked', (db) => {
  it('marks the phrase the revision replaces as deleted and the new one as inserted, and folds the unchanged paragraphs', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item, publisher, page } = await createPendingRevision(app, deps, { publishedBody: body('6月1日'), revisedBody: body('6月3日至6月5日') });
      const theirs = await loginAs(app, publisher.username, publisher.password);
      const part = revisionPart(await page(theirs));
      expect(part).toContain('<del><span class="visually-hidden">〔删除：</span>1日<span class="visually-hidden">〕</span></del>');
      expect(part).toContain('<ins><span class="visually-hidden">〔新增：</span>3日至6月5日<span class="visually-hidden">〕</span></ins>');
      // The title's insertion, as in the body.
      expect(part).toMatch(/关于城区停水<ins><span class="visually-hidden">〔新增：<\/span>时间调整<span class="visually-hidden">〕<\/span><\/ins>的通知/);
      // The three paragraphs before and the three after are folded, not repeated.
      expect(part).toMatch(/未改动 3 段，\d+ 字/);
      expect(part.match(/临时供水点/g)?.length).toBe(6); // three paragraphs in each whole text (现行版本, 修订后), none in the marked one
      expect(part).toContain('删除的文字加删除线');
    } finally {
      await app.close();
    }
  });

  it('says a returned revision is returned, in its heading', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { item, publisher, page } = await createPendingRevision(app, deps);
      const theirs = await loginAs(app, publisher.username, publisher.password);
      expect(revisionPart(await page(theirs))).toContain('<h3 id="revision-h">待审核的修订</h3>');
      const back = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/return_amendment`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '停水时间再核对' } });
      expect(back.statusCode).toBe(303);
      for (const part of [revisionPart(await page(theirs)), revisionPart(await page())]) {
        expect(part).toContain('<h3 id="revision-h">退回修改的修订</h3>');
        expect(part).not.toContain('待审核的修订');
      }
    } finally {
      await app.close();
    }
  });
});
