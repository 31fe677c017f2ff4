import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { flashToldAt } from '../../../../test/support/placed-flash.ts';
import { createActor, createNode, createOrgan, createReviewCast, publicationInput, system } from '../../../../test/support/factories.ts';
import { createApiToken, loadPrincipal, setUserRole } from '../../identity/index.ts';
import { createPublication, findPublication } from '../../catalog/index.ts';
import { loadForm } from '../storage/review-repository.ts';
import { clearReviewForm, fillReviewForm } from '../use-cases/fill-review-form.ts';
import { performReviewVerb } from '../use-cases/perform-review-verb.ts';
import { REVIEW_PANEL } from './item-page-places.ts';

/**
 * A 保密审查表 emptied and saved is gone, not kept (an officer who cleared every field and saved saw the
 * old answers come back, and the item still counted as reviewed). Clearing removes the drafter's table
 * while it may be filled (a draft, a returned item): the item then cannot be submitted, approved or
 * published until the table is filled again, and the audit log names who cleared it and what it said.
 * Once submitted or published the table is locked, cleared or not.
 */
describeEachDialect('a 保密审查表 cleared by its drafter', (db) => {
  type App = Awaited<ReturnType<typeof buildTestApp>>['app'];
  const post = (app: App, url: string, session: { cookies: Record<string, string>; csrf: string }, fields: Record<string, string>) =>
    app.inject({
      method: 'POST', url, cookies: session.cookies,
      payload: new URLSearchParams({ ...fields, _csrf: session.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  /** The item's form as the browser sends it, its 保密审查表 emptied: no 密级, 涉及个人信息 not ticked (so not sent), no note. */
  const emptied = (nodeId: number, version: number, over: Record<string, string> = {}) => {
    const { nodeIds: _nodes, ...fields } = publicationInput([nodeId], { title: '关于城区停水的通知' });
    return { ...(fields as Record<string, string>), nodeIds: String(nodeId), expectedVersion: String(version), secrecyLevel: '', avoidanceNote: '', ...over };
  };
  const clearedEntries = async (deps: { db: Parameters<typeof loadForm>[0] }, id: number) =>
    deps.db.selectFrom('audit_events').select(['actor_user_id', 'before_json', 'after_json']).where('action', '=', 'review_form.clear').where('entity_id', '=', String(id)).execute();

  it('保存 with every field of the table emptied removes it: the page shows it empty, 报送审核 asks for it, the audit log names who cleared it', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createActor(deps, organ.code, 'editor');
    const draft = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    await fillReviewForm(deps, officer.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: 'on', avoidanceNote: '已隐去住户姓名' });
    const mine = await loginAs(app, officer.username, officer.password);

    const saved = await post(app, `/admin/publications/${draft.id}`, mine, emptied(node, draft.version));
    expect(saved.statusCode).toBe(303);
    expect(await loadForm(deps.db, draft.id)).toBeNull();
    const page = (await app.inject({ url: `/admin/publications/${draft.id}`, cookies: { ...mine.cookies, gk_flash: saved.cookies.find((c) => c.name === 'gk_flash')!.value } })).body;
    expect(page).toContain('保密审查表已清空');
    expect(page).not.toMatch(/<option value="non_secret" selected/);
    expect(page).not.toContain('已隐去住户姓名');
    expect(page).toContain('报送前请填写保密审查表的密级');

    const entries = await clearedEntries(deps, draft.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].actor_user_id).toBe(officer.id);
    expect(JSON.parse(entries[0].before_json!)).toEqual({ secrecyLevel: 'non_secret', involvesPersonalInfo: true, avoidanceNote: '已隐去住户姓名' });

    // 保存并报送审核 then saves and is refused for the table, as for a draft never given one.
    const current = (await findPublication(deps.db, draft.id))!;
    const submit = await post(app, `/admin/publications/${draft.id}/save-and-submit`, mine, emptied(node, current.version));
    const { body: told } = await flashToldAt(app, submit, mine, REVIEW_PANEL);
    expect(told).toMatch(/id="flash-review-h"[^>]*>[\s\S]*?已保存，尚未报送：[\s\S]*?报送前请填写保密审查表的密级/);
    expect((await findPublication(deps.db, draft.id))?.status).toBe('draft');
    // Nothing left to clear: no second entry.
    expect(await clearedEntries(deps, draft.id)).toHaveLength(1);
    await app.close();
  });

  it('保存审查表 emptied clears it too, with the item’s form (text kept as typed) or alone', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createActor(deps, organ.code, 'editor');
    const mine = await loginAs(app, officer.username, officer.password);

    const first = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    await fillReviewForm(deps, officer.actor, first.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及国家秘密' });
    const withText = await post(app, `/admin/publications/${first.id}/review-form`, mine, emptied(node, first.version, { title: '关于城区停水时间调整的通知' }));
    expect(withText.statusCode).toBe(200);
    expect(withText.body).toContain('保密审查表已清空');
    expect(withText.body).toContain('value="关于城区停水时间调整的通知"');
    expect(await loadForm(deps.db, first.id)).toBeNull();

    const second = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停电的通知' }));
    await fillReviewForm(deps, officer.actor, second.id, { secrecyLevel: 'non_secret' });
    const alone = await post(app, `/admin/publications/${second.id}/review-form`, mine, { secrecyLevel: '', avoidanceNote: '  ' });
    const { text } = await flashToldAt(app, alone, mine, REVIEW_PANEL);
    expect(text).toContain('保密审查表已清空');
    expect(await loadForm(deps.db, second.id)).toBeNull();

    // Half emptied (a note, no 密级) is not a cleared table: refused, the stored one kept.
    await fillReviewForm(deps, officer.actor, second.id, { secrecyLevel: 'non_secret' });
    const half = await post(app, `/admin/publications/${second.id}/review-form`, mine, { secrecyLevel: '', avoidanceNote: '不涉及' });
    expect((await flashToldAt(app, half, mine, REVIEW_PANEL)).body).toMatch(/id="flash-review-h"[^>]*>[\s\S]*?保密审查表未保存：[\s\S]*?请选择密级/);
    expect((await loadForm(deps.db, second.id))?.secrecyLevel).toBe('non_secret');
    await app.close();
  });

  it('a returned item cleared cannot be published (紧急发布 too) until it is filled again; a submitted one is locked', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    const author = await loginAs(app, cast.author.username, cast.author.password);

    // In review: locked, whether sent empty or not.
    const locked = await post(app, `/admin/publications/${draft.id}/review-form`, author, { secrecyLevel: '', avoidanceNote: '' });
    expect((await flashToldAt(app, locked, author, REVIEW_PANEL)).body).toMatch(/id="flash-review-h"[^>]*>[\s\S]*?保密审查表未保存：[\s\S]*?报送后保密审查表不能修改/);
    expect((await loadForm(deps.db, draft.id))?.secrecyLevel).toBe('non_secret');

    await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'return_for_changes', { comment: '请核对停水范围' });
    const returned = (await findPublication(deps.db, draft.id))!;
    expect(returned.status).toBe('returned');
    const saved = await post(app, `/admin/publications/${draft.id}`, author, emptied(node, returned.version));
    expect(saved.statusCode).toBe(303);
    expect(await loadForm(deps.db, draft.id)).toBeNull();
    await expect(performReviewVerb(deps, cast.office.actor, draft.id, 'force_publish', { comment: '紧急情况' }))
      .rejects.toMatchObject({ reasons: expect.arrayContaining([expect.objectContaining({ code: 'ERR_REVIEW_FORM_INCOMPLETE' })]) });
    await app.close();
  });

  it('whoever cleared the table is one of the item’s authors: they may not approve it afterwards', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const cast = await createReviewCast(deps, organ.code);
    // The 股室负责人 also drafts for the organ, so may clear a draft's table.
    await setUserRole(deps, system, cast.unitHead.id, organ.code, 'editor', true);
    const unitHead = { kind: 'user' as const, principal: (await loadPrincipal(deps.db, cast.unitHead.id))!, via: 'web' as const };
    const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret' });
    expect(await clearReviewForm(deps, unitHead, draft.id)).toBe(true);
    await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
    await expect(performReviewVerb(deps, unitHead, draft.id, 'approve', { comment: '同意' }))
      .rejects.toMatchObject({ reasons: expect.arrayContaining([expect.objectContaining({ code: 'ERR_REVIEW_SELF_APPROVAL' })]) });
    await app.close();
  });

  it('the API removes it with DELETE …/review-form (204); none to remove is 404, a submitted item’s is locked (409)', async () => {
    const { app, deps } = await buildTestApp(db());
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const officer = await createActor(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, officer.username, 'test')}`;
    const draft = await createPublication(deps, officer.actor, organ.id, publicationInput([node], { title: '关于城区停水的通知' }));
    await fillReviewForm(deps, officer.actor, draft.id, { secrecyLevel: 'non_secret' });

    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/publications/${draft.id}/review-form`, headers: { authorization } });
    expect(removed.statusCode).toBe(204);
    expect(await loadForm(deps.db, draft.id)).toBeNull();
    expect(await clearedEntries(deps, draft.id)).toHaveLength(1);
    const again = await app.inject({ method: 'DELETE', url: `/api/v1/publications/${draft.id}/review-form`, headers: { authorization } });
    expect(again.statusCode).toBe(404);
    expect(await clearedEntries(deps, draft.id)).toHaveLength(1);

    await fillReviewForm(deps, officer.actor, draft.id, { secrecyLevel: 'non_secret' });
    await performReviewVerb(deps, officer.actor, draft.id, 'submit');
    const locked = await app.inject({ method: 'DELETE', url: `/api/v1/publications/${draft.id}/review-form`, headers: { authorization } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('ERR_REVIEW_FORM_LOCKED');
    expect((await loadForm(deps.db, draft.id))?.secrecyLevel).toBe('non_secret');
    await app.close();
  });
});
