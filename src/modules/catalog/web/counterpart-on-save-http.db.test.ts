import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, publicationInput } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';
import { findPublication } from '../index.ts';

/**
 * The 替代文件 an item names where it is written — the item form and the API (ADR 0048, ADR 0054): never a 政策解读, never a
 * document made before the item, with the review verbs' codes and words. The form and the API checked only that it existed:
 * an outside tester's 已修改 item named a 政策解读 as what amended it. And a 政策解读 naming a policy not yet published is
 * told so when it is saved (ADR 0054), not only at 发布.
 */
describeEachDialect('the 替代文件 of the item form and the API: the counterpart rules (ADR 0048)', (db) => {
  async function world() {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    const organ = await createOrgan(deps);
    const node = await createNode(deps, organ.id);
    const policy = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法', formedOn: '2026-01-05' });
    const interpretation = await createPublished(deps, organ.id, [node], {
      title: '《青岚县城镇排水与污水处理管理办法》政策解读', formedOn: '2026-01-06', itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id],
    });
    const earlier = await createPublished(deps, organ.id, [node], { title: '青岚县排水设施管理暂行规定', formedOn: '2019-04-01' });
    const later = await createPublished(deps, organ.id, [node], { title: '关于修改《青岚县排水许可办法》的决定', formedOn: '2026-03-01' });
    const user = await createStaff(deps, organ.code, 'editor');
    const authorization = `Bearer ${await createApiToken(deps, user.username, 'test')}`;
    return { app, deps, organ, node, policy, interpretation, earlier, later, user, authorization };
  }

  it('the API refuses a 政策解读 or an earlier document as 替代文件 (POST and PUT), in the review verbs’ words and codes, and takes a later one', async () => {
    const w = await world();
    try {
      const post = (over: Record<string, unknown>) => w.app.inject({
        method: 'POST', url: `/api/v1/organs/${w.organ.code}/publications`, headers: { authorization: w.authorization },
        payload: publicationInput([w.node], { title: '青岚县排水许可办法', formedOn: '2026-02-01', ...over }),
      });
      const before = (await w.deps.db.selectFrom('publications').select('id').execute()).length;
      const interpreted = await post({ validity: 'repealed', replacedById: w.interpretation.id });
      expect(interpreted.statusCode).toBe(400);
      expect(interpreted.json().error).toMatchObject({ code: 'ERR_REVIEW_REPLACEMENT_INTERPRETATION', field: 'replacedById' });
      expect(interpreted.json().error.message).toContain('《〈青岚县城镇排水与污水处理管理办法〉政策解读》是政策解读，不能作为替代文件');
      // 已修改: the 替代文件 names the document that amended it, so it is weighed as 标记已修改 weighs one.
      const amendedEarlier = await post({ validity: 'amended', replacedById: w.earlier.id });
      expect(amendedEarlier.statusCode).toBe(400);
      expect(amendedEarlier.json().error).toMatchObject({ code: 'ERR_REVIEW_AMENDING_EARLIER', field: 'replacedById' });
      expect(amendedEarlier.json().error.message).toContain('的成文日期（2019-04-01）早于本文件的成文日期（2026-02-01），不能作为修改文件');
      expect((await w.deps.db.selectFrom('publications').select('id').execute()).length).toBe(before);

      const taken = await post({ validity: 'repealed', replacedById: w.later.id });
      expect(taken.statusCode, taken.body).toBe(201);
      const id = taken.json().id as number;
      const put = await w.app.inject({
        method: 'PUT', url: `/api/v1/publications/${id}`, headers: { authorization: w.authorization },
        payload: publicationInput([w.node], { title: '青岚县排水许可办法', formedOn: '2026-02-01', validity: 'repealed', replacedById: w.earlier.id }),
      });
      expect(put.statusCode).toBe(400);
      expect(put.json().error).toMatchObject({ code: 'ERR_REVIEW_REPLACEMENT_EARLIER', field: 'replacedById' });
      expect((await findPublication(w.deps.db, id))?.replacedById).toBe(w.later.id);
    } finally {
      await w.app.close();
    }
  });

  it('the item form refuses them by the 替代文件编号 field and saves nothing', async () => {
    const w = await world();
    try {
      const s = await loginAs(w.app, w.user.username, w.user.password);
      const draft = await createDraft(w.deps, w.organ.id, [w.node], { title: '青岚县排水许可办法', formedOn: '2026-02-01' });
      const form = {
        _csrf: s.csrf, title: draft.title, formedOn: '2026-02-01', stage: 'execution', nodeIds: String(w.node), disclosureMode: 'proactive', docType: 'other', bodyHtml: '<p>全文。</p>',
      };
      const refused = await w.app.inject({ method: 'POST', url: `/admin/publications/${draft.id}`, cookies: s.cookies, payload: { ...form, validity: 'amended', replacedById: String(w.interpretation.id) } });
      expect(refused.statusCode).toBe(400);
      const field = /<div class="field field-error">\s*<label for="f-replacedById">[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '';
      expect(field).toContain('是政策解读，不能作为修改文件');
      expect(await findPublication(w.deps.db, draft.id)).toMatchObject({ validity: 'valid', replacedById: null });
      const created = await w.app.inject({
        method: 'POST', url: `/admin/organs/${w.organ.code}/publications/new`, cookies: s.cookies,
        payload: { ...form, title: '青岚县排水设施管理办法', validity: 'repealed', replacedById: String(w.earlier.id) },
      });
      expect(created.statusCode).toBe(400);
      expect(created.body.replace(/<[^>]+>/g, '')).toContain('的成文日期（2019-04-01）早于本文件的成文日期（2026-02-01），不能作为替代文件');
    } finally {
      await w.app.close();
    }
  });

  it('a 政策解读 naming a policy not yet published is told at save — the API’s warnings, the form’s message — that it cannot be published before it', async () => {
    const w = await world();
    try {
      const draftPolicy = await createDraft(w.deps, w.organ.id, [w.node], { title: '青岚县排水许可办法', formedOn: '2026-03-01' });
      const interpretation = { itemKind: 'interpretation', interpretationForm: 'text', title: '《青岚县排水许可办法》政策解读', formedOn: '2026-03-02' };
      const says = `所解读的《青岚县排水许可办法》（编号 ${draftPolicy.id}，草稿）尚未发布`;
      const api = await w.app.inject({
        method: 'POST', url: `/api/v1/organs/${w.organ.code}/publications`, headers: { authorization: w.authorization },
        payload: publicationInput([w.node], { ...interpretation, policyIds: [draftPolicy.id] }),
      });
      expect(api.statusCode, api.body).toBe(201);
      const warning = (api.json().warnings as { code: string; message: string }[]).find((x) => x.code === 'WARN_CATALOG_POLICY_UNPUBLISHED');
      expect(warning?.message).toContain(says);
      expect(warning?.message).toContain('发布时会被拒绝');
      // With a published policy beside it the interpretation can be published; the page leaves the other unlinked until it is.
      const both = await w.app.inject({
        method: 'PUT', url: `/api/v1/publications/${api.json().id}`, headers: { authorization: w.authorization },
        payload: publicationInput([w.node], { ...interpretation, policyIds: [w.policy.id, draftPolicy.id] }),
      });
      expect(both.statusCode, both.body).toBe(200);
      const partly = (both.json().warnings as { code: string; message: string }[]).filter((x) => x.code === 'WARN_CATALOG_POLICY_UNPUBLISHED');
      expect(partly).toHaveLength(1);
      expect(partly[0]!.message).toContain(says);
      expect(partly[0]!.message).not.toContain('发布时会被拒绝');
      const none = await w.app.inject({
        method: 'PUT', url: `/api/v1/publications/${api.json().id}`, headers: { authorization: w.authorization },
        payload: publicationInput([w.node], { ...interpretation, policyIds: [w.policy.id] }),
      });
      expect((none.json().warnings as { code: string }[]).filter((x) => x.code === 'WARN_CATALOG_POLICY_UNPUBLISHED')).toEqual([]);

      const s = await loginAs(w.app, w.user.username, w.user.password);
      const saved = await w.app.inject({
        method: 'POST', url: `/admin/organs/${w.organ.code}/publications/new`, cookies: s.cookies,
        payload: {
          _csrf: s.csrf, ...interpretation, title: '《青岚县排水许可办法》图解', stage: 'decision', nodeIds: String(w.node), disclosureMode: 'proactive', docType: 'other', validity: 'valid',
          policyIds: String(draftPolicy.id), bodyHtml: '<p>解读。</p>',
        },
      });
      expect(saved.statusCode).toBe(303);
      const flash = saved.cookies.find((c) => c.name === 'gk_flash');
      const page = (await w.app.inject({ url: String(saved.headers.location).replace(/#.*$/, ''), cookies: { ...s.cookies, gk_flash: flash!.value } })).body;
      const top = /<p class="flash"[^>]*>([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
      expect(top).toContain('草稿已保存');
      expect(top).toContain(says);
    } finally {
      await w.app.close();
    }
  });
});
