import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { addAttachment } from '../../catalog/index.ts';
import { fillReviewForm, publishImported } from '../index.ts';
import { editorIdsOf } from '../storage/review-state-repository.ts';

const DOCX = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60)]);

/**
 * An attachment's title (附件名称, as a 公文 names its 附件; an outside tester: the portal showed only
 * "jiazhuang.docx"): typed beside the file box or afterwards on the item's page, checked, and shown to the
 * public as the link with the file name after it. A published item's title changes with its revision.
 */
describeEachDialect('attachment titles', (db) => {
  const boundary = '----gk-title';
  const multipart = (parts: { name: string; value: string; fileName?: string }[]) => ({
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: text/plain` : ''}\r\n\r\n${p.value}\r\n`).join('') + `--${boundary}--\r\n`,
  });
  const form = (body: Record<string, string>) => ({ payload: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('stores a title typed at upload and one edited on the draft’s page, refuses a bad one, and shows it on the portal and in the API', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const draft = await createDraft(deps, organ.id, [node], { title: '关于开展老旧小区改造试点的通知' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const mine = await loginAs(app, officer.username, officer.password);

    const upload = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/attachments`, cookies: mine.cookies,
      ...multipart([{ name: '_csrf', value: mine.csrf }, { name: 'attachmentTitle', value: '  附件1：试点小区名单 ' }, { name: 'file', value: '名单。', fileName: 'fujian.txt' }]),
    });
    expect(upload.statusCode).toBe(303);
    const first = await deps.db.selectFrom('attachments').select(['id', 'title']).where('publication_id', '=', draft.id).executeTakeFirstOrThrow();
    expect(first.title).toBe('附件1：试点小区名单');
    const second = await addAttachment(deps, system, draft.id, { fileName: 'jiazhuang.docx', bytes: DOCX });

    const page = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: mine.cookies })).body;
    expect(page).toMatch(new RegExp(`name="attachmentTitle-${first.id}"[^>]*value="附件1：试点小区名单"`));
    expect(page).toContain('保存附件名称');

    // A line break or 101 characters: refused with the reason beside the box, nothing stored.
    for (const [bad, says] of [['附件2：\n申请表', '只能是一行文字'], ['附'.repeat(101), '不能超过 100 个字']] as const) {
      const refused = await app.inject({ method: 'POST', url: `/admin/publications/${draft.id}/attachment-titles`, cookies: mine.cookies, ...form({ _csrf: mine.csrf, title: draft.title, [`attachmentTitle-${second}`]: bad }) });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(says);
      expect((await deps.db.selectFrom('attachments').select('title').where('id', '=', second).executeTakeFirstOrThrow()).title).toBeNull();
    }
    const saved = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/attachment-titles`, cookies: mine.cookies,
      ...form({ _csrf: mine.csrf, [`attachmentTitle-${first.id}`]: '附件1：试点小区名单', [`attachmentTitle-${second}`]: '附件2：申请表' }),
    });
    expect(saved.statusCode).toBe(303);
    expect((await deps.db.selectFrom('attachments').select('title').where('id', '=', second).executeTakeFirstOrThrow()).title).toBe('附件2：申请表');

    // The item's own 保存 stores the titles typed beside its attachments too: nothing typed on its page is lost.
    const { nodeIds, ...fields } = publicationInput([node], { title: '关于开展老旧小区改造试点的通知' });
    const itemSave = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}`, cookies: mine.cookies,
      ...form({ ...fields, nodeIds: String(nodeIds[0]), _csrf: mine.csrf, [`attachmentTitle-${first.id}`]: '附件1：试点小区名单（第一批）', [`attachmentTitle-${second}`]: '附件2：申请表' } as Record<string, string>),
    });
    expect(itemSave.statusCode).toBe(303);
    expect((await deps.db.selectFrom('attachments').select('title').where('id', '=', first.id).executeTakeFirstOrThrow()).title).toBe('附件1：试点小区名单（第一批）');

    await publishImported(deps, system, draft.id);
    const portal = (await app.inject(`/organs/${organ.code}/items/${draft.id}`)).body;
    expect(portal).toMatch(/<a href="\/attachments\/\d+\/jiazhuang\.docx" title="jiazhuang\.docx">附件2：申请表<\/a>/);
    expect(portal).toContain('（DOCX，');
    expect(portal).toContain('文件名：jiazhuang.docx）');
    const api = await app.inject(`/api/v1/publications/${draft.id}`);
    expect(api.json().attachments.map((a: { title: string | null }) => a.title)).toEqual(['附件1：试点小区名单（第一批）', '附件2：申请表']);
    await app.close();
  });

  it('changes a published item’s title with its revision: the public keeps the old one until it is approved, and a withdrawn revision drops it', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createDraft(deps, organ.id, [node], { title: '关于城区停水的通知' });
    const fileId = await addAttachment(deps, system, item.id, { fileName: 'tingshui.txt', bytes: Buffer.from('城区停水范围。') });
    await publishImported(deps, system, item.id);
    await fillReviewForm(deps, system, item.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const publisher = await createStaff(deps, organ.code, 'disclosure_office');
    const mine = await loginAs(app, officer.username, officer.password);
    const portal = async () => (await app.inject(`/organs/${organ.code}/items/${item.id}`)).body;
    const retitle = (title: string) => app.inject({ method: 'POST', url: `/admin/publications/${item.id}/attachment-titles`, cookies: mine.cookies, ...form({ _csrf: mine.csrf, [`attachmentTitle-${fileId}`]: title }) });

    // No revision yet: refused, as adding a file is.
    expect((await retitle('附件：停水范围')).statusCode).toBe(303);
    expect((await deps.db.selectFrom('attachments').select('pending_title').where('id', '=', fileId).executeTakeFirstOrThrow()).pending_title).toBeNull();

    const { nodeIds, ...fields } = publicationInput([node], { title: '关于城区停水时间调整的通知' });
    const amend = () => app.inject({ method: 'POST', url: `/admin/publications/${item.id}`, cookies: mine.cookies, ...form({ ...fields, nodeIds: String(nodeIds[0]), changeNote: '改停水时间', _csrf: mine.csrf } as Record<string, string>) });
    expect((await amend()).statusCode).toBe(303);
    expect((await retitle('附件：停水范围')).statusCode).toBe(303);
    expect(await portal()).toMatch(/>tingshui\.txt<\/a>/);
    expect(await portal()).not.toContain('附件：停水范围');
    const theirs = await loginAs(app, publisher.username, publisher.password);
    expect((await app.inject({ url: `/admin/publications/${item.id}`, cookies: theirs.cookies })).body).toContain('附件名称随修订改为“附件：停水范围”');
    expect((await app.inject({ url: `/admin/publications/${item.id}`, cookies: theirs.cookies })).body).toContain('修改附件名称：');

    const approved = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/approve_amendment`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '同意' } });
    expect(approved.statusCode).toBe(303);
    expect(await portal()).toMatch(/title="tingshui\.txt">附件：停水范围<\/a>/);

    // Taken away with a second revision, which its proposer withdraws: the approved title stays, the change is dropped.
    const { nodeIds: n2, ...again } = publicationInput([node], { title: '关于城区停水时间再次调整的通知' });
    expect((await app.inject({ method: 'POST', url: `/admin/publications/${item.id}`, cookies: mine.cookies, ...form({ ...again, nodeIds: String(n2[0]), changeNote: '再改', _csrf: mine.csrf } as Record<string, string>) })).statusCode).toBe(303);
    expect((await retitle('')).statusCode).toBe(303);
    expect((await deps.db.selectFrom('attachments').select('pending_title').where('id', '=', fileId).executeTakeFirstOrThrow()).pending_title).toBe('');
    // 退回修订 keeps it with its proposer, the 退回意见 on the item's page (ADR 0051); 撤回修订 by its proposer then drops it.
    const back = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/return_amendment`, cookies: theirs.cookies, payload: { _csrf: theirs.csrf, comment: '再核对' } });
    expect(back.statusCode).toBe(303);
    const minePage = (await app.inject({ method: 'GET', url: `/admin/publications/${item.id}`, cookies: mine.cookies })).body;
    expect(minePage).toContain('退回意见：再核对');
    // The form above it holds the returned revision, which waits for its proposer, not for a reviewer.
    expect(minePage).not.toContain('正在等待审核的修订');
    expect(minePage).toContain('下方表单显示的是退回给修订人修改的修订');
    expect((await deps.db.selectFrom('attachments').select('pending_title').where('id', '=', fileId).executeTakeFirstOrThrow()).pending_title).toBe('');
    const returned = await app.inject({ method: 'POST', url: `/admin/publications/${item.id}/verbs/withdraw_amendment`, cookies: mine.cookies, payload: { _csrf: mine.csrf, confirm: '1' } });
    expect(returned.statusCode).toBe(303);
    expect((await deps.db.selectFrom('attachments').select(['title', 'pending_title']).where('id', '=', fileId).executeTakeFirstOrThrow())).toEqual({ title: '附件：停水范围', pending_title: null });
    await app.close();
  });

  it('names a titled attachment by its title in a search hit’s 附件命中', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)], { title: '关于湿地保护的通知', bodyHtml: '<p>详见附件。</p>' });
    await addAttachment(deps, system, draft.id, { fileName: 'fujian.txt', bytes: Buffer.from('东方蝾螈 两栖纲 有尾目，见于青云镇山溪。'), title: '附件1：湿地物种名录' });
    await publishImported(deps, system, draft.id);
    const [hit] = (await app.inject(`/api/v1/search?q=${encodeURIComponent('蝾螈')}`)).json().items;
    expect(hit.attachmentHit).toBe('附件1：湿地物种名录');
    expect((await app.inject(`/search?q=${encodeURIComponent('蝾螈')}`)).body).toContain('附件命中：附件1：湿地物种名录');
    await app.close();
  });

  it('counts whoever retitles a draft’s attachment among its writers (who may not then approve it)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const draft = await createDraft(deps, organ.id, [await createNode(deps, organ.id)]);
    const fileId = await addAttachment(deps, system, draft.id, { fileName: 'fujian.docx', bytes: DOCX });
    const colleague = await createStaff(deps, organ.code, 'editor');
    const session = await loginAs(app, colleague.username, colleague.password);
    const saved = await app.inject({ method: 'POST', url: `/admin/publications/${draft.id}/attachment-titles`, cookies: session.cookies, ...form({ _csrf: session.csrf, [`attachmentTitle-${fileId}`]: '附件1：名单' }) });
    expect(saved.statusCode).toBe(303);
    expect(await editorIdsOf(deps.db, draft.id)).toContain(colleague.id);
    await app.close();
  });
});
