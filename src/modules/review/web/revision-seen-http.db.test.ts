import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { publicationInput } from '../../../../test/support/factories.ts';
import { CHANGE_NOTE, createPendingRevision, PUBLISHED_TITLE, REVISED_TITLE } from '../../../../test/support/pending-revision.ts';
import { findPublication } from '../../catalog/index.ts';
import { createApiToken } from '../../identity/index.ts';
import { findPendingRevision } from '../index.ts';

const REWORKED_TITLE = '关于城区停水时间再次调整的通知';

/**
 * 修订审核通过 and 退回修订 act on the revision the publisher read: the form (and the API) carries which version of the
 * revision was shown (`revisionSeen`), and when its proposer saved it again — or changed its files — in between, the
 * verb is refused (409 ERR_REVIEW_REVISION_CHANGED), nothing is written, and the page shows the new changes. Found by
 * a helper: an approval sent while the proposer saved again published a text the publisher never saw.
 */
describeEachDialect('a revision approved or returned as it was seen', (db) => {
  async function setUp() {
    const { app, deps } = await buildTestApp(db());
    const r = await createPendingRevision(app, deps);
    const theirs = await loginAs(app, r.publisher.username, r.publisher.password);
    const seenOn = (page: string) => /name="revisionSeen" value="([^"]+)"/.exec(page)?.[1];
    /** The proposer saves the revision again through the item's form, with another title. */
    const saveAgain = () => {
      const { nodeIds, ...fields } = publicationInput([r.node], { title: REWORKED_TITLE });
      return app.inject({
        method: 'POST', url: `/admin/publications/${r.item.id}`, cookies: r.mine.cookies,
        payload: new URLSearchParams({ ...fields, nodeIds: String(nodeIds[0]), changeNote: CHANGE_NOTE, _csrf: r.mine.csrf } as Record<string, string>).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    };
    const publisherApi = { authorization: `Bearer ${await createApiToken(deps, r.publisher.username, 'test')}` };
    const published = async () => (await findPublication(deps.db, r.item.id))!.title;
    return { app, deps, ...r, theirs, seenOn, saveAgain, publisherApi, published };
  }

  for (const verb of ['approve_amendment', 'return_amendment'] as const) {
    it(`${verb}: refused when the proposer saved the revision again after the page was opened, with the new changes shown`, async () => {
      const { app, deps, item, theirs, page, seenOn, saveAgain, published } = await setUp();
      try {
        const seen = seenOn(await page(theirs));
        expect(seen, 'the form carries the revision it shows').toBeTruthy();
        expect((await saveAgain()).statusCode).toBe(303);

        const sent = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/${verb}`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '请删去个人手机号', revisionSeen: seen! } });
        expect(sent.statusCode).toBe(303);
        const flash = Object.fromEntries(sent.cookies.map((c) => [c.name, c.value]));
        const told = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: { ...theirs.cookies, ...flash } })).body;
        expect(told.replace(/<[^>]+>/g, '')).toContain('修订人在您打开本页之后重新保存了修订');
        // The new changes are what the page now shows, and its form carries them.
        expect(told).toContain(REWORKED_TITLE);
        expect(seenOn(told)).not.toBe(seen);

        expect(await published()).toBe(PUBLISHED_TITLE);
        const pending = (await findPendingRevision(deps.db, item.id))!;
        expect(pending.input).toMatchObject({ title: REWORKED_TITLE });
        expect(pending.returned).toBeNull();
        const decisions = await deps.db.selectFrom('review_decisions').select('verb').where('publication_id', '=', item.id).where('verb', '=', verb).execute();
        expect(decisions).toHaveLength(0);

        // Sent with what the page now shows, it is done.
        const again = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/${verb}`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '请删去个人手机号', revisionSeen: seenOn(told)! } });
        expect(again.statusCode).toBe(303);
        if (verb === 'approve_amendment') expect(await published()).toBe(REWORKED_TITLE);
        else expect((await findPendingRevision(deps.db, item.id))!.returned).not.toBeNull();
      } finally {
        await app.close();
      }
    });
  }

  it('over the API: approve-amendment and return-amendment with a stale revisionSeen answer 409 ERR_REVIEW_REVISION_CHANGED, writing nothing', async () => {
    const { app, deps, item, theirs, page, seenOn, saveAgain, publisherApi, published } = await setUp();
    try {
      const seen = seenOn(await page(theirs))!;
      expect((await saveAgain()).statusCode).toBe(303);
      for (const path of ['approve-amendment', 'return-amendment']) {
        const res = await app.inject({ method: 'POST', url: `/api/v1/publications/${item.id}/${path}`, headers: publisherApi, payload: { comment: '请删去个人手机号', revisionSeen: seen } });
        expect(res.statusCode).toBe(409);
        expect(res.json().error).toMatchObject({ code: 'ERR_REVIEW_REFUSED', reasons: [{ code: 'ERR_REVIEW_REVISION_CHANGED' }] });
      }
      expect(await published()).toBe(PUBLISHED_TITLE);
      expect((await findPendingRevision(deps.db, item.id))!.returned).toBeNull();
      // The revision as it now stands is read over the API, with the revisionSeen to send.
      const current = await app.inject({ url: `/api/v1/publications/${item.id}/revision`, headers: publisherApi });
      expect(current.statusCode).toBe(200);
      expect(current.json()).toMatchObject({ amended: { title: REWORKED_TITLE }, changeNote: CHANGE_NOTE, returned: null });
      const ok = await app.inject({ method: 'POST', url: `/api/v1/publications/${item.id}/approve-amendment`, headers: publisherApi, payload: { revisionSeen: current.json().revisionSeen } });
      expect(ok.statusCode).toBe(200);
      expect(await published()).toBe(REWORKED_TITLE);
    } finally {
      await app.close();
    }
  });

  it('an approval sent while the proposer saves again never publishes a text the publisher did not see', async () => {
    for (let round = 0; round < 3; round++) {
      const { app, deps, item, theirs, page, seenOn, saveAgain, publisherApi, published } = await setUp();
      try {
        const seen = seenOn(await page(theirs))!;
        const [approval, saved] = await Promise.all([
          app.inject({ method: 'POST', url: `/api/v1/publications/${item.id}/approve-amendment`, headers: publisherApi, payload: { revisionSeen: seen } }),
          saveAgain(),
        ]);
        expect(saved.statusCode).toBeLessThan(500);
        if (approval.statusCode === 200) {
          // Approved first: what it published is what the publisher saw; a save told done (303) is a new revision, never lost on the closed one.
          expect(await published()).toBe(REVISED_TITLE);
          if (saved.statusCode === 303) expect((await findPendingRevision(deps.db, item.id))?.input).toMatchObject({ title: REWORKED_TITLE });
        } else {
          expect(approval.statusCode).toBe(409);
          expect(approval.json().error.reasons).toEqual([expect.objectContaining({ code: 'ERR_REVIEW_REVISION_CHANGED' })]);
          expect(await published()).toBe(PUBLISHED_TITLE);
          expect((await findPendingRevision(deps.db, item.id))!.input).toMatchObject({ title: REWORKED_TITLE });
        }
        expect(await published()).not.toBe(REWORKED_TITLE);
      } finally {
        await app.close();
      }
    }
  });
});
