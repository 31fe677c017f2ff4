import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createNode, createOrgan, createReviewCast, publicationInput } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { createPublication } from '../../catalog/index.ts';
import { fillReviewForm, loadForm, performReviewVerb } from '../index.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * 导入 Word 文档 into a draft is one action: a document that fails midway — its pictures already stored as
 * the draft's attachments, then found to hold no text — leaves the draft as it was, so its scan (which
 * follows its files) is never behind what it holds. Before, the pictures stayed as attachments with the
 * refusal, and a returned draft's scan did not follow them until the next save.
 */
describeEachDialect('a Word import that fails writes nothing to the draft', (db) => {
  it('keeps no picture of a document refused after its pictures were read, nor anything of bytes that are no .docx; the scan stays as it was', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const organ = await createOrgan(deps);
      const node = await createNode(deps, organ.id);
      const cast = await createReviewCast(deps, organ.code);
      const draft = await createPublication(deps, cast.author.actor, organ.id, publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' }));
      await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
      await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
      await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'return_for_changes', { comment: '请补充现场照片' });
      const before = (await loadForm(deps.db, draft.id))!;
      const files = () => deps.db.selectFrom('attachments').select('file_name').where('publication_id', '=', draft.id).execute();
      const mine = await loginAs(app, cast.author.username, cast.author.password);
      const onlyPictures = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 } })] })] }] }));
      const notAZip = Buffer.from('这不是 Word 文档，只是一段文字。'.repeat(20));

      for (const [route, file, code] of [
        [`/admin/documents/docx-to-html?publication=${draft.id}&keepOriginal=1`, onlyPictures, 'ERR_EDITOR_DOCX_EMPTY'],
        [`/admin/documents/docx-to-html?publication=${draft.id}&keepOriginal=1`, notAZip, 'ERR_EDITOR_DOCX_INVALID'],
      ] as const) {
        const res = await app.inject({
          method: 'POST', url: route, cookies: mine.cookies,
          ...multipartForm([{ name: '_csrf', value: mine.csrf }, { name: 'file', value: file, fileName: '现场照片.docx' }]),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe(code);
        expect(await files()).toEqual([]);
      }
      // Without JavaScript (the form's own 导入 button) likewise.
      const noScript = await app.inject({
        method: 'POST', url: `/admin/publications/${draft.id}/import-docx?keepOriginal=1`, cookies: mine.cookies,
        ...multipartForm([{ name: '_csrf', value: mine.csrf }, { name: 'file', value: onlyPictures, fileName: '现场照片.docx' }]),
      });
      expect(noScript.statusCode).toBe(400);
      expect(noScript.body).toContain('该 Word 文档中没有可导入的文字');
      expect(await files()).toEqual([]);
      const after = (await loadForm(deps.db, draft.id))!;
      expect(after.scanFindings).toEqual(before.scanFindings);
      expect(after.scannedAt).toBe(before.scannedAt);
    } finally {
      await app.close();
    }
  });
});
