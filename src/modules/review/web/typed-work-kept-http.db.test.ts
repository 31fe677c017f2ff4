import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { createActor, createDraft, createNode, createOrgan, createPublished, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { addAttachment, createPublication, findPublication, listAttachments } from '../../catalog/index.ts';
import { publishImported } from '../use-cases/publish-imported.ts';
import { loadForm } from '../storage/review-repository.ts';
import { findPendingRevision } from '../storage/revisions-repository.ts';
import { REVIEW_PANEL } from './item-page-places.ts';

/**
 * Nothing an officer types on an item's page is thrown away by another of its buttons (an outside
 * tester: a revision refused for want of a 密级 was lost when the 保密审查表 was then saved, as the
 * refusal asked). While the item's text can be edited, the 保密审查表's fields and its button, and
 * 报送审核, belong to the item's form (form="publication-form"): what a button does not save, the page
 * it answers with still holds as typed.
 */
describeEachDialect('what an officer typed on an item’s page is kept', (db) => {
  const post = (app: Awaited<ReturnType<typeof buildTestApp>>['app'], url: string, session: { cookies: Record<string, string>; csrf: string }, fields: Record<string, string>) =>
    app.inject({
      method: 'POST', url, cookies: session.cookies,
      payload: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  /** The item's form as the browser sends it: its own fields and the 保密审查表's, which belong to it. */
  const typedForm = (nodeId: number, over: Record<string, string>) => {
    const { nodeIds: _nodes, ...fields } = publicationInput([nodeId], { title: '关于城区停水时间调整的通知', bodyHtml: '<p>停水时间改为 6 月 3 日 8 时至 18 时。</p>' });
    return { ...(fields as Record<string, string>), nodeIds: String(nodeId), secrecyLevel: '', avoidanceNote: '', ...over };
  };

  it('a published item without a 保密审查表 (imported): the revision refused for the 密级 is still there after 保存审查表, and then saved', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '关于城区停水的通知' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const mine = await loginAs(app, officer.username, officer.password);
    const typed = typedForm(node, { changeNote: '停水时间改为 6 月 3 日', expectedVersion: String(item.version) });

    const refused = await post(app, `/admin/publications/${item.id}`, mine, typed);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('保密审查表未填写密级');
    expect(refused.body).toContain('value="关于城区停水时间调整的通知"');
    // The 保密审查表 on that page sends the revision with it: its fields and its button are the item form's.
    expect(refused.body).toMatch(/<form id="publication-form"/);
    expect(refused.body).toMatch(/<select id="f-secrecyLevel" name="secrecyLevel" form="publication-form"/);
    expect(refused.body).toMatch(/<button[^>]*form="publication-form"[^>]*formaction="\/admin\/publications\/\d+\/review-form"[^>]*>保存审查表<\/button>/);

    // 保存审查表 saves the table and answers with the revision as typed, not the published text.
    const formSaved = await post(app, `/admin/publications/${item.id}/review-form`, mine, { ...typed, secrecyLevel: 'non_secret', avoidanceNote: '不涉及个人信息' });
    expect(formSaved.statusCode).toBe(200);
    expect(formSaved.body).toContain('保密审查表已保存');
    expect(formSaved.body).toContain('value="关于城区停水时间调整的通知"');
    expect(formSaved.body).toContain('停水时间改为 6 月 3 日</textarea>');
    expect(formSaved.body).toContain('停水时间改为 6 月 3 日 8 时至 18 时');
    expect((await loadForm(deps.db, item.id))?.secrecyLevel).toBe('non_secret');
    expect(await findPendingRevision(deps.db, item.id)).toBeNull();

    const saved = await post(app, `/admin/publications/${item.id}`, mine, { ...typed, secrecyLevel: 'non_secret' });
    expect(saved.statusCode).toBe(303);
    expect((await findPendingRevision(deps.db, item.id))?.input).toMatchObject({ title: '关于城区停水时间调整的通知' });
    expect((await findPublication(deps.db, item.id))?.title).toBe('关于城区停水的通知');
    await app.close();
  });

  it('the 密级 chosen with the revision is saved with it: 保存修订并报送审核 is not refused for it', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const item = await createPublished(deps, organ.id, [node], { title: '关于城区停水的通知' });
    const officer = await createStaff(deps, organ.code, 'editor');
    const mine = await loginAs(app, officer.username, officer.password);

    const res = await post(app, `/admin/publications/${item.id}`, mine, typedForm(node, { changeNote: '停水时间改为 6 月 3 日', secrecyLevel: 'non_secret' }));
    expect(res.statusCode).toBe(303);
    expect((await loadForm(deps.db, item.id))?.secrecyLevel).toBe('non_secret');
    expect((await findPendingRevision(deps.db, item.id))?.input).toMatchObject({ title: '关于城区停水时间调整的通知' });

    // A table the officer got wrong refuses the whole save, and the page still holds everything typed.
    const other = await createPublished(deps, organ.id, [node], { title: '关于城区停电的通知' });
    const wrong = await post(app, `/admin/publications/${other.id}`, mine, typedForm(node, { changeNote: '时间调整', secrecyLevel: 'non_secret', involvesPersonalInfo: 'on', avoidanceNote: '' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('涉及个人信息时须说明处理方式');
    expect(wrong.body).toContain('value="关于城区停水时间调整的通知"');
    expect(wrong.body).toMatch(/name="involvesPersonalInfo" value="on" form="publication-form" checked/);
    expect(await loadForm(deps.db, other.id)).toBeNull();
    expect(await findPendingRevision(deps.db, other.id)).toBeNull();
    await app.close();
  });

  it('a draft: 保存审查表 keeps the typed text on the page, 保存 saves the table with the text, 保存并报送审核 saves before it submits', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createActor(deps, organ.code, 'editor');
    const draft = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    const mine = await loginAs(app, officer.username, officer.password);

    const page = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: mine.cookies })).body;
    expect(page).toMatch(/<button[^>]*form="publication-form"[^>]*formaction="\/admin\/publications\/\d+\/save-and-submit"[^>]*>保存并报送审核<\/button>/);

    const formOnly = await post(app, `/admin/publications/${draft.id}/review-form`, mine, typedForm(node, { secrecyLevel: 'non_secret', expectedVersion: String(draft.version) }));
    expect(formOnly.statusCode).toBe(200);
    expect(formOnly.body).toContain('value="关于城区停水时间调整的通知"');
    expect((await findPublication(deps.db, draft.id))?.title).toBe('关于城区停水的通知');
    expect((await loadForm(deps.db, draft.id))?.secrecyLevel).toBe('non_secret');

    // 保存 takes the table as it stands in the form: here, its note.
    const saved = await post(app, `/admin/publications/${draft.id}`, mine, typedForm(node, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密', expectedVersion: String(draft.version) }));
    expect(saved.statusCode).toBe(303);
    expect((await findPublication(deps.db, draft.id))?.title).toBe('关于城区停水时间调整的通知');
    expect((await loadForm(deps.db, draft.id))?.avoidanceNote).toBe('不涉及国家秘密');

    const current = (await findPublication(deps.db, draft.id))!;
    const submitted = await post(app, `/admin/publications/${draft.id}/save-and-submit`, mine, typedForm(node, { title: '关于城区停水时间再次调整的通知', secrecyLevel: 'non_secret', expectedVersion: String(current.version) }));
    expect(submitted.statusCode).toBe(303);
    const after = (await findPublication(deps.db, draft.id))!;
    expect(after.title).toBe('关于城区停水时间再次调整的通知');
    expect(after.status).toBe('in_review');
    await app.close();
  });

  it('a draft’s 保存并报送审核 refused: what was typed is saved and the page says it was not submitted, and why', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createActor(deps, organ.code, 'editor');
    const draft = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    const mine = await loginAs(app, officer.username, officer.password);

    const res = await post(app, `/admin/publications/${draft.id}/save-and-submit`, mine, typedForm(node, { expectedVersion: String(draft.version) }));
    expect(res.statusCode).toBe(303);
    const { body: told } = await flashToldAt(app, res, mine, REVIEW_PANEL);
    expect(told).toMatch(/id="flash-review-h"[^>]*>[\s\S]*?已保存，尚未报送：[\s\S]*?报送前请填写保密审查表的密级/);
    const after = (await findPublication(deps.db, draft.id))!;
    expect(after.title).toBe('关于城区停水时间调整的通知');
    expect(after.status).toBe('draft');

    // A save itself refused (no 标题): nothing saved or submitted, the page holds what was typed.
    const bad = await post(app, `/admin/publications/${draft.id}/save-and-submit`, mine, typedForm(node, { title: '', secrecyLevel: 'non_secret', summary: '停水范围：城北片区', expectedVersion: String(after.version) }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('停水范围：城北片区');
    expect(bad.body).toMatch(/<option value="non_secret" selected/);
    expect((await findPublication(deps.db, draft.id))?.status).toBe('draft');
    await app.close();
  });
  it('an attachment uploaded, deleted, or marked with a revision: the page comes back with the text as typed', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createActor(deps, organ.code, 'editor');
    const draft = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    const mine = await loginAs(app, officer.username, officer.password);
    const page = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: mine.cookies })).body;
    expect(page).toMatch(/<input id="f-file" name="attachment" type="file" form="publication-form"/);
    expect(page).toMatch(/<button[^>]*form="publication-form"[^>]*formenctype="multipart\/form-data"[^>]*formaction="\/admin\/publications\/\d+\/attachments"[^>]*>上传<\/button>/);

    // As the browser sends the item's form with its 上传 button: the token first, the Word box (empty), the fields, the attachment, the 保密审查表.
    const typed = typedForm(node, { expectedVersion: String(draft.version) });
    const { secrecyLevel, avoidanceNote, ...itemFields } = typed;
    const upload = await app.inject({
      method: 'POST', url: `/admin/publications/${draft.id}/attachments`, cookies: mine.cookies,
      ...multipartForm([
        { name: '_csrf', value: mine.csrf }, ...Object.entries(itemFields).map(([name, value]) => ({ name, value })), { name: 'file', value: '', fileName: '' },
        { name: 'attachment', value: '停水范围示意。', fileName: '停水范围.txt' }, { name: 'secrecyLevel', value: secrecyLevel }, { name: 'avoidanceNote', value: '已隐去住户姓名' },
      ]),
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.body).toContain('已上传附件“停水范围.txt”');
    expect(upload.body).toContain('value="关于城区停水时间调整的通知"');
    expect(upload.body).toContain('已隐去住户姓名</textarea>');
    expect((await listAttachments(deps.db, draft.id, 'all')).map((a) => a.fileName)).toEqual(['停水范围.txt']);
    expect((await findPublication(deps.db, draft.id))?.title).toBe('关于城区停水的通知');

    const [attachment] = await listAttachments(deps.db, draft.id, 'all');
    const deleted = await post(app, `/admin/attachments/${attachment.id}/delete`, mine, typed);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain('附件“停水范围.txt”已删除');
    expect(deleted.body).toContain('value="关于城区停水时间调整的通知"');
    expect(await listAttachments(deps.db, draft.id, 'all')).toEqual([]);

    // A published item's pending revision: 随修订删除 keeps the revision typed above.
    const unpublished = await createDraft(deps, organ.id, [node], { title: '关于城区停电的通知' });
    await addAttachment(deps, system, unpublished.id, { fileName: '停电范围.txt', bytes: Buffer.from('城北片区') });
    const item = await publishImported(deps, system, unpublished.id);
    const saved = await post(app, `/admin/publications/${item.id}`, mine, typedForm(node, { title: '关于城区停电时间调整的通知', changeNote: '时间调整', secrecyLevel: 'non_secret' }));
    expect(saved.statusCode).toBe(303);
    const [published] = await listAttachments(deps.db, item.id, 'all');
    const revisionPage = (await app.inject({ url: `/admin/publications/${item.id}`, cookies: mine.cookies })).body;
    expect(revisionPage).toMatch(/<button[^>]*form="publication-form"[^>]*formaction="\/admin\/revision-attachments\/\d+\/remove"/);
    const marked = await post(app, `/admin/revision-attachments/${published.id}/remove`, mine, typedForm(node, { title: '关于城区停电时间再次调整的通知', changeNote: '时间再次调整' }));
    expect(marked.statusCode).toBe(200);
    expect(marked.body).toContain('修订审核通过后将删除附件“停电范围.txt”');
    expect(marked.body).toContain('value="关于城区停电时间再次调整的通知"');
    expect(marked.body).toContain('时间再次调整</textarea>');
    await app.close();
  });
});
