import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { buildDocx } from '../../../../test/corpus/privacy/factories/build-docx.ts';
import { createPublication } from '../../catalog/index.ts';
import { createApiToken } from '../../identity/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

const ROSTER = Buffer.from(buildDocx({ blocks: ['停水户名单', '户主：王建国，身份证号11010519491231002X'] }));

/**
 * A returned draft kept the scan of the round that returned it until it was submitted again: a file its
 * drafter then uploaded, deleted or retitled was not among the findings its page showed. The scan follows
 * its files as a pending revision's does (one function, rescanItem).
 */
describeEachDialect('a returned draft\'s files are scanned when they change', (db) => {
  it('shows an uploaded file\'s ID number at once, a retitled file\'s mobile number, and drops a deleted file\'s findings', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const cast = await createReviewCast(deps, organ.code);
      const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' }));
      await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
      await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
      await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'return_for_changes', { comment: '请补充停水户名单' });
      const sources = async () => (await loadForm(deps.db, draft.id))!.scanFindings.map((f) => `${f.source} ${f.type}`);
      expect(await sources()).toEqual([]);

      const mine = await loginAs(app, cast.author.username, cast.author.password);
      const uploaded = await app.inject({
        method: 'POST', url: `/admin/publications/${draft.id}/attachments`, cookies: mine.cookies,
        ...multipartForm([{ name: '_csrf', value: mine.csrf }, { name: 'file', value: ROSTER, fileName: '停水户名单.docx' }]),
      });
      expect(uploaded.statusCode).toBe(303);
      expect(await sources()).toEqual(['附件：停水户名单.docx id_card']);

      const file = await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', draft.id).executeTakeFirstOrThrow();
      const retitled = await app.inject({
        method: 'POST', url: `/admin/publications/${draft.id}/attachment-titles`, cookies: mine.cookies,
        payload: { _csrf: mine.csrf, [`attachmentTitle-${file.id}`]: '附件1：停水户名单（联系人 13912345678）' },
      });
      expect(retitled.statusCode).toBe(303);
      expect(await sources()).toEqual(['附件“停水户名单.docx”的附件名称 mobile_phone', '附件：停水户名单.docx id_card']);
      // The same through the API (PUT …/title): the title without the number is scanned again too.
      const authorization = `Bearer ${await createApiToken(deps, cast.author.username, 'test')}`;
      const viaApi = await app.inject({ method: 'PUT', url: `/api/v1/publications/${draft.id}/attachments/${file.id}/title`, headers: { authorization }, payload: { title: '附件1：停水户名单' } });
      expect(viaApi.statusCode).toBe(200);
      expect(await sources()).toEqual(['附件：停水户名单.docx id_card']);

      const deleted = await app.inject({ method: 'POST', url: `/admin/attachments/${file.id}/delete`, cookies: mine.cookies, payload: { _csrf: mine.csrf } });
      expect(deleted.statusCode).toBe(303);
      expect(await sources()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
