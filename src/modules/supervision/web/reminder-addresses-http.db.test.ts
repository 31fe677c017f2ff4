import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';

describeEachDialect('提醒邮箱 in the back office', (db) => {
  it('lets the disclosure office set the organ’s and its units’ addresses, keeping the whole form on a typo, and only shows them to an editor', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-03-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps);
      const unit = await createOrgan(deps, { kind: 'unit', parentCode: organ.code, name: `综合股${organ.id}` });
      const officeStaff = await createStaff(deps, organ.code, 'disclosure_office');
      const editorStaff = await createStaff(deps, organ.code, 'editor');
      const office = await loginAs(app, officeStaff.username, officeStaff.password);
      const url = `/admin/organs/${organ.code}/supervision/reminders`;

      const empty = await app.inject({ method: 'GET', url, cookies: office.cookies });
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain(`综合股${organ.id}`);
      expect(empty.body).toContain('尚未配置发信服务器');

      const typo = await app.inject({ method: 'POST', url, cookies: office.cookies, payload: { _csrf: office.csrf, [`email_${organ.id}`]: 'gkb@example.gov.cn', [`email_${unit.id}`]: 'zhb at example' } });
      expect(typo.statusCode).toBe(400);
      expect(typo.body).toContain('“zhb at example”不是有效的电子邮件地址');
      expect(typo.body).toContain('value="gkb@example.gov.cn"');
      // Nothing was saved from the refused form.
      expect((await app.inject({ method: 'GET', url, cookies: office.cookies })).body).not.toContain('gkb@example.gov.cn');

      const ok = await app.inject({ method: 'POST', url, cookies: office.cookies, payload: { _csrf: office.csrf, [`email_${organ.id}`]: 'gkb@example.gov.cn', [`email_${unit.id}`]: 'zhb@example.gov.cn' } });
      expect(ok.statusCode).toBe(303);
      const saved = (await app.inject({ method: 'GET', url, cookies: office.cookies })).body;
      expect(saved).toContain('value="gkb@example.gov.cn"');
      expect(saved).toContain('value="zhb@example.gov.cn"');

      const editor = await loginAs(app, editorStaff.username, editorStaff.password);
      const seen = await app.inject({ method: 'GET', url, cookies: editor.cookies });
      expect(seen.statusCode).toBe(200);
      expect(seen.body).toContain('只有政务公开办公室或机关管理员可以修改提醒邮箱');
      expect((await app.inject({ method: 'POST', url, cookies: editor.cookies, payload: { _csrf: editor.csrf, [`email_${organ.id}`]: '' } })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
