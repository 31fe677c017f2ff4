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

/** A returned draft of the organ (its 保密审查表 filled, submitted once, returned), the cast, and its latest scan's findings. */
async function returnedDraft(deps: Awaited<ReturnType<typeof buildTestApp>>['deps']) {
  const organ = await createOrgan(deps);
  const node = await createNode(deps, organ.id);
  const cast = await createReviewCast(deps, organ.code);
  const input = publicationInput([node], { bodyHtml: '<p>城区停水的通知。</p>', formedOn: '2026-03-02' });
  const draft = await createPublication(deps, cast.author.actor, organ.id, input);
  await fillReviewForm(deps, cast.author.actor, draft.id, { secrecyLevel: 'non_secret', involvesPersonalInfo: false, avoidanceNote: '不涉及' });
  await performReviewVerb(deps, cast.author.actor, draft.id, 'submit');
  await performReviewVerb(deps, cast.unitHead.actor, draft.id, 'return_for_changes', { comment: '请补充停水户名单' });
  const sources = async () => (await loadForm(deps.db, draft.id))!.scanFindings.map((f) => `${f.source} ${f.type}`);
  return { node, cast, input, draft, sources };
}

/**
 * A returned draft's latest scan describes what it holds now, whichever way it changed: a file uploaded
 * through the catalog's API (the back office's upload already rescanned), and its text saved — in the back
 * office or through the API — which kept the scan of the round that returned it until resubmitted.
 */
describeEachDialect('a returned draft\'s scan follows its text and the API\'s uploads', (db) => {
  it('scans a file uploaded through the API at once', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { cast, draft, sources } = await returnedDraft(deps);
      expect(await sources()).toEqual([]);
      const authorization = `Bearer ${await createApiToken(deps, cast.author.username, 'test')}`;
      const form = multipartForm([{ name: 'title', value: '附件1：停水户名单（联系人 13912345678）' }, { name: 'file', value: ROSTER, fileName: '停水户名单.docx' }]);
      const uploaded = await app.inject({ method: 'POST', url: `/api/v1/publications/${draft.id}/attachments`, headers: { ...form.headers, authorization }, payload: form.payload });
      expect(uploaded.statusCode).toBe(201);
      expect(await sources()).toEqual(['附件“停水户名单.docx”的附件名称 mobile_phone', '附件：停水户名单.docx id_card']);
    } finally {
      await app.close();
    }
  });

  it('scans the Word original a Word import keeps as an attachment at once, before the form is saved', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { cast, draft, sources } = await returnedDraft(deps);
      const mine = await loginAs(app, cast.author.username, cast.author.password);
      const imported = await app.inject({
        method: 'POST', url: `/admin/publications/${draft.id}/import-docx?keepOriginal=1`, cookies: mine.cookies,
        ...multipartForm([{ name: '_csrf', value: mine.csrf }, { name: 'file', value: ROSTER, fileName: '停水户名单.docx' }]),
      });
      expect(imported.statusCode).toBe(200);
      expect(imported.body).toContain('Word 原件“停水户名单.docx”已作为附件保存');
      expect(await sources()).toEqual(['附件：停水户名单.docx id_card']);
    } finally {
      await app.close();
    }
  });

  it('scans its text again when the back office saves it: a number typed shows, a number deleted goes', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { node, cast, input, draft, sources } = await returnedDraft(deps);
      const mine = await loginAs(app, cast.author.username, cast.author.password);
      const save = async (bodyHtml: string) => {
        const { nodeIds: _nodes, ...fields } = { ...input, bodyHtml };
        const saved = await app.inject({
          method: 'POST', url: `/admin/publications/${draft.id}`, cookies: mine.cookies,
          payload: new URLSearchParams({ ...fields, nodeIds: String(node), _csrf: mine.csrf } as Record<string, string>).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(saved.statusCode).toBe(303);
      };
      await save('<p>城区停水的通知。联系人王建国，手机13912345678。</p>');
      expect(await sources()).toEqual(['正文 mobile_phone']);
      await save('<p>城区停水的通知。联系电话见附件。</p>');
      expect(await sources()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('scans its text again when the API saves it (PUT /publications/{id})', async () => {
    const { app, deps } = await buildTestApp(db());
    try {
      const { cast, input, draft, sources } = await returnedDraft(deps);
      const authorization = `Bearer ${await createApiToken(deps, cast.author.username, 'test')}`;
      const put = (bodyHtml: string) => app.inject({ method: 'PUT', url: `/api/v1/publications/${draft.id}`, headers: { authorization }, payload: { ...input, bodyHtml } });
      expect((await put('<p>城区停水。户主王建国，身份证号11010519491231002X。</p>')).statusCode).toBe(200);
      expect(await sources()).toEqual(['正文 id_card']);
      expect((await put('<p>城区停水的通知。</p>')).statusCode).toBe(200);
      expect(await sources()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
