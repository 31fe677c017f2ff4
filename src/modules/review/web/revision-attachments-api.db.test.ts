import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createPendingRevision } from '../../../../test/support/pending-revision.ts';
import { createPublished, createStaff } from '../../../../test/support/factories.ts';
import { multipartForm } from '../../../../test/support/multipart.ts';
import { buildDocx } from '../../../../test/corpus/privacy/factories/build-docx.ts';
import { createApiToken } from '../../identity/index.ts';
import { loadForm } from '../index.ts';

const ROSTER = buildDocx({ blocks: ['停水户名单', '户主：王建国，身份证号11010519491231002X，城关镇幸福路'] });
const NOTICE = buildDocx({ blocks: ['停水通知', '城区停水时间调整为 6 月 3 日。'] });

/**
 * The back office adds a file to a published item's pending revision (随修订上传), marks a live one to go
 * with it (随修订删除) or keeps it (保留); the API could do none of it. The same three verbs over the API,
 * each scanning the revision at once as the back office does (commit 4a3f3ad), and answering with what
 * the revision's scan now finds.
 */
describeEachDialect('the API changes a pending revision\'s files', (db) => {
  async function setUp(files: { fileName: string; bytes: Uint8Array }[] = []) {
    const { app, deps } = await buildTestApp(db());
    const r = await createPendingRevision(app, deps, { files });
    const authorization = `Bearer ${await createApiToken(deps, r.officer.username, 'test')}`;
    const upload = (fileName: string, bytes: Uint8Array, title?: string, id = r.item.id) => app.inject({
      method: 'POST', url: `/api/v1/publications/${id}/revision/attachments`,
      ...(() => {
        const form = multipartForm([...(title ? [{ name: 'title', value: title }] : []), { name: 'file', value: Buffer.from(bytes), fileName }]);
        return { payload: form.payload, headers: { ...form.headers, authorization } };
      })(),
    });
    const remove = (attachmentId: number, id = r.item.id) => app.inject({ method: 'DELETE', url: `/api/v1/publications/${id}/revision/attachments/${attachmentId}`, headers: { authorization } });
    const keep = (attachmentId: number, id = r.item.id) => app.inject({ method: 'POST', url: `/api/v1/publications/${id}/revision/attachments/${attachmentId}/keep`, headers: { authorization } });
    const publicFiles = async () => (await app.inject({ url: `/api/v1/publications/${r.item.id}` })).json().attachments.map((a: { fileName: string }) => a.fileName);
    return { app, deps, ...r, authorization, upload, remove, keep, publicFiles };
  }

  it('adds a file to the revision, not public until approved, and answers with its ID number found at once', async () => {
    const { app, deps, item, upload, publicFiles } = await setUp();
    try {
      const added = await upload('停水户名单.docx', ROSTER, '附件1：停水户名单');
      expect(added.statusCode).toBe(201);
      const body = added.json();
      expect(body).toMatchObject({ fileName: '停水户名单.docx', title: '附件1：停水户名单', revisionState: 'pending_add' });
      expect(body.scan.findings).toEqual([expect.objectContaining({ source: '附件：停水户名单.docx', type: 'id_card', severity: 'block', text: '11010519491231002X', accepted: null })]);
      expect(body.scan).toMatchObject({ unresolved: 1, markings: 0, scannedAt: expect.any(String) });
      expect((await loadForm(deps.db, item.id))!.scanFindings.map((f) => f.type)).toEqual(['id_card']);
      expect(await publicFiles(), 'the public sees the published version').toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('marks a live file to go with the revision (public until approved) and keeps it again, the scan following each', async () => {
    const { app, item, remove, keep, publicFiles, deps } = await setUp([{ fileName: '停水户名单.docx', bytes: ROSTER }]);
    try {
      const live = await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', item.id).executeTakeFirstOrThrow();
      const removed = await remove(live.id);
      expect(removed.statusCode).toBe(200);
      expect(removed.json()).toMatchObject({ id: live.id, fileName: '停水户名单.docx', revisionState: 'pending_remove', scan: { findings: [], unresolved: 0 } });
      expect(await publicFiles()).toEqual(['停水户名单.docx']);
      const kept = await keep(live.id);
      expect(kept.statusCode).toBe(200);
      expect(kept.json()).toMatchObject({ id: live.id, revisionState: null, scan: { unresolved: 1 } });
      expect(kept.json().scan.findings).toEqual([expect.objectContaining({ type: 'id_card' })]);
    } finally {
      await app.close();
    }
  });

  it('drops a file the revision added at once', async () => {
    const { app, deps, item, upload, remove } = await setUp();
    try {
      const added = (await upload('停水通知.docx', NOTICE)).json();
      const dropped = await remove(added.id);
      expect(dropped.statusCode).toBe(200);
      expect(dropped.json()).toMatchObject({ id: added.id, fileName: '停水通知.docx', revisionState: 'discarded', scan: { findings: [] } });
      expect(await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', item.id).execute()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses with stable codes: no revision saved, a file of another item, an item the token may not change, no file', async () => {
    const { app, deps, organ, node, item, upload, remove, keep, authorization } = await setUp([{ fileName: '停水通知.docx', bytes: NOTICE }]);
    try {
      const other = await createPublished(deps, organ.id, [node]);
      const noRevision = await upload('停水通知.docx', NOTICE, undefined, other.id);
      expect(noRevision.statusCode).toBe(409);
      expect(noRevision.json().error).toMatchObject({ code: 'ERR_REVIEW_NO_REVISION', message: expect.stringContaining('请先') });
      const live = await deps.db.selectFrom('attachments').select('id').where('publication_id', '=', item.id).executeTakeFirstOrThrow();
      const elsewhere = await remove(live.id, other.id);
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.json().error.code).toBe('ERR_CATALOG_ATTACHMENT_NOT_FOUND');
      expect((await keep(987654)).json().error.code).toBe('ERR_CATALOG_ATTACHMENT_NOT_FOUND');
      const noFile = await app.inject({ method: 'POST', url: `/api/v1/publications/${item.id}/revision/attachments`, headers: { authorization }, payload: {} });
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().error).toMatchObject({ code: 'ERR_VALIDATION', field: 'file' });
      const stranger = await createApiToken(deps, (await createStaff(deps, organ.code, 'editor')).username, 'test');
      const notTheirs = await app.inject({ method: 'DELETE', url: `/api/v1/publications/${item.id}/revision/attachments/${live.id}`, headers: { authorization: `Bearer ${stranger}` } });
      expect(notTheirs.statusCode).toBeGreaterThanOrEqual(403);
      expect(notTheirs.json().error.code).toBe('ERR_REVIEW_REFUSED');
      expect((await loadForm(deps.db, item.id))!.scanFindings).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('is described in the OpenAPI document the app serves', async () => {
    const { app } = await setUp();
    try {
      const spec = (await app.inject({ url: '/api/openapi.json' })).json();
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
        '/api/v1/publications/{id}/revision/attachments', '/api/v1/publications/{id}/revision/attachments/{attachmentId}', '/api/v1/publications/{id}/revision/attachments/{attachmentId}/keep',
      ]));
      expect(spec.paths['/api/v1/publications/{id}/revision/attachments/{attachmentId}'].delete.responses).toHaveProperty('200');
    } finally {
      await app.close();
    }
  });
});
