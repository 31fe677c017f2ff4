import { expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/db.ts';
import { createOrgan, createStaff } from '../../../../test/support/factories.ts';

/**
 * An outside tester: the 审核流程 form's empty rows (4–6) showed 审核角色 股室（单位）负责人 chosen, though the page says
 * 留空的行不计入 — it read as three more stages set. An empty row's role is unchosen; a row given a name without a role
 * is refused by the field, not saved with whatever stood first in the list.
 */
describeEachDialect('the 审核流程 form’s empty rows', (db) => {
  it('choose no role, and a named row without one is refused with 请选择审核角色', async () => {
    const { app, deps } = await buildTestApp(db(), '2026-12-10T02:00:00Z');
    try {
      const organ = await createOrgan(deps, { name: '青岚县住房和城乡建设局' });
      const admin = await createStaff(deps, organ.code, 'organ_admin');
      const { cookies, csrf } = await loginAs(app, admin.username, admin.password);
      const page = (await app.inject({ url: `/admin/organs/${organ.code}/review-chain`, cookies })).body;
      const selects = [...page.matchAll(/<select aria-label="第 (\d) 环节审核角色"[^>]*>([\s\S]*?)<\/select>/g)];
      expect(selects).toHaveLength(6);
      // An empty value is written as a bare attribute (value selected).
      const chosen = (html: string) => {
        const m = /<option value(?:="([^"]*)")?( selected)?>/g;
        for (const o of html.matchAll(m)) if (o[2]) return o[1] ?? '';
        return null;
      };
      const nameOf = (n: string) => new RegExp(`aria-label="第 ${n} 环节名称" name="stageName" value(?:="([^"]*)")?`).exec(page)![1] ?? '';
      const empty = selects.filter(([, n]) => nameOf(n) === '');
      expect(empty.length, 'the rows left empty').toBeGreaterThan(0);
      for (const [, n, html] of empty) expect(chosen(html), `row ${n}`).toBe('');
      for (const [, n, html] of selects.filter(([, k]) => nameOf(k) !== '')) expect(chosen(html), `row ${n}`).toMatch(/^[a-z_]+$/);
      const names = ['股室负责人审核', '分管领导审签'];
      const res = await app.inject({ method: 'POST', url: `/admin/organs/${organ.code}/review-chain`, cookies, payload: `_csrf=${encodeURIComponent(csrf)}&stageName=${encodeURIComponent(names[0])}&stageRole=unit_head&stageName=${encodeURIComponent(names[1])}&stageRole=&publisherRole=disclosure_office`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('请选择审核角色');
    } finally {
      await app.close();
    }
  });
});
