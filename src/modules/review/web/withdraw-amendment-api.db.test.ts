import fs from 'node:fs';
import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createStaff } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { createPendingRevision, PUBLISHED_TITLE, REVISED_TITLE } from '../../../../test/support/pending-revision.ts';
import { attachmentPath, listAttachments } from '../../catalog/index.ts';
import { createApiToken } from '../../identity/index.ts';
import { findPendingRevision, returnedTo } from '../index.ts';

/**
 * 撤回修订 over the API (`POST /publications/{id}/withdraw-amendment`, ADR 0051): the revision's proposer discards it,
 * waiting for review or returned by the publisher, with the files it added; a live file it was to remove stays; the
 * published version — what the portal and the API show — is as it was. Anyone else is refused with a stable code, and a
 * second call, or two at once, is refused as there is no revision left, never a 500.
 */
describeEachDialect('撤回修订 over the API', (db) => {
  async function setUp() {
    const { app, deps } = await buildTestApp(db());
    const r = await createPendingRevision(app, deps, { files: [{ fileName: '停水范围.txt', bytes: Buffer.from('停水范围：城关镇幸福路。') }] });
    const bearer = async (username: string) => ({ authorization: `Bearer ${await createApiToken(deps, username, 'test')}` });
    const officer = await bearer(r.officer.username);
    const publisher = await bearer(r.publisher.username);
    const post = (verb: string, headers: Record<string, string>, payload: Record<string, unknown> = {}) =>
      app.inject({ method: 'POST', url: `/api/v1/publications/${r.item.id}/${verb}`, headers, payload });
    const live = (await listAttachments(deps.db, r.item.id, 'all'))[0];
    // The revision adds a file and is to remove the live one.
    const form = multipartForm([{ name: 'file', value: Buffer.from('调整后的停水时间：6 月 3 日。'), fileName: '停水时间调整.txt' }]);
    const added = await app.inject({ method: 'POST', url: `/api/v1/publications/${r.item.id}/revision/attachments`, payload: form.payload, headers: { ...form.headers, ...officer } });
    expect(added.statusCode).toBe(201);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/publications/${r.item.id}/revision/attachments/${live.id}`, headers: officer })).statusCode).toBe(200);
    const addedFile = attachmentPath(deps.dataDir, (await listAttachments(deps.db, r.item.id, 'all')).find((a) => a.id === added.json().id)!.storageKey);
    expect(fs.existsSync(addedFile)).toBe(true);
    const published = async () => (await app.inject({ url: `/api/v1/publications/${r.item.id}` })).json();
    const before = await published();
    expect(before).toMatchObject({ title: PUBLISHED_TITLE, attachments: [expect.objectContaining({ fileName: '停水范围.txt' })] });

    /** What 撤回修订 leaves: no revision, the added file gone from the item and the disk, the live one kept, the published version as it was. */
    const discarded = async () => {
      expect(await findPendingRevision(deps.db, r.item.id)).toBeNull();
      expect((await listAttachments(deps.db, r.item.id, 'all')).map((a) => [a.fileName, a.revisionState])).toEqual([['停水范围.txt', null]]);
      expect(fs.existsSync(addedFile)).toBe(false);
      expect(fs.existsSync(attachmentPath(deps.dataDir, live.storageKey))).toBe(true);
      expect(await published()).toEqual(before);
    };
    return { app, deps, ...r, officer, publisher, post, addedFile, discarded };
  }

  it('discards a revision waiting for review, and refuses a second call: there is none left', async () => {
    const { app, item, officer, post, discarded } = await setUp();
    try {
      const withdrawn = await post('withdraw-amendment', officer);
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json()).toMatchObject({ id: item.id, title: PUBLISHED_TITLE, status: 'published' });
      await discarded();

      const again = await post('withdraw-amendment', officer);
      expect(again.statusCode).toBe(409);
      expect(again.json().error).toMatchObject({ code: 'ERR_REVIEW_REFUSED', reasons: [{ code: 'ERR_REVIEW_NO_REVISION', message: '没有等待审核或退回的修订' }] });
      await discarded();
    } finally {
      await app.close();
    }
  });

  it('discards a revision the publisher returned (退回修订), which then leaves its proposer\'s 待办', async () => {
    const { app, deps, item, officer, publisher, post, discarded } = await setUp();
    try {
      const back = await post('return-amendment', publisher, { comment: '请删去个人手机号' });
      expect(back.statusCode).toBe(200);
      expect((await findPendingRevision(deps.db, item.id))!.returned).toMatchObject({ comment: '请删去个人手机号' });
      const withdrawn = await post('withdraw-amendment', officer);
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json()).toMatchObject({ title: PUBLISHED_TITLE });
      await discarded();
      expect(await returnedTo(deps.db, (await proposerId(deps, item.id)))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses anyone but its proposer — the publisher, another officer — with ERR_REVIEW_NOT_PROPOSER, in review or returned', async () => {
    const { app, deps, organ, item, publisher, post, addedFile } = await setUp();
    try {
      const other = { authorization: `Bearer ${await createApiToken(deps, (await createStaff(deps, organ.code, 'editor')).username, 'test')}` };
      const refusedTo = async (headers: Record<string, string>) => {
        const res = await post('withdraw-amendment', headers);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'ERR_REVIEW_REFUSED', message: '操作未能完成：只有修订人本人可以撤回修订', reasons: [{ code: 'ERR_REVIEW_NOT_PROPOSER', message: '只有修订人本人可以撤回修订' }] });
      };
      await refusedTo(publisher);
      await refusedTo(other);
      expect(await post('return-amendment', publisher, { comment: '请删去个人手机号' })).toMatchObject({ statusCode: 200 });
      await refusedTo(publisher);
      await refusedTo(other);
      // Nothing of the revision was touched.
      const kept = (await findPendingRevision(deps.db, item.id))!;
      expect(kept.input).toMatchObject({ title: REVISED_TITLE });
      expect(kept.returned).not.toBeNull();
      expect(fs.existsSync(addedFile)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('sent twice at once, discards it once and refuses the other call', async () => {
    const { app, deps, item, officer, post, discarded } = await setUp();
    try {
      const answers = await Promise.all([post('withdraw-amendment', officer), post('withdraw-amendment', officer)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.statusCode === 409)!.json().error.reasons).toEqual([expect.objectContaining({ code: 'ERR_REVIEW_NO_REVISION' })]);
      await discarded();
      const decisions = await deps.db.selectFrom('review_decisions').select('verb').where('publication_id', '=', item.id).where('verb', '=', 'withdraw_amendment').execute();
      expect(decisions, 'one 撤回修订 in the sign-off log').toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('退回修订 sent twice at once returns it once; the other call is refused as the revision now stands', async () => {
    const { app, deps, item, publisher, post } = await setUp();
    try {
      const answers = await Promise.all([post('return-amendment', publisher, { comment: '请删去个人手机号' }), post('return-amendment', publisher, { comment: '请删去个人手机号' })]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.statusCode === 409)!.json().error.reasons).toEqual([expect.objectContaining({ code: 'ERR_REVIEW_REVISION_RETURNED' })]);
      const decisions = await deps.db.selectFrom('review_decisions').select('verb').where('publication_id', '=', item.id).where('verb', '=', 'return_amendment').execute();
      expect(decisions).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

async function proposerId(deps: { db: import('../../../platform/db/connect.ts').Db }, publicationId: number): Promise<number> {
  const row = await deps.db.selectFrom('publication_revisions').select('proposed_by').where('publication_id', '=', publicationId).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row.proposed_by!;
}
