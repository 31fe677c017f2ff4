import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';
import { createDraft, createNode, createOrgan, createPublished, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';
import { fillReviewForm } from '../../review/index.ts';
import { findPublication } from '../index.ts';

const CODE = 'ERR_REVIEW_INTERPRETATION_NO_VALIDITY';
const SAYS = '这是政策解读，本身没有效力，有效性只能为“有效”';

/**
 * The review refuses 标记废止 and 标记已修改 on a 政策解读 (it has no 效力 of its own, review-states.md); an outside tester
 * found the portal saying 本文件已废止 of one. Every other input that gives an item its 效力 refuses it the same way, with the
 * same code: the API, the back office's item form (a draft's edit and a published item's 修订, its 信息类别 changed to
 * 政策解读 while it is 已废止), and the content import.
 */
describeEachDialect('a 政策解读 is given no 效力 by the API, the item form or the import', (db) => {
  it('the API refuses validity and 有效期至 on an interpretation, a draft turned into one while 已废止, and a revision doing so', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const policy = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法' });
      const user = await createStaff(deps, organ.code, 'editor');
      const authorization = `Bearer ${await createApiToken(deps, user.username, 'test')}`;
      const interpretation = { itemKind: 'interpretation', interpretationForm: 'text', policyIds: [policy.id], title: '《青岚县城镇排水与污水处理管理办法》政策解读' };
      const before = await deps.db.selectFrom('publications').select('id').execute();

      const repealed = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { ...interpretation, validity: 'repealed' }) });
      expect(repealed.statusCode).toBe(400);
      expect(repealed.json().error).toMatchObject({ code: CODE, field: 'validity' });
      expect(repealed.json().error.message).toContain(`${SAYS}（现为“已废止”）`);
      const lapsing = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { ...interpretation, validThroughOn: '2030-12-31' }) });
      expect(lapsing.statusCode).toBe(400);
      expect(lapsing.json().error).toMatchObject({ code: CODE, field: 'validThroughOn' });
      expect(await deps.db.selectFrom('publications').select('id').execute()).toHaveLength(before.length);

      // A draft document 已废止 turned into a 政策解读 by PUT.
      const draft = await createDraft(deps, organ.id, [node], { validity: 'repealed' });
      const put = await app.inject({ method: 'PUT', url: `/api/v1/publications/${draft.id}`, headers: { authorization }, payload: publicationInput([node], { ...interpretation, validity: 'repealed' }) });
      expect(put.statusCode).toBe(400);
      expect(put.json().error).toMatchObject({ code: CODE, field: 'validity' });
      expect((await findPublication(deps.db, draft.id))).toMatchObject({ itemKind: 'document', validity: 'repealed' });

      // A published document 已废止: a revision keeps its 效力 (only 废止 changes it), so one making it a 政策解读 is refused,
      // whatever 有效性 it sends.
      const old = await createPublished(deps, organ.id, [node], { validity: 'repealed' });
      await fillReviewForm(deps, system, old.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      const amend = await app.inject({ method: 'POST', url: `/api/v1/publications/${old.id}/amend`, headers: { authorization }, payload: { changeNote: '改为解读', amended: publicationInput([node], { ...interpretation, validity: 'valid' }) } });
      expect(amend.statusCode).toBe(400);
      expect(amend.json().error).toMatchObject({ code: CODE, field: 'validity' });
      expect(amend.json().error.message).toContain('（现为“已废止”）');

      // An interpretation 已废止 before the rule can still be revised (nothing in a revision changes its 效力).
      const stale = await createPublished(deps, organ.id, [node], interpretation);
      await deps.db.updateTable('publications').set({ validity: 'repealed' }).where('id', '=', stale.id).execute();
      await fillReviewForm(deps, system, stale.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      const revised = await app.inject({ method: 'POST', url: `/api/v1/publications/${stale.id}/amend`, headers: { authorization }, payload: { changeNote: '补充说明', amended: publicationInput([node], { ...interpretation, validity: 'valid' }) } });
      expect(revised.statusCode, revised.body).toBeLessThan(300);
    } finally {
      await app.close();
    }
  });

  it('the item form refuses 信息类别 政策解读 on a draft 已废止, by the 有效性 field, and on a published document’s 修订', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const policy = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法' });
      const officer = await createStaff(deps, organ.code, 'editor');
      const s = await loginAs(app, officer.username, officer.password);
      const draft = await createDraft(deps, organ.id, [node], { title: '关于排水管理办法的说明', validity: 'repealed' });
      const form = {
        _csrf: s.csrf, title: draft.title, formedOn: '2026-03-02', stage: 'execution', nodeIds: String(node), disclosureMode: 'proactive', docType: 'other',
        itemKind: 'interpretation', interpretationForm: 'text', policyIds: String(policy.id), bodyHtml: '<p>解读。</p>',
      };
      const refused = await app.inject({ method: 'POST', url: `/admin/publications/${draft.id}`, cookies: s.cookies, payload: { ...form, validity: 'repealed' } });
      expect(refused.statusCode).toBe(400);
      const field = /<div class="field field-error">\s*<label for="f-validity">[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '';
      expect(field).toContain(`${SAYS}（现为“已废止”）`);
      expect(await findPublication(deps.db, draft.id)).toMatchObject({ itemKind: 'document', validity: 'repealed' });
      // The field says the rule before anything is typed.
      expect((await app.inject({ url: `/admin/publications/${draft.id}`, cookies: s.cookies })).body).toContain('政策解读本身没有效力');
      const saved = await app.inject({ method: 'POST', url: `/admin/publications/${draft.id}`, cookies: s.cookies, payload: { ...form, validity: 'valid' } });
      expect(saved.statusCode).toBe(303);
      expect(await findPublication(deps.db, draft.id)).toMatchObject({ itemKind: 'interpretation', validity: 'valid' });

      const old = await createPublished(deps, organ.id, [node], { title: '关于排水设施管理的通知', validity: 'repealed' });
      await fillReviewForm(deps, system, old.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      const revision = await app.inject({ method: 'POST', url: `/admin/publications/${old.id}`, cookies: s.cookies, payload: { ...form, title: old.title, validity: 'repealed', changeNote: '改为解读' } });
      expect(revision.statusCode).toBe(400);
      expect(revision.body.replace(/<[^>]+>/g, '')).toContain(`${SAYS}（现为“已废止”）`);
      expect(await deps.db.selectFrom('publication_revisions').select('id').where('publication_id', '=', old.id).execute()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('the import refuses a 政策解读 row 已废止 or with 有效期至 in the form’s words, and imports nothing of the file', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '政策解读');
      const node = (await deps.db.selectFrom('catalog_nodes').select('id').where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).id;
      const policy = await createPublished(deps, organ.id, [node], { title: '青岚县城镇排水与污水处理管理办法', formedOn: '2025-06-01' });
      const header = '标题,成文日期,发布日期,五公开,文件类型,目录,信息类别,解读形式,所解读的政策,有效性,有效期至,正文';
      const csv = `${header}\n`
        + `关于开展燃气安全检查的通知,2025-07-01,2025-07-02,执行,其他,政策解读,,,,已废止,,<p>检查。</p>\n`
        + `《青岚县城镇排水与污水处理管理办法》政策解读,2025-07-01,2025-07-02,执行,其他,政策解读,政策解读,文字解读,${policy.indexNumber},已废止,,<p>解读。</p>\n`
        + `《青岚县城镇排水与污水处理管理办法》图解,2025-07-03,2025-07-04,执行,其他,政策解读,政策解读,文字解读,${policy.indexNumber},有效,2030-12-31,<p>解读。</p>\n`;
      for (const dryRun of [true, false]) {
        const page = (await upload(csv, { mode: 'published', dryRun })).body;
        expect(page).toContain('未导入：文件有错误');
        expect(page).toContain(`第3行</td><td>${SAYS}（现为“已废止”）`);
        expect(page).toContain('第4行</td><td>这是政策解读，本身没有有效期，有效期至应留空（现为 2030-12-31）');
        // An ordinary document 已废止 is imported as before.
        expect(page).not.toContain('第2行</td>');
      }
      expect(await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
