import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { importDesk } from '../../../../test/support/import-form.ts';
import { createNode, createOrgan, createPublished, createStaff, publicationInput, system } from '../../../../test/support/factories.ts';
import { createApiToken } from '../../identity/index.ts';
import { fillReviewForm } from '../../review/index.ts';

const TAKEN = (id: number, title: string, documentNumber = '岚建〔2026〕56号', status = '已发布') =>
  `文号“${documentNumber}”已用于本机关的《${title}》（编号 ${id}，${status}）。一个文号只对应一份文件，请核对文号；如是同一文件，请修改或修订该信息，不要另建`;

/**
 * An outside tester (officer, PostgreSQL, demo data): a new draft with 岚建[2026]56号 was saved without a word though
 * published item 4765 had 岚建〔2026〕56号, its brackets kept and then offered by the form's hint; an imported row with
 * 岚建〔2025〕77号 passed 检查通过 and was published though another item had it.
 */
describeEachDialect('a 文号 another item of the organ has: the form, the API and the import say so (GB/T 9704-2012 7.2.4)', (db) => {
  it('the item form refuses it by the field, naming the other item; a 文号 saved is stored and offered as 岚建〔2026〕56号', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const published = await createPublished(deps, organ.id, [node], { title: '关于做好2026年城镇老旧小区改造工作的通知', documentNumber: '岚建〔2026〕56号', formedOn: '2026-11-02' });
      const officer = await createStaff(deps, organ.code, 'editor');
      const session = await loginAs(app, officer.username, officer.password);
      const url = `/admin/organs/${organ.code}/publications/new`;
      const form = { _csrf: session.csrf, title: '关于开展物业服务质量检查的通知', formedOn: '2026-12-01', stage: 'execution', nodeIds: String(node), disclosureMode: 'proactive', docType: 'other' };
      const refused = await app.inject({ method: 'POST', url, cookies: session.cookies, payload: { ...form, documentNumber: '岚建[2026]56号' } });
      expect(refused.statusCode).toBe(400);
      const field = /<div class="field field-error">\s*<label for="f-documentNumber">[\s\S]*?<\/div>/.exec(refused.body)?.[0] ?? '';
      expect(field).toContain(TAKEN(published.id, '关于做好2026年城镇老旧小区改造工作的通知'));
      // The other item's back-office page is linked: the officer works on its organ (the rule of /admin/publications/:id).
      expect(field).toContain(`<a href="/admin/publications/${published.id}">查看编号 ${published.id} 的信息</a>`);
      expect(field).toContain('value="岚建[2026]56号"');
      expect(await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).toHaveLength(1);

      const saved = await app.inject({ method: 'POST', url, cookies: session.cookies, payload: { ...form, documentNumber: '岚建［２０２６］57号' } });
      expect(saved.statusCode).toBe(303);
      const stored = await deps.db.selectFrom('publications').select('document_number').where('title', '=', form.title).executeTakeFirstOrThrow();
      expect(stored.document_number).toBe('岚建〔2026〕57号');
      expect((await app.inject({ url, cookies: session.cookies })).body).toContain('如 岚建〔2026〕57号（本机关最近的文号）');
    } finally {
      await app.close();
    }
  });

  it('the API answers 409 ERR_CATALOG_DOCUMENT_NUMBER_TAKEN with the field and the other item’s id', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-06T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const published = await createPublished(deps, organ.id, [node], { title: '关于做好2026年城镇老旧小区改造工作的通知', documentNumber: '岚建〔2026〕56号' });
      const user = await createStaff(deps, organ.code, 'editor');
      const authorization = `Bearer ${await createApiToken(deps, user.username, 'test')}`;
      const res = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { documentNumber: '岚建(2026)56号' }) });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN', field: 'documentNumber', message: TAKEN(published.id, '关于做好2026年城镇老旧小区改造工作的通知'), itemId: published.id });
      expect(res.json().error.reasons).toEqual([{ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN', field: 'documentNumber', message: TAKEN(published.id, '关于做好2026年城镇老旧小区改造工作的通知'), itemId: published.id }]);
      // PUT alike.
      const draft = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { documentNumber: '岚建〔2026〕58号' }) });
      const put = await app.inject({ method: 'PUT', url: `/api/v1/publications/${draft.json().id}`, headers: { authorization }, payload: publicationInput([node], { documentNumber: '岚建〔2026〕56号' }) });
      expect(put.statusCode).toBe(409);
      expect(put.json().error).toMatchObject({ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN', field: 'documentNumber', itemId: published.id });
      // And a 修订 (amend) of another published item.
      const other = await createPublished(deps, organ.id, [node], { documentNumber: '岚建〔2026〕60号' });
      await fillReviewForm(deps, system, other.id, { secrecyLevel: 'non_secret', avoidanceNote: '不涉及' });
      const amend = await app.inject({ method: 'POST', url: `/api/v1/publications/${other.id}/amend`, headers: { authorization }, payload: { changeNote: '改文号', amended: publicationInput([node], { documentNumber: '岚建[2026]56号' }) } });
      expect(amend.statusCode).toBe(409);
      expect(amend.json().error).toMatchObject({ code: 'ERR_CATALOG_DOCUMENT_NUMBER_TAKEN', field: 'documentNumber', itemId: published.id });
      const ok = await app.inject({ method: 'POST', url: `/api/v1/organs/${organ.code}/publications`, headers: { authorization }, payload: publicationInput([node], { documentNumber: '岚建(2026)59号' }) });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().documentNumber).toBe('岚建〔2026〕59号');
    } finally {
      await app.close();
    }
  });

  it('the import reports a row whose 文号 an item of the organ or an earlier row has, in 只检查 and in the import, in the form’s words', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const { organ, upload } = await importDesk(app, deps, '通知公告');
      const node = (await deps.db.selectFrom('catalog_nodes').select('id').where('organ_id', '=', organ.id).executeTakeFirstOrThrow()).id;
      const published = await createPublished(deps, organ.id, [node], { title: '关于印发住房公积金缴存管理办法的通知', documentNumber: '岚建〔2025〕77号', formedOn: '2025-06-01' });
      const header = '标题,文号,成文日期,发布日期,五公开,文件类型,目录,正文';
      const csv = `${header}\n`
        + '关于开展燃气安全检查的通知,岚建〔2025〕77号,2025-07-01,2025-07-02,执行,其他,通知公告,<p>检查。</p>\n'
        + '关于开展电梯安全检查的通知,岚建[2025]78号,2025-07-03,2025-07-04,执行,其他,通知公告,<p>检查。</p>\n'
        + '关于开展消防安全检查的通知,岚建（2025）78号,2025-07-05,2025-07-06,执行,其他,通知公告,<p>检查。</p>\n';
      for (const dryRun of [true, false]) {
        const page = (await upload(csv, { mode: 'published', dryRun })).body;
        expect(page).toContain('未导入：文件有错误');
        expect(page).not.toContain('检查通过');
        expect(page).toContain(`第2行</td><td>${TAKEN(published.id, '关于印发住房公积金缴存管理办法的通知', '岚建〔2025〕77号')}`);
        expect(page).toContain('第4行</td><td>文号“岚建〔2025〕78号”与第3行《关于开展电梯安全检查的通知》的文号相同。一个文号只对应一份文件，请核对文号');
        expect(page).not.toContain('第3行</td>');
      }
      expect(await deps.db.selectFrom('publications').select('id').where('organ_id', '=', organ.id).execute()).toHaveLength(1);
      // Passed once each 文号 is its own: stored in the standard spelling.
      const fixed = csv.replace('岚建〔2025〕77号', '岚建〔2025〕79号').replace('岚建（2025）78号', '岚建（2025）80号');
      expect((await upload(fixed, { mode: 'published' })).body).toContain('导入完成');
      const numbers = (await deps.db.selectFrom('publications').select('document_number').where('organ_id', '=', organ.id).orderBy('document_number').execute()).map((r) => r.document_number);
      expect(numbers).toEqual(['岚建〔2025〕77号', '岚建〔2025〕78号', '岚建〔2025〕79号', '岚建〔2025〕80号']);
    } finally {
      await app.close();
    }
  });
});
