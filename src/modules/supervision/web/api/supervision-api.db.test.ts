import { expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../../test/support/db.ts';
import { createNode, createOrgan, createPublished, createStaff } from '../../../../../test/support/factories.ts';
import { createApiToken } from '../../../identity/index.ts';

describeEachDialect('the supervision API', (db) => {
  it('keeps the wording list with a token of the disclosure office and gives the last inspection', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const news = await createNode(deps, organ.id, { name: '工作动态' });
      await createPublished(deps, organ.id, [news], { title: '县建设局开展安全检查' });
      const office = await createApiToken(deps, (await createStaff(deps, organ.code, 'disclosure_office')).username, 'test');
      const editor = await createApiToken(deps, (await createStaff(deps, organ.code, 'editor')).username, 'test');
      const outsider = await createApiToken(deps, (await createStaff(deps, (await createOrgan(deps)).code, 'disclosure_office')).username, 'test');
      const auth = (t: string) => ({ authorization: `Bearer ${t}` });
      const url = `/api/v1/organs/${organ.code}/wording-rules`;

      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      const added = await app.inject({ method: 'POST', url, headers: auth(office), payload: { wrongPhrase: '县建设局', correctPhrase: '县住房和城乡建设局' } });
      expect(added.statusCode).toBe(201);
      const again = await app.inject({ method: 'POST', url, headers: auth(office), payload: { wrongPhrase: '县建设局', correctPhrase: '县住房和城乡建设局' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ERR_SUPERVISION_WORDING_DUPLICATE');
      expect((await app.inject({ method: 'POST', url, headers: auth(editor), payload: { wrongPhrase: '甲', correctPhrase: '乙' } })).json().error.code).toBe('ERR_AUTH_FORBIDDEN');
      expect((await app.inject({ method: 'GET', url, headers: auth(outsider) })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url, headers: auth(editor) })).json().own).toMatchObject([{ wrongPhrase: '县建设局' }]);

      const inspection = `/api/v1/organs/${organ.code}/inspection`;
      expect((await app.inject({ method: 'GET', url: inspection, headers: auth(editor) })).json()).toEqual({ run: null });
      const { runInspectionNow } = await import('../../use-cases/inspection-runs.ts');
      await runInspectionNow(deps, 'cli', [organ]);
      const last = (await app.inject({ method: 'GET', url: inspection, headers: auth(editor) })).json().run;
      expect(last).toMatchObject({ trigger: 'cli', vetoed: true, failedVetoes: ['serious_wording_error'], findings: [{ kind: 'wording_error', responsible: `${organ.name}（政务公开办公室）` }] });

      const del = await app.inject({ method: 'DELETE', url: `${url}/${added.json().id}`, headers: auth(office) });
      expect(del.statusCode).toBe(204);
      expect((await app.inject({ method: 'DELETE', url: `${url}/${added.json().id}`, headers: auth(office) })).json().error.code).toBe('ERR_SUPERVISION_WORDING_NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});
