import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { addAttachment } from '../../catalog/index.ts';
import { createApiToken } from '../../identity/index.ts';
import { reindex } from '../../search/index.ts';
import { fillReviewForm, publishImported } from '../index.ts';
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';

/**
 * An attachment's title (附件名称, ADR 0034) where it was still missing: a citizen who types its words finds the
 * item, named by that attachment in 附件命中, on both databases; a title a revision changes is found once the
 * revision is approved (the index written with the approval); the API retitles an attachment as the back office does.
 */
describeEachDialect('attachment titles in search and the API', (db) => {
  type Hit = { id: number; attachmentHit: string | null; snippet: { text: string }[] };
  const searchOf = (app: Awaited<ReturnType<typeof buildTestApp>>['app']) => async (q: string): Promise<Hit[]> => {
    const r = await app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(r.statusCode).toBe(200);
    return r.json().items;
  };

  it('finds an item by words of its attachment’s title, named in 附件命中, and a rebuild of the index keeps it', async () => {
    const { app, deps } = await buildTestApp(db());
    const search = searchOf(app);
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)], { title: '关于开展老旧小区改造试点的通知', bodyHtml: '<p>详见附件。</p>' });
    await addAttachment(deps, system, draft.id, { fileName: 'fujian.txt', bytes: Buffer.from('青云镇东街一号院、西街二号院。'), title: '附件1：试点小区名单' });
    await publishImported(deps, system, draft.id);

    const [hit, ...more] = await search('试点小区名单');
    expect(more).toEqual([]);
    expect(hit.id).toBe(draft.id);
    expect(hit.attachmentHit).toBe('附件1：试点小区名单');
    // The snippet is the attachment's text: the title is the badge's, not said twice.
    const snippet = hit.snippet.map((p) => p.text).join('');
    expect(snippet).toContain('青云镇东街一号院');
    expect(snippet).not.toContain('试点小区名单');
    expect(snippet).not.toContain('fujian.txt');
    expect((await app.inject(`/search?q=${encodeURIComponent('试点小区名单')}`)).body).toContain('附件命中：附件1：试点小区名单');

    await reindex(deps, { threads: 1 });
    expect((await search('试点小区名单')).map((h) => h.id)).toEqual([draft.id]);
    await app.close();
  });

  it('retitles through the API: a draft’s at once, a published item’s with its revision — found by the new title once approved', { timeout: 120_000 }, async () => {
    const { app, deps } = await buildTestApp(db());
    const search = searchOf(app);
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const authorization = `Bearer ${await createApiToken(deps, cast.author.username, 'test')}`;
    const retitle = (itemId: number, fileId: number, body: unknown) =>
      app.inject({ method: 'PUT', url: `/api/v1/publications/${itemId}/attachments/${fileId}/title`, headers: { authorization }, payload: body as object });

    // A draft: stored at once; a bad title is refused by its code, the field named.
    const draft = await createDraft(deps, organ.id, [node], { title: '关于危房改造补助的通知' });
    const draftFile = await addAttachment(deps, system, draft.id, { fileName: 'a.txt', bytes: Buffer.from('补助标准。') });
    const saved = await retitle(draft.id, draftFile, { title: '  附件1：补助标准 ' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ id: draftFile, title: '附件1：补助标准', fileName: 'a.txt', titleWithRevision: null, changed: true });
    expect((await retitle(draft.id, draftFile, { title: '附件1：补助标准' })).json()).toMatchObject({ changed: false });
    const bad = await retitle(draft.id, draftFile, { title: '附件1：\n补助标准' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'ERR_CATALOG_ATTACHMENT_TITLE', field: 'title' } });
    const long = await retitle(draft.id, draftFile, { title: '附'.repeat(101) });
    expect(long.json()).toMatchObject({ error: { code: 'ERR_CATALOG_ATTACHMENT_TITLE', field: 'title' } });
    expect((await retitle(draft.id, draftFile, {})).json()).toMatchObject({ error: { code: 'ERR_CATALOG_ATTACHMENT_TITLE', field: 'title' } });

    // A published item: refused without a revision; with one, the public keeps its title until the approval.
    const item = await createDraft(deps, organ.id, [node], { title: '关于城区停水的通知', bodyHtml: '<p>详见附件。</p>' });
    const fileId = await addAttachment(deps, system, item.id, { fileName: 'tingshui.txt', bytes: Buffer.from('城区停水范围。'), title: '附件：片区名单' });
    await publishImported(deps, system, item.id);
    await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    expect((await retitle(draft.id, fileId, { title: '附件：别的' })).json()).toMatchObject({ error: { code: 'ERR_CATALOG_ATTACHMENT_NOT_FOUND' } });
    const noRevision = await retitle(item.id, fileId, { title: '附件：停水街道名单' });
    expect(noRevision.statusCode).toBe(409);
    expect(noRevision.json()).toMatchObject({ error: { code: 'ERR_REVIEW_NO_REVISION' } });

    await performReviewVerb(deps, cast.author.actor, item.id, 'amend', { changeNote: '附件改名', amended: publicationInput([node], { title: '关于城区停水的通知', bodyHtml: '<p>详见附件。</p>' }) });
    const pending = await retitle(item.id, fileId, { title: '附件：停水街道名单' });
    expect(pending.statusCode).toBe(200);
    expect(pending.json()).toMatchObject({ id: fileId, title: '附件：片区名单', titleWithRevision: { title: '附件：停水街道名单' }, changed: true });
    expect((await app.inject(`/api/v1/publications/${item.id}`)).json().attachments[0].title).toBe('附件：片区名单');
    expect(await search('停水街道名单')).toEqual([]);
    expect((await search('片区名单')).map((h) => h.attachmentHit)).toEqual(['附件：片区名单']);

    await performReviewVerb(deps, cast.office.actor, item.id, 'approve_amendment', { comment: '同意' });
    expect((await search('停水街道名单')).map((h) => [h.id, h.attachmentHit])).toEqual([[item.id, '附件：停水街道名单']]);
    expect(await search('片区名单')).toEqual([]);

    // Taken away with a revision: null (or '') is no title; approved, the old title no longer finds it.
    await performReviewVerb(deps, cast.author.actor, item.id, 'amend', { changeNote: '去掉附件名称', amended: publicationInput([node], { title: '关于城区停水的通知', bodyHtml: '<p>详见附件。</p>' }) });
    expect((await retitle(item.id, fileId, { title: null })).json()).toMatchObject({ title: '附件：停水街道名单', titleWithRevision: { title: null } });
    await performReviewVerb(deps, cast.office.actor, item.id, 'approve_amendment', { comment: '同意' });
    expect(await search('停水街道名单')).toEqual([]);

    // In review: neither a draft's nor a revision's change (as the back office).
    const inReview = await createDraft(deps, organ.id, [node], { title: '关于供暖的通知' });
    const reviewFile = await addAttachment(deps, system, inReview.id, { fileName: 'g.txt', bytes: Buffer.from('供暖。') });
    await fillReviewForm(deps, cast.author.actor, inReview.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    await performReviewVerb(deps, cast.author.actor, inReview.id, 'submit', {});
    const locked = await retitle(inReview.id, reviewFile, { title: '附件：供暖范围' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ error: { code: 'ERR_CATALOG_LOCKED_IN_REVIEW' } });

    // In the OpenAPI document, with its answer's fields.
    const spec = (await app.inject('/api/openapi.json')).json();
    const put = spec.paths['/api/v1/publications/{id}/attachments/{attachmentId}/title']?.put;
    expect(put?.summary).toBe('修改附件名称');
    expect(JSON.stringify(put.responses['200'])).toContain('titleWithRevision');
    await app.close();
  });
});
